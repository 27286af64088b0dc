"""Ed25519 over the exact canonical bytes (``withdrawals.signing``), base64url without padding."""

from __future__ import annotations

import base64
import binascii

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey


def b64url_decode(text: str) -> bytes | None:
    """The bytes of unpadded (or padded) base64url text, or None when it is not base64url."""
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError):
        return None


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def public_key(text: str) -> Ed25519PublicKey | None:
    """The Ed25519 key of 32 raw bytes given as base64url, or None."""
    raw = b64url_decode(text)
    if raw is None or len(raw) != 32 or b64url(raw) != text:
        return None
    try:
        return Ed25519PublicKey.from_public_bytes(raw)
    except ValueError:
        return None


def verifies(*, public_key_text: str, signature_text: str, message: bytes) -> bool:
    """True when ``signature_text`` (base64url of 64 bytes) is the key's Ed25519 signature of ``message``."""
    key = public_key(public_key_text)
    sig = b64url_decode(signature_text)
    if key is None or sig is None or len(sig) != 64:
        return False
    try:
        key.verify(sig, message)
    except InvalidSignature:
        return False
    return True
