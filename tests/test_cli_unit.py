"""The phaen CLI without a server: exit codes, input parsing, the session cache, offline signing."""

from __future__ import annotations

import hashlib
import json
import stat
import time
from decimal import Decimal
from pathlib import Path

import httpx
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from typer.testing import CliRunner

from phaen_cli import api as api_mod
from phaen_cli import imports, money, offline, settings
from phaen_cli.exits import CliError, Exit, exit_for_status
from phaen_cli.main import app

runner = CliRunner()
PROJECT = "0b7e3c1e-5a3d-4c55-9f4e-2d1b7a9e6c10"


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for var in ("PHAEN_USERNAME", "PHAEN_PASSWORD", "PHAEN_CLIENT_ID", "PHAEN_CLIENT_SECRET", "PHAEN_URL"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("PHAEN_CONFIG_DIR", str(tmp_path / "cfg"))


@pytest.mark.parametrize(
    ("status", "code"),
    [
        (401, Exit.AUTH),
        (403, Exit.DENIED),
        (404, Exit.DENIED),
        (409, Exit.FAILED),
        (422, Exit.FAILED),
        (429, Exit.UNAVAILABLE),
        (503, Exit.UNAVAILABLE),
        (500, Exit.UNAVAILABLE),
    ],
)
def test_http_status_maps_to_its_exit_code(status: int, code: Exit) -> None:
    assert exit_for_status(status) == code


def test_release_file_parses_amounts_as_decimals_and_names_bad_lines(tmp_path: Path) -> None:
    good = tmp_path / "r.csv"
    good.write_text(
        "project_id,tranche,amount,resolution_number,meeting_date\n"
        f'{PROJECT},1,"22,500.5",มติ 3/2547,2004-03-15\n{PROJECT},2,,มติ 4/2547,2004-06-01\n',
        encoding="utf-8",
    )
    lines = money.parse_release_file(good)
    assert [(r.tranche, r.amount) for r in lines] == [(1, Decimal("22500.50")), (2, None)]
    assert lines[0].resolution == {"number": "มติ 3/2547", "meeting_date": "2004-03-15"}
    assert lines[0].key == money.parse_release_file(good)[0].key != lines[1].key
    for bad, says in [
        (f"{PROJECT},1,1.001,มติ,2004-03-15", "at most 2 decimals"),
        (f"{PROJECT},1,-5,มติ,2004-03-15", "positive"),
        ("not-a-uuid,1,,มติ,2004-03-15", "UUID"),
        (f"{PROJECT},1,,,2004-03-15", "resolution_number"),
        (f"{PROJECT},1,,มติ,15/03/2547", "YYYY-MM-DD"),
        (f"{PROJECT},13,,มติ,2004-03-15", "1-12"),
    ]:
        path = tmp_path / "bad.csv"
        path.write_text("project_id,tranche,amount,resolution_number,meeting_date\n" + bad + "\n", encoding="utf-8")
        with pytest.raises(CliError) as caught:
            money.parse_release_file(path)
        assert caught.value.code == Exit.USAGE and says in caught.value.message and "line 2" in caught.value.message


def test_people_rows_are_checked_before_anything_is_sent() -> None:
    body, problems = imports.person_problems({"full_name": "นางสมศรี", "national_id": "1-1017-00230-70-8"})
    assert problems == [] and body["national_id"] == "1101700230708"
    _, problems = imports.person_problems({"full_name": "", "national_id": "1101700230709", "tambon": "12"})
    assert len(problems) == 3


def test_session_cache_is_private_and_keeps_no_password(tmp_path: Path) -> None:
    path = settings.save_session("http://x", {"access_token": "a", "refresh_token": "r", "expires_in": 900})
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert set(json.loads(path.read_text())["http://x"]) == {"access_token", "refresh_token", "expires_at", "who"}


def test_an_expiring_session_is_renewed_with_its_refresh_token(monkeypatch: pytest.MonkeyPatch) -> None:
    settings.save_session("http://x", {"access_token": "old", "refresh_token": "r1", "expires_in": 30})
    grants: list[dict[str, str]] = []

    def fake_token(url: str, form: dict[str, str]) -> dict[str, object]:
        grants.append(form)
        return {"access_token": "new", "refresh_token": "r2", "expires_in": 900}

    monkeypatch.setattr(api_mod, "get_token", fake_token)
    api = api_mod.Api.session("http://x")
    assert api.token == "new" and grants == [{"grant_type": "refresh_token", "refresh_token": "r1"}]
    entry = settings.load_sessions()["http://x"]
    assert entry["refresh_token"] == "r2" and entry["expires_at"] > time.time() + 800
    # Still fresh: no token request at all.
    assert api_mod.Api.session("http://x").token == "new" and len(grants) == 1


def test_without_a_session_or_credentials_the_exit_code_is_3() -> None:
    result = runner.invoke(app, ["audit", "verify", "--json"])
    assert result.exit_code == 3
    assert json.loads(result.stdout)["exit"] == 3


def test_an_unreachable_gateway_is_exit_5(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PHAEN_URL", "http://127.0.0.1:9")  # discard port: nothing listens
    monkeypatch.setenv("PHAEN_USERNAME", "someone")
    monkeypatch.setenv("PHAEN_PASSWORD", "secret-from-env")
    result = runner.invoke(app, ["login"])
    assert result.exit_code == 5, result.output
    assert "secret-from-env" not in result.output


def test_usage_errors_are_exit_2(tmp_path: Path) -> None:
    assert runner.invoke(app, ["import", "tambons", str(tmp_path / "missing.csv")]).exit_code == 2
    assert runner.invoke(app, ["export", "plan-vs-actual", "--format", "docx"]).exit_code == 2
    assert runner.invoke(app, ["tranches", "release"]).exit_code == 2  # --from is required
    # No credential ever comes from the command line.
    assert runner.invoke(app, ["login", "--password", "x"]).exit_code == 2


def test_api_errors_carry_the_problem_code() -> None:
    response = httpx.Response(409, json={"code": "already_signed", "detail": "signed once"})
    error = api_mod.error_for(response, "sign")
    assert error.code == Exit.FAILED and "already_signed" in error.message


def test_keys_create_and_sign_offline(tmp_path: Path) -> None:
    key_file = tmp_path / "device.key"
    result = runner.invoke(app, ["keys", "create", "--out", str(key_file), "--json"])
    assert result.exit_code == 0, result.output
    public = json.loads(result.stdout)["public_key"]
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert runner.invoke(app, ["keys", "create", "--out", str(key_file)]).exit_code == 2  # never overwritten
    shown = {
        "domain": "phaen.withdrawal.v1",
        "withdrawal_id": PROJECT,
        "amount": "100.00",
        "fund": "grant",
        "purpose": "ค่าอาหาร",
        "resolution": {"number": "3/2547"},
        "version": 1,
        "expires_at": "2004-04-01",
    }
    data = json.dumps(shown, ensure_ascii=False).encode()
    payload = tmp_path / "payload.json"
    payload.write_text(json.dumps({"canonical_b64url": offline.b64u(data), "digest": hashlib.sha256(data).hexdigest()}))
    result = runner.invoke(app, ["sign", "--offline", str(payload), "--key", str(key_file), "--key-id", "k1", "--json"])
    assert result.exit_code == 0, result.output
    body = json.loads(result.stdout)
    Ed25519PublicKey.from_public_bytes(offline.unb64u(public)).verify(offline.unb64u(body["signature"]), data)
    tampered = json.loads(payload.read_text())
    tampered["digest"] = "0" * 64
    payload.write_text(json.dumps(tampered))
    assert (
        runner.invoke(app, ["sign", "--offline", str(payload), "--key", str(key_file), "--key-id", "k1"]).exit_code == 1
    )


def test_the_gateway_url_comes_from_the_environment_then_the_config_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    assert settings.gateway_url() == "http://127.0.0.1:8000"
    (tmp_path / "cfg").mkdir()
    (tmp_path / "cfg" / "config.toml").write_text('url = "https://phaen.example.org/"\n')
    assert settings.gateway_url() == "https://phaen.example.org"
    monkeypatch.setenv("PHAEN_URL", "http://10.0.0.5:8000")
    assert settings.gateway_url() == "http://10.0.0.5:8000"


def test_credentials_come_from_the_environment_only_when_complete(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PHAEN_USERNAME", "somchai")
    assert settings.env_credentials() is None
    monkeypatch.setenv("PHAEN_CLIENT_ID", "dla")
    monkeypatch.setenv("PHAEN_CLIENT_SECRET", "s3cret")
    creds = settings.env_credentials()
    assert creds is not None and creds.form["grant_type"] == "client_credentials"
    monkeypatch.setenv("PHAEN_PASSWORD", "pw")
    creds = settings.env_credentials()
    assert creds is not None and creds.form == {"grant_type": "password", "username": "somchai", "password": "pw"}


def test_the_login_prompt_goes_to_stderr_so_json_stays_clean(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PHAEN_URL", "http://127.0.0.1:9")
    result = runner.invoke(app, ["login", "--json"], input="somchai\nsecret-typed\n")
    assert result.exit_code == 5
    # CliRunner echoes typed (not hidden) input to stdout as a terminal would; the program writes only the JSON there.
    assert "Username" not in result.stdout and "Username" in result.stderr
    assert json.loads(result.stdout[result.stdout.index("{") :])["exit"] == 5
    assert "secret-typed" not in result.output
