"""What a signatory signs: the canonical bytes of a withdrawal and their digest.

One function for every signature, online or offline (issue 14 reuses it): RFC 8785 (JCS) canonical JSON of
``{"domain": "phaen.withdrawal.v1", "withdrawal_id", "account_id", "amount", "fund", "purpose",
"resolution", "version", "expires_at"}``, and ``digest`` = lowercase hex SHA-256 of those bytes.

Field forms (part of the format, documented for other implementations): ids are lowercase hyphenated UUID
strings; ``amount`` a string with exactly 2 decimals (never a JSON number); ``resolution`` an object
``{"number", "meeting_date"}`` with the date as ``YYYY-MM-DD``; ``version`` an integer; ``expires_at`` UTC as
``YYYY-MM-DDTHH:MM:SSZ`` (whole seconds: the expiry is stored truncated to the second).
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import rfc8785

from phaen_common.money import CENT

if TYPE_CHECKING:
    from phaen_budget.withdrawals.service import AnyWithdrawal

DOMAIN = "phaen.withdrawal.v1"


def utc_seconds(value: dt.datetime) -> str:
    """``YYYY-MM-DDTHH:MM:SSZ`` in UTC."""
    return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def payload(w: AnyWithdrawal) -> dict[str, Any]:
    """The signed fields of a withdrawal, as plain JSON values."""
    return {
        "domain": DOMAIN,
        "withdrawal_id": str(w.id),
        "account_id": str(w.account_id),
        "amount": f"{w.amount.quantize(CENT):.2f}",
        "fund": w.fund,
        "purpose": w.purpose,
        "resolution": {"number": w.resolution_number, "meeting_date": w.resolution_date.isoformat()},
        "version": w.version,
        "expires_at": utc_seconds(w.expires_at),
    }


@dataclass(frozen=True)
class Signable:
    """The canonical bytes of one version of a withdrawal and their digest."""

    canonical: bytes
    digest: str

    @property
    def canonical_b64url(self) -> str:
        return base64.urlsafe_b64encode(self.canonical).rstrip(b"=").decode()


def canonical(fields: dict[str, Any]) -> Signable:
    """RFC 8785 bytes of ``fields`` and their SHA-256 (hex)."""
    data = rfc8785.dumps(fields)
    return Signable(canonical=data, digest=hashlib.sha256(data).hexdigest())


def signable(w: AnyWithdrawal) -> Signable:
    """What a signatory of ``w`` signs now."""
    return canonical(payload(w))


def digest(w: AnyWithdrawal) -> str:
    """The current digest of ``w``."""
    return signable(w).digest
