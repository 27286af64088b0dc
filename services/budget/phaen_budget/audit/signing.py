"""The Ed25519 key that signs the audit head (partners keep the signed head as an outside anchor).

An asymmetric key rather than an HMAC: a partner can check the signature with the public key the
service publishes, without being able to forge one.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from phaen_budget.config import Settings


class HeadSigner:
    """Signs audit heads with the service's Ed25519 key."""

    def __init__(self, key: Ed25519PrivateKey) -> None:
        self.key = key
        raw = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        self.public_key_b64 = base64.b64encode(raw).decode()
        self.key_id = hashlib.sha256(raw).hexdigest()[:16]

    def sign(self, message: bytes) -> str:
        return base64.b64encode(self.key.sign(message)).decode()

    def verify(self, message: bytes, signature: str) -> bool:
        """True when ``signature`` (base64) is this key's signature of ``message``."""
        try:
            self.key.public_key().verify(base64.b64decode(signature, validate=True), message)
        except (InvalidSignature, binascii.Error, ValueError):
            return False
        return True


def head_message(seq: int, digest: str) -> str:
    """What a signed head signs."""
    return f"phaen-budget-audit:{seq}:{digest}"


def load_signer(settings: Settings) -> HeadSigner:
    """The key from settings, else the one kept in the data dir (made on first use, mode 0600)."""
    if settings.audit_signing_key is not None:
        pem = settings.audit_signing_key.get_secret_value().encode()
        key = serialization.load_pem_private_key(pem, password=None)
        if not isinstance(key, Ed25519PrivateKey):
            raise ValueError("PHAEN_AUDIT_SIGNING_KEY must be an Ed25519 private key in PEM")
        return HeadSigner(key)
    if settings.is_production:
        raise ValueError("PHAEN_AUDIT_SIGNING_KEY must be set outside development")
    path = Path(settings.data_dir) / "budget-audit-ed25519.pem"
    if path.exists():
        loaded = serialization.load_pem_private_key(path.read_bytes(), password=None)
        if isinstance(loaded, Ed25519PrivateKey):
            return HeadSigner(loaded)
    new = Ed25519PrivateKey.generate()
    path.parent.mkdir(parents=True, exist_ok=True)
    pem = new.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(pem)
    return HeadSigner(new)
