"""The published test vectors (docs/partners/offline-signatures.md) against two independent Ed25519
implementations: ``cryptography`` (OpenSSL) and PyNaCl (libsodium); and the server computes the same bytes."""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

import nacl.exceptions
import nacl.signing
import pytest
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from phaen_budget.devicekeys import crypto
from phaen_budget.withdrawals import signing

from .test_signing import VECTOR, _withdrawal

DOC = Path(__file__).resolve().parents[3] / "docs" / "partners" / "offline-signatures.md"

SEED = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"
PUBLIC_HEX = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"  # RFC 8032 test 1
PUBLIC_B64U = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"
DIGEST = "12b181e275c77a43230bdc8c5a2a0b89dd060edf08e8b8fb85f42ea9dd06df98"
SIGNATURE_HEX = (
    "b54b8c14259ff9b81af2b09cf7c2654a74fb6633484b6638fa79ba4b2c84bbba"
    "09b3d6e9336bb784edf0943d8f7ab2bda348da18aa17330bf554e55fa6f0900a"
)
SIGNATURE_B64U = "tUuMFCWf-bga8rCc98JlSnT7ZjNIS2Y4-nm6SyyEu7oJs9bpM2u3hO3wlD2PerK9o0jaGKoXMwv1VOVfpvCQCg"
MESSAGE = VECTOR.encode()


def _b64u(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def test_the_server_signs_over_the_vector_bytes_and_digest() -> None:
    signable = signing.signable(_withdrawal())
    assert signable.canonical == MESSAGE and signable.digest == DIGEST == hashlib.sha256(MESSAGE).hexdigest()


def test_the_vector_with_cryptography_openssl() -> None:
    key = Ed25519PrivateKey.from_private_bytes(bytes.fromhex(SEED))
    assert key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw).hex() == PUBLIC_HEX
    assert key.sign(MESSAGE).hex() == SIGNATURE_HEX  # Ed25519 is deterministic
    Ed25519PublicKey.from_public_bytes(bytes.fromhex(PUBLIC_HEX)).verify(bytes.fromhex(SIGNATURE_HEX), MESSAGE)
    with pytest.raises(InvalidSignature):
        Ed25519PublicKey.from_public_bytes(bytes.fromhex(PUBLIC_HEX)).verify(
            bytes.fromhex(SIGNATURE_HEX), MESSAGE.replace(b"8000.50", b"8000.51")
        )


def test_the_vector_with_pynacl_libsodium() -> None:
    key = nacl.signing.SigningKey(bytes.fromhex(SEED))
    assert bytes(key.verify_key).hex() == PUBLIC_HEX
    assert key.sign(MESSAGE).signature.hex() == SIGNATURE_HEX
    nacl.signing.VerifyKey(bytes.fromhex(PUBLIC_HEX)).verify(MESSAGE, bytes.fromhex(SIGNATURE_HEX))
    with pytest.raises(nacl.exceptions.BadSignatureError):
        nacl.signing.VerifyKey(bytes.fromhex(PUBLIC_HEX)).verify(
            MESSAGE.replace(b"8000.50", b"8000.51"), bytes.fromhex(SIGNATURE_HEX)
        )


def test_the_service_verifier_accepts_the_vector_and_nothing_else() -> None:
    assert _b64u(bytes.fromhex(PUBLIC_HEX)) == PUBLIC_B64U and _b64u(bytes.fromhex(SIGNATURE_HEX)) == SIGNATURE_B64U
    assert crypto.verifies(public_key_text=PUBLIC_B64U, signature_text=SIGNATURE_B64U, message=MESSAGE)
    other = _b64u(nacl.signing.SigningKey.generate().sign(MESSAGE).signature)
    assert not crypto.verifies(public_key_text=PUBLIC_B64U, signature_text=other, message=MESSAGE)
    assert not crypto.verifies(public_key_text=PUBLIC_B64U, signature_text=SIGNATURE_B64U, message=MESSAGE + b" ")


def test_the_document_publishes_exactly_these_vectors() -> None:
    doc = DOC.read_text(encoding="utf-8")
    for value in (SEED, PUBLIC_HEX, PUBLIC_B64U, DIGEST, SIGNATURE_HEX, SIGNATURE_B64U, VECTOR, _b64u(MESSAGE)):
        assert value in doc
