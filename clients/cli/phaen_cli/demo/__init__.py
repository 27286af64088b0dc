"""``phaen demo`` / ``make demo``: the seed's story through the public API, and its documents in demo-output/."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

from phaen_cli import settings
from phaen_cli.api import Api
from phaen_cli.demo import stack
from phaen_cli.demo.story import Story
from phaen_cli.exits import CliError, Exit
from phaen_cli.output import err, out


def _admin(url: str, started: bool) -> Api:
    """The admin who sets the cast up: the environment's credentials, else the password `make run` wrote."""
    creds = settings.env_credentials()
    if creds is None:
        env_password = os.environ.get("PHAEN_ADMIN_PASSWORD")
        file = stack.admin_password_file()
        if env_password:
            password = env_password
        elif file.is_file():
            password = file.read_text().strip()
        elif not started and os.isatty(0):
            return Api.login(url, settings.prompt_credentials(), cache=False)
        else:
            raise CliError(Exit.AUTH, "no admin credentials: set PHAEN_USERNAME/PHAEN_PASSWORD")
        creds = settings.Credentials({"grant_type": "password", "username": "admin", "password": password}, "admin")
    return Api.login(url, creds, cache=False)


def run_demo(out_dir: Path, *, start: bool = True, quiet: bool = False) -> dict[str, Any]:
    """Attach to (or start) the stack, play the story, write the documents, print a summary; returns it."""
    url = settings.gateway_url()
    began = time.monotonic()
    started = None
    if not stack.answers(url):
        if not start:
            raise CliError(Exit.UNAVAILABLE, f"no gateway at {url}: start `make run` (or drop --no-start)")
        err.print(f"starting make run for {url} (log in {stack.data_dir() / 'demo-make-run.log'}) ...")
        started = stack.start(url)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)

        def say(text: str) -> None:
            if not quiet:
                err.print(f"[cyan]•[/] {text}", highlight=False)

        story = Story(url=url, admin=_admin(url, started is not None), out=out_dir, say=say)
        story.play()
    finally:
        if started is not None:
            started.stop()
    summary = {
        "ok": True,
        "url": url,
        "run": story.tag,
        "seconds": round(time.monotonic() - began, 1),
        "ids": {k: v for k, v in story.ids.items() if k != "signers"},
        "facts": story.facts,
        "files": story.files,
        "stack": "started and stopped by the demo" if started else "attached",
    }
    if not quiet:
        # Plain lines, not a table: a narrow or non-terminal output must still show every path whole.
        out.print(f"Phaen demo {story.tag}: documents / เอกสาร ({summary['seconds']} s)", highlight=False)
        for name, path in story.files.items():
            out.print(f"  {name:<20} {path}", highlight=False, overflow="ignore", crop=False)
        totals = story.facts["plan_vs_actual"]
        out.print(
            f"grant {story.facts['grant']['amount']} in {story.facts['grant']['lines']} lines; "
            f"actual {totals['actual']}, variance {totals['variance']}; tranches "
            f"{story.facts['tranche_1']} + {story.facts['tranche_2']}; audit chain ok"
        )
        if started is not None:
            out.print("the stack the demo started is stopped again / ปิดระบบที่เปิดไว้แล้ว")
    return summary
