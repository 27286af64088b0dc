"""Where the CLI finds its gateway, its credentials and its cached session.

- Gateway URL: ``PHAEN_URL``, else ``url = "..."`` in ``<config dir>/config.toml``, else http://127.0.0.1:8000.
- Config dir: ``PHAEN_CONFIG_DIR``, else the user's config folder (``~/.config/phaen`` on Linux).
- Credentials: ``PHAEN_USERNAME``/``PHAEN_PASSWORD`` (a person) or ``PHAEN_CLIENT_ID``/``PHAEN_CLIENT_SECRET``
  (a partner system), else a prompt. Never a command-line argument (it would land in shell history and ``ps``).
- Session: ``<config dir>/session.json``, mode 0600, one entry per gateway URL: the access token, the refresh
  token and when the access token expires. Passwords and client secrets are never written.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import typer

DEFAULT_URL = "http://127.0.0.1:8000"


def config_dir() -> Path:
    """The folder holding config.toml and the session cache."""
    return Path(os.environ.get("PHAEN_CONFIG_DIR") or typer.get_app_dir("phaen"))


def gateway_url() -> str:
    """The gateway's base URL, without a trailing slash."""
    url = os.environ.get("PHAEN_URL")
    if not url:
        path = config_dir() / "config.toml"
        if path.is_file():
            url = str(tomllib.loads(path.read_text(encoding="utf-8")).get("url") or "")
    return (url or DEFAULT_URL).rstrip("/")


@dataclass(frozen=True)
class Credentials:
    """How to get a token: a person's password grant or a partner system's client credentials."""

    form: dict[str, str]
    who: str


def env_credentials() -> Credentials | None:
    """Credentials from the environment, if complete."""
    user, password = os.environ.get("PHAEN_USERNAME"), os.environ.get("PHAEN_PASSWORD")
    if user and password:
        return Credentials({"grant_type": "password", "username": user, "password": password}, user)
    cid, secret = os.environ.get("PHAEN_CLIENT_ID"), os.environ.get("PHAEN_CLIENT_SECRET")
    if cid and secret:
        return Credentials({"grant_type": "client_credentials", "client_id": cid, "client_secret": secret}, cid)
    return None


def prompt_credentials() -> Credentials:
    """Ask for a username and a hidden password (only where a person is at the terminal)."""
    # On stderr, so that stdout stays one JSON document with --json.
    user = typer.prompt("Username / ชื่อผู้ใช้", err=True)
    password = typer.prompt("Password / รหัสผ่าน", hide_input=True, err=True)
    return Credentials({"grant_type": "password", "username": user, "password": password}, user)


def _session_file() -> Path:
    return config_dir() / "session.json"


def load_sessions() -> dict[str, Any]:
    """Every cached session, by gateway URL (an unreadable cache counts as empty)."""
    try:
        data = json.loads(_session_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def save_session(url: str, token: dict[str, Any] | None) -> Path:
    """Store (or with None, forget) the session for ``url``; the file is 0600 from the moment it exists."""
    sessions = load_sessions()
    if token is None:
        sessions.pop(url, None)
    else:
        sessions[url] = {
            "access_token": token["access_token"],
            "refresh_token": token.get("refresh_token"),
            "expires_at": time.time() + float(token.get("expires_in") or 0),
            "who": token.get("who"),
        }
    folder = config_dir()
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    # mkstemp creates the file 0600; the rename makes the new cache appear whole, never half-written.
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".session-", suffix=".json")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump(sessions, f)
    os.replace(tmp, _session_file())
    return _session_file()
