"""What a withdrawal signature needs of a device key (``withdrawals.service.sign`` uses these, nothing more)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from phaen_budget.devicekeys import crypto
from phaen_budget.devicekeys.errors import BadSignature, UnknownKey
from phaen_budget.devicekeys.models import DeviceKey


@dataclass(frozen=True)
class OfflineSignature:
    """A device key's Ed25519 signature, as delivered (``signature`` re-encoded: one text per signature)."""

    key_id: uuid.UUID
    signature: str

    @classmethod
    def of(cls, *, key_id: uuid.UUID, signature: str) -> OfflineSignature:
        """Normalise the base64url text so the same 64 bytes always compare equal (422 if not 64 bytes)."""
        raw = crypto.b64url_decode(signature)
        if raw is None or len(raw) != 64:
            raise BadSignature("The signature is not 64 bytes of base64url.")
        return cls(key_id=key_id, signature=crypto.b64url(raw))


async def locked_key(*, session: AsyncSession, key_id: uuid.UUID) -> DeviceKey:
    """The key, held FOR SHARE until the signature commits: a revocation waits for it, or it sees the revocation."""
    key = await session.get(DeviceKey, key_id, with_for_update={"read": True}, populate_existing=True)
    if key is None:
        raise UnknownKey()
    return key


def verifies(*, key: DeviceKey, signature: str, message: bytes) -> bool:
    """True when ``signature`` is ``key``'s Ed25519 signature of ``message``."""
    return crypto.verifies(public_key_text=key.public_key, signature_text=signature, message=message)
