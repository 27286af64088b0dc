"""Thin wrapper kept for old instructions: the offline signer now lives in the ``phaen`` CLI.

    phaen keys create --out my.key
    phaen sign --offline payload.json --key my.key --key-id KEY_ID --out sig.json

This script takes the same arguments (``python scripts/phaen_sign.py keys create --out my.key`` ...) and calls the
same code (``phaen_cli.offline``). Format and test vectors: docs/partners/offline-signatures.md.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from phaen_cli.exits import CliError
from phaen_cli.offline import describe, keys_create, read_payload, sign_offline

__all__ = ["keys_create", "main", "sign_offline"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="phaen_sign", description="Phaen offline signatures (see `phaen sign`)")
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
    try:
        if args.command == "keys":
            print(keys_create(args.out))
            return 0
        print("signing " + describe(read_payload(args.offline)[1]), file=sys.stderr)
        body = sign_offline(args.offline, args.key, args.key_id)
    except CliError as exc:
        print(exc.message, file=sys.stderr)
        return int(exc.code)
    out = args.out or Path(f"{args.offline}.sig.json")
    out.write_text(json.dumps(body, indent=2) + "\n")
    print(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
