"""What a command prints: rich tables for people, one JSON document for scripts (``--json``), and exit codes."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from typing import Annotated, Any, ParamSpec, TypeVar

import typer
from rich.console import Console
from rich.markup import escape

from phaen_cli.exits import CliError, Exit

P = ParamSpec("P")
R = TypeVar("R")

out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

JsonOpt = Annotated[
    bool, typer.Option("--json", help="Print one JSON document on stdout (for scripts) / พิมพ์ผลเป็น JSON")
]
YesOpt = Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation / ไม่ต้องถามยืนยัน")]


def emit_json(data: Any) -> None:
    """Write one JSON document to stdout (Thai kept as is)."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")
    sys.stdout.flush()


def handled(fn: Callable[P, R]) -> Callable[P, R]:
    """Turn a CliError into its message (or a JSON error document with --json) and its exit code."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return fn(*args, **kwargs)
        except CliError as exc:
            if kwargs.get("as_json"):
                emit_json({"ok": False, "exit": int(exc.code), "error": exc.message, "problem": exc.problem or None})
            else:
                err.print(f"[bold red]error[/] ({int(exc.code)} {exc.code.name.lower()}): {escape(exc.message)}")
            raise typer.Exit(int(exc.code)) from None

    return wrapper


def done(code: Exit) -> None:
    """End the command with ``code`` (nothing to do for 0)."""
    if code != Exit.OK:
        raise typer.Exit(int(code))
