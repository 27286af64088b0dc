"""The full-run log of `make run` carries no national ID, phone number, password, token or secret.

The world the authorization matrix builds used all of these (people with national IDs and phones, users with
passwords, partner clients with secrets, bearer tokens on every request); the log of the whole stack is then
scanned for each of them, and for anything shaped like one.
"""

from __future__ import annotations

import re

from authz_world import World
from e2e_stack import Stack

from phaen_common.thai_id import national_id_ok

JWT = re.compile(r"eyJ[\w-]{8,}\.[\w-]{8,}\.[\w-]{8,}")
# Standing alone, not a run of digits inside a request id or a UUID.
THIRTEEN_DIGITS = re.compile(r"(?<![0-9A-Za-z-])\d{13}(?![0-9A-Za-z-])")
PHONE = re.compile(r"(?<![0-9A-Za-z.-])0[689]\d{8}(?![0-9A-Za-z.-])")


def test_the_log_holds_no_personal_data_and_no_secret(stack: Stack, world: World) -> None:
    log = stack.log()
    assert len(log) > 10_000  # the stack really logged this run
    leaked = sorted(s for s in world.secrets if s and s in log)
    assert not leaked, f"{len(leaked)} secrets or IDs used by the test appear in the log"
    assert not JWT.search(log), "a bearer token appears in the log"
    ids = [m for m in THIRTEEN_DIGITS.findall(log) if national_id_ok(m)]
    assert not ids, f"{len(ids)} national-ID-shaped numbers in the log"
    assert not PHONE.search(log), "a phone number appears in the log"
