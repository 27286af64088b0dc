"""What a withdrawal signature needs of a device key: its signature, normalised.

The key itself is read and held FOR SHARE by ``budget.cosign_lock`` (a revocation waits for the signature, or
the signature sees the revocation) and the signature verified with ``crypto.verifies`` (``withdrawals.service``).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from phaen_budget.devicekeys import crypto
from phaen_budget.devicekeys.errors import BadSignature


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
