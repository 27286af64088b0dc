"""The stack the demo plays against: a gateway that answers already, or a `make run` the demo starts and stops."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from phaen_cli.exits import CliError, Exit

# clients/cli/phaen_cli/demo/stack.py -> the repository (the CLI is installed from it in development mode).
REPO = Path(__file__).resolve().parents[4]
READY_SECONDS = 480


def answers(url: str) -> bool:
    """Whether the gateway's /healthz says ok."""
    try:
        return httpx.get(f"{url}/healthz", timeout=3).status_code == 200
    except httpx.HTTPError:
        return False


@dataclass
class Started:
    """A `make run` started by the demo (stopped by it at the end)."""

    proc: subprocess.Popen[bytes]
    data_dir: Path
    log: Path

    def stop(self) -> None:
        """Ctrl-C for the whole process group, as a person would; wait for it to end."""
        try:
            os.killpg(self.proc.pid, signal.SIGINT)
            self.proc.wait(timeout=60)
        except ProcessLookupError:
            pass
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()


def data_dir() -> Path:
    """The data folder `make run` uses here."""
    return Path(os.environ.get("PHAEN_DATA_DIR") or REPO / ".data")


def start(url: str) -> Started:
    """Start `make run` in the repository, on the gateway port of ``url``, and wait until it serves."""
    if not (REPO / "scripts" / "run.py").is_file():
        raise CliError(Exit.UNAVAILABLE, f"no gateway at {url}, and no repository here to start one from")
    parts = urlsplit(url)
    if parts.hostname not in ("127.0.0.1", "localhost"):
        raise CliError(Exit.UNAVAILABLE, f"no gateway at {url} (the demo starts a stack only on this machine)")
    env = dict(os.environ)
    if parts.port:
        env["PHAEN_GATEWAY_PORT"] = str(parts.port)
    folder = data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    log = folder / "demo-make-run.log"
    with log.open("wb") as sink:
        proc = subprocess.Popen(
            ["make", "--no-print-directory", "run"],
            cwd=REPO,
            env=env,
            stdout=sink,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    started = Started(proc, folder, log)
    deadline = time.monotonic() + READY_SECONDS
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise CliError(Exit.UNAVAILABLE, f"make run ended early ({proc.returncode}); see {log}")
        if "ready: gateway on" in log.read_text(errors="replace") and answers(url):
            return started
        time.sleep(0.5)
    started.stop()
    raise CliError(Exit.UNAVAILABLE, f"make run was not ready in {READY_SECONDS} s; see {log}")


def admin_password_file() -> Path:
    """Where `make run` writes a generated admin password."""
    return data_dir() / "admin-password"
