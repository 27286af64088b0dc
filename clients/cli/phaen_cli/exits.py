"""Exit codes of every ``phaen`` command (documented in ``phaen --help`` and the README)."""

from __future__ import annotations

from enum import IntEnum
from typing import Any


class Exit(IntEnum):
    """What a script can rely on."""

    OK = 0  # done
    FAILED = 1  # rows failed, verification failed, the API refused the change (409/422), or the user declined
    USAGE = 2  # bad arguments or a bad input file (typer/click use 2 for usage errors too)
    AUTH = 3  # no credentials, bad credentials or an expired session that could not be renewed (401)
    DENIED = 4  # not found or not allowed (403/404): the API does not say which, on purpose
    UNAVAILABLE = 5  # the gateway cannot be reached, or answered 5xx/429


EXIT_HELP = (
    "Exit codes / รหัสออก: 0 ok สำเร็จ; 1 failed rows, verification failed or refused แถวผิด/ตรวจไม่ผ่าน/ถูกปฏิเสธ; "
    "2 usage การใช้คำสั่งผิด; 3 auth ยืนยันตัวตนไม่ได้; 4 not found or forbidden ไม่พบหรือไม่มีสิทธิ์; "
    "5 server unavailable ติดต่อเซิร์ฟเวอร์ไม่ได้"
)


class CliError(Exception):
    """A failure with the exit code it ends the command with, and the problem document if the API sent one."""

    def __init__(self, code: Exit, message: str, problem: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.problem = problem or {}


def exit_for_status(status: int) -> Exit:
    """The exit code an HTTP status maps to."""
    if status == 401:
        return Exit.AUTH
    if status in (403, 404, 405):
        return Exit.DENIED
    if status == 429 or status >= 500:
        return Exit.UNAVAILABLE
    if 400 <= status < 500:
        return Exit.FAILED
    return Exit.OK
