"""The reference signer (scripts/phaen_sign.py): a key file of mode 0600, and a signature the service accepts."""

from __future__ import annotations

import importlib.util
import json
import stat
from pathlib import Path

from .factory import Budget
from .test_offline_signatures import Phone

SCRIPT = Path(__file__).resolve().parents[3] / "scripts" / "phaen_sign.py"


def _load():
    spec = importlib.util.spec_from_file_location("phaen_sign", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


async def test_keys_create_and_sign_offline_produce_a_signature_the_service_counts(client, keys, tmp_path):
    cli = _load()
    key_file = tmp_path / "device.key"
    assert cli.main(["keys", "create", "--out", str(key_file)]) == 0
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    public = (tmp_path / "device.key.pub").read_text().strip()

    b = Budget(client, keys)
    _, account = await b.funded("5000.00")
    w = await b.withdrawal(account, "100.00")
    phone = Phone(b, account["signatories"][0])
    key = await b.ok("POST", "/v1/budget/signatories/me/keys", phone.headers, {"public_key": public, "label": "cli"})
    payload_file = tmp_path / "payload.json"
    payload_file.write_text(json.dumps(await b.get(f"/v1/budget/withdrawals/{w['id']}/signing-payload")))
    sig_file = tmp_path / "sig.json"
    assert (
        cli.main(
            [
                "sign",
                "--offline",
                str(payload_file),
                "--key",
                str(key_file),
                "--key-id",
                key["id"],
                "--out",
                str(sig_file),
            ]
        )
        == 0
    )
    body = json.loads(sig_file.read_text())
    out = await b.ok("POST", "/v1/budget/sync", b.secretariat, {"signatures": [body]}, status=200)
    assert [(r["status"], r["code"]) for r in out["results"]] == [(201, "signed")]
