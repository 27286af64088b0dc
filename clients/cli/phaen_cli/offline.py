"""Offline withdrawal signatures (issue 14): a device key pair and the signature of a downloaded signing payload.

Format and test vectors: docs/partners/offline-signatures.md (ลายมือชื่ออิเล็กทรอนิกส์แบบออฟไลน์).
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from phaen_cli.exits import CliError, Exit

DOMAIN = "phaen.withdrawal.v1"


def b64u(data: bytes) -> str:
    """base64url without padding."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64u(text: str) -> bytes:
    """The bytes of a base64url text with or without padding."""
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _write_private(path: Path, text: str) -> None:
    # Created 0600 from the start (never readable by others, even for a moment); an existing key is not replaced.
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise CliError(Exit.USAGE, f"{path} exists: a key is never overwritten") from None
    with os.fdopen(fd, "w") as f:
        f.write(text + "\n")


def keys_create(out: Path) -> str:
    """Make a key pair: ``out`` holds the seed (0600), ``out.pub`` the public key; returns the public key."""
    key = Ed25519PrivateKey.generate()
    public = b64u(key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw))
    _write_private(out, b64u(key.private_bytes_raw()))
    Path(f"{out}.pub").write_text(public + "\n")
    return public


def read_payload(payload_file: Path) -> tuple[bytes, dict[str, Any], str]:
    """The canonical bytes of a saved signing payload, what they say, and their digest (checked)."""
    try:
        payload = json.loads(payload_file.read_text(encoding="utf-8"))
        data = unb64u(payload["canonical_b64url"])
        digest = str(payload["digest"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise CliError(Exit.USAGE, f"{payload_file} is not a saved signing payload: {exc}") from exc
    if hashlib.sha256(data).hexdigest() != digest:
        raise CliError(Exit.FAILED, "the payload's bytes do not match its digest: download it again")
    shown = json.loads(data)
    if shown.get("domain") != DOMAIN:
        raise CliError(Exit.FAILED, "not a Phaen withdrawal signing payload")
    return data, shown, digest


def describe(shown: dict[str, Any]) -> str:
    """One line saying what is being signed, for the signatory to read first."""
    return (
        f"withdrawal {shown['withdrawal_id']}: {shown['amount']} ({shown['fund']}) for {shown['purpose']!r}, "
        f"resolution {shown['resolution']['number']}, version {shown['version']}, expires {shown['expires_at']}"
    )


def sign_offline(payload_file: Path, key_file: Path, key_id: str) -> dict[str, str]:
    """The delivery body for a saved signing payload: the bytes are checked against its digest before signing."""
    data, shown, digest = read_payload(payload_file)
    try:
        key = Ed25519PrivateKey.from_private_bytes(unb64u(key_file.read_text().strip()))
    except (OSError, ValueError) as exc:
        raise CliError(Exit.USAGE, f"cannot read the key {key_file}: {exc}") from exc
    return {
        "withdrawal_id": shown["withdrawal_id"],
        "key_id": key_id,
        "digest": digest,
        "signature": b64u(key.sign(data)),
    }
