"""Where attachment bytes live, behind a small interface.

Only the local filesystem is built (``$PHAEN_DATA_DIR/attachments``, content-addressed by SHA-256).
S3-compatible storage is the documented extension point: implement ``AttachmentStorage`` (e.g. with
obstore, tested against moto bound to 127.0.0.1) and select it with ``PHAEN_STORAGE_BACKEND``.
"""

from __future__ import annotations

import asyncio
import os
import tempfile
from pathlib import Path
from typing import Protocol


class AttachmentStorage(Protocol):
    async def put(self, sha256: str, data: bytes) -> str:
        """Store ``data`` and return its storage key."""
        ...

    async def get(self, key: str) -> bytes: ...


class LocalStorage:
    """Files under ``root/ab/cd/<sha256>``, written atomically (temp file then rename)."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def _path(self, key: str) -> Path:
        if not key.isalnum():
            raise ValueError("invalid storage key")
        return self.root / key[:2] / key[2:4] / key

    def _write(self, key: str, data: bytes) -> None:
        path = self._path(key)
        if path.exists():
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    async def put(self, sha256: str, data: bytes) -> str:
        await asyncio.to_thread(self._write, sha256, data)
        return sha256

    async def get(self, key: str) -> bytes:
        return await asyncio.to_thread(self._path(key).read_bytes)


def make_storage(backend: str, root: Path) -> AttachmentStorage:
    if backend != "local":
        raise ValueError(f"storage backend {backend!r} is not built; only 'local' is (see expenses/storage.py)")
    return LocalStorage(root)
