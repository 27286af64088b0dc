"""The signing payload is a fixed format other implementations reproduce: one vector, written out by hand."""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from decimal import Decimal

from phaen_budget.withdrawals import signing
from phaen_budget.withdrawals.models import Withdrawal


def _withdrawal(**over: object) -> Withdrawal:
    fields: dict[str, object] = {
        "id": uuid.UUID("0b7e3c1e-5a3d-4c55-9f4e-2d1b7a9e6c10"),
        "account_id": uuid.UUID("7d2f9a40-1c6b-4e8a-b3d5-6f0e2a9c8b71"),
        "project_id": uuid.uuid4(),
        "amount": Decimal("8000.5"),
        "fund": "grant",
        "purpose": 'ค่าอาหาร "เวที" 80 ชุด',
        "resolution_number": "มติ 3/2547",
        "resolution_date": dt.date(2004, 3, 15),
        "requested_by": "u",
        "version": 2,
        "expires_at": dt.datetime(2004, 4, 14, 17, 30, 5, tzinfo=dt.timezone(dt.timedelta(hours=7))),
    }
    fields.update(over)
    return Withdrawal(**fields)


# Keys in code-point order, no whitespace, the amount a string with 2 decimals, the expiry in UTC to the second,
# non-ASCII as UTF-8 (not \u escapes), only " and \ escaped.
VECTOR = (
    '{"account_id":"7d2f9a40-1c6b-4e8a-b3d5-6f0e2a9c8b71","amount":"8000.50","domain":"phaen.withdrawal.v1",'
    '"expires_at":"2004-04-14T10:30:05Z","fund":"grant","purpose":"ค่าอาหาร \\"เวที\\" 80 ชุด",'
    '"resolution":{"meeting_date":"2004-03-15","number":"มติ 3/2547"},"version":2,'
    '"withdrawal_id":"0b7e3c1e-5a3d-4c55-9f4e-2d1b7a9e6c10"}'
)


def test_canonical_bytes_and_digest_match_the_written_vector() -> None:
    signable = signing.signable(_withdrawal())
    assert signable.canonical == VECTOR.encode()
    assert signable.digest == hashlib.sha256(VECTOR.encode()).hexdigest() == signing.digest(_withdrawal())


def test_every_signed_field_changes_the_digest() -> None:
    base = signing.digest(_withdrawal())
    changed = [
        {"amount": Decimal("8000.51")},
        {"fund": "interest"},
        {"purpose": "อื่น"},
        {"resolution_number": "มติ 4/2547"},
        {"resolution_date": dt.date(2004, 3, 16)},
        {"version": 3},
        {"expires_at": dt.datetime(2004, 4, 14, 10, 30, 6, tzinfo=dt.UTC)},
        {"account_id": uuid.uuid4()},
        {"id": uuid.uuid4()},
    ]
    assert all(signing.digest(_withdrawal(**c)) != base for c in changed)
    # What is not signed does not move it (the project follows from the account).
    assert signing.digest(_withdrawal(project_id=uuid.uuid4(), requested_by="another")) == base
