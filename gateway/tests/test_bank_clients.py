"""Bank partner clients carry their bank: stored, in the token as claim ``bank``, shown by /me."""

from __future__ import annotations

from jose import jwt

TOKEN = "/v1/auth/token"


async def _token(client, created: dict) -> str:
    form = {
        "grant_type": "client_credentials",
        "client_id": created["client_id"],
        "client_secret": created["client_secret"],
    }
    r = await client.post(TOKEN, data=form)
    assert r.status_code == 200, r.text
    return r.json()["access_token"]


async def test_bank_client_carries_its_bank_into_the_token_and_me(client, admin_headers):
    r = await client.post(
        "/v1/auth/clients", json={"name": "BAAC Singburi", "roles": ["bank"], "bank": "BAAC"}, headers=admin_headers
    )
    assert r.status_code == 201, r.text
    created = r.json()
    assert created["bank"] == "BAAC"
    token = await _token(client, created)
    assert jwt.get_unverified_claims(token)["bank"] == "BAAC"
    me = await client.get("/v1/auth/me", headers={"Authorization": f"Bearer {token}"})
    assert me.status_code == 200 and me.json()["bank"] == "BAAC"
    shown = await client.get(f"/v1/auth/clients/{created['client_id']}", headers=admin_headers)
    assert shown.json()["bank"] == "BAAC"


async def test_attack_bank_client_without_a_bank_is_refused(client, admin_headers):
    r = await client.post("/v1/auth/clients", json={"name": "some bank", "roles": ["bank"]}, headers=admin_headers)
    assert r.status_code == 422 and r.json()["code"] == "bank_required"
    r = await client.post(
        "/v1/auth/clients", json={"name": "some bank", "roles": ["bank"], "bank": None}, headers=admin_headers
    )
    assert r.status_code == 422 and r.json()["code"] == "bank_required"


async def test_bank_code_is_a_short_upper_case_code(client, admin_headers):
    for bad in ("", "baac", "B", "ธ.ก.ส.", "BAAC; DROP", "X" * 21):
        r = await client.post(
            "/v1/auth/clients", json={"name": "b", "roles": ["bank"], "bank": bad}, headers=admin_headers
        )
        assert r.status_code == 422 and r.json()["code"] == "validation_error", bad


async def test_only_a_bank_client_carries_a_bank(client, admin_headers):
    r = await client.post(
        "/v1/auth/clients",
        json={"name": "registry", "roles": ["partner_registry"], "bank": "BAAC"},
        headers=admin_headers,
    )
    assert r.status_code == 422 and r.json()["code"] == "bank_not_allowed"


async def test_non_bank_client_token_has_no_bank_claim(client, admin_headers):
    r = await client.post(
        "/v1/auth/clients", json={"name": "registry", "roles": ["partner_registry"]}, headers=admin_headers
    )
    assert r.status_code == 201 and r.json()["bank"] is None
    token = await _token(client, r.json())
    assert "bank" not in jwt.get_unverified_claims(token)
    me = await client.get("/v1/auth/me", headers={"Authorization": f"Bearer {token}"})
    assert "bank" not in me.json()
