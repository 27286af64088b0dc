"""Reference signer for offline withdrawal signatures (issue 14); there is no ``phaen`` CLI yet.

    python scripts/phaen_sign.py keys create --out my.key
        writes my.key (the 32-byte Ed25519 seed, base64url, mode 0600) and my.key.pub (the public key to register)
    python scripts/phaen_sign.py sign --offline payload.json --key my.key --key-id KEY_ID --out sig.json
        signs the exact canonical bytes of a downloaded signing payload and writes the delivery body

Format and test vectors: docs/partners/offline-signatures.md.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import os
import sys
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat


def b64u(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64u(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _write_private(path: Path, text: str) -> None:
    # Created 0600 from the start (never readable by others, even for a moment); an existing key is not replaced.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(text + "\n")


def keys_create(out: Path) -> str:
    """Make a key pair: ``out`` holds the seed (0600), ``out.pub`` the public key; returns the public key."""
    key = Ed25519PrivateKey.generate()
    seed = key.private_bytes_raw()
    public = b64u(key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw))
    _write_private(out, b64u(seed))
    Path(f"{out}.pub").write_text(public + "\n")
    return public


def sign_offline(payload_file: Path, key_file: Path, key_id: str) -> dict[str, str]:
    """The delivery body for a saved signing payload: the bytes are checked against its digest before signing."""
    payload = json.loads(payload_file.read_text(encoding="utf-8"))
    data = unb64u(payload["canonical_b64url"])
    if hashlib.sha256(data).hexdigest() != payload["digest"]:
        raise SystemExit("the payload's bytes do not match its digest: download it again")
    shown = json.loads(data)
    if shown.get("domain") != "phaen.withdrawal.v1":
        raise SystemExit("not a Phaen withdrawal signing payload")
    key = Ed25519PrivateKey.from_private_bytes(unb64u(key_file.read_text().strip()))
    print(
        f"signing withdrawal {shown['withdrawal_id']}: {shown['amount']} ({shown['fund']}) for {shown['purpose']!r}, "
        f"resolution {shown['resolution']['number']}, version {shown['version']}, expires {shown['expires_at']}",
        file=sys.stderr,
    )
    return {
        "withdrawal_id": shown["withdrawal_id"],
        "key_id": key_id,
        "digest": payload["digest"],
        "signature": b64u(key.sign(data)),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="phaen_sign", description="Phaen offline signatures (reference signer)")
    sub = parser.add_subparsers(dest="command", required=True)
    keys = sub.add_parser("keys").add_subparsers(dest="keys_command", required=True)
    create = keys.add_parser("create", help="make an Ed25519 key pair")
    create.add_argument("--out", type=Path, default=Path("phaen-device.key"))
    sign = sub.add_parser("sign", help="sign a downloaded signing payload")
    sign.add_argument("--offline", type=Path, required=True, metavar="PAYLOAD_FILE")
    sign.add_argument("--key", type=Path, required=True)
    sign.add_argument("--key-id", required=True, help="the id the server gave the registered key")
    sign.add_argument("--out", type=Path, default=None, help="the signature file (default: PAYLOAD_FILE.sig.json)")
    args = parser.parse_args(argv)
    if args.command == "keys":
        print(keys_create(args.out))
        return 0
    body = sign_offline(args.offline, args.key, args.key_id)
    out = args.out or Path(f"{args.offline}.sig.json")
    out.write_text(json.dumps(body, indent=2) + "\n")
    print(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
