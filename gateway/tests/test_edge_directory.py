"""``GET /v1/auth/directory/users`` on the read pool (edge stream, issue 12): same answers as the ORM gave."""

from __future__ import annotations

import uuid

from phaen_gateway.testing import add_user, user_headers


async def test_directory_answers_users_only_with_their_state(app, client, admin_headers) -> None:
    person = str(uuid.uuid4())
    signer = await add_user(app, roles=["signatory", "auditor"], person_id=person)
    other = await add_user(app, roles=["auditor"])
    ids = [signer["id"], other["id"], str(uuid.uuid4()), "phaen-budget", "not a uuid"]
    r = await client.get("/v1/auth/directory/users", params={"id": ids}, headers=admin_headers)
    assert r.status_code == 200, r.text
    users = {u["id"]: u for u in r.json()["users"]}
    assert set(users) == {signer["id"], other["id"]}
    assert users[signer["id"]] == {
        "id": signer["id"],
        "enabled": True,
        "roles": ["auditor", "signatory"],  # as stored (sorted at creation)
        "person_id": person,
    }
    assert users[other["id"]]["person_id"] is None and users[other["id"]]["roles"] == ["auditor"]

    r = await client.post(f"/v1/auth/users/{other['id']}/disable", headers=admin_headers)
    assert r.status_code == 200, r.text
    r = await client.get("/v1/auth/directory/users", params={"id": [other["id"]]}, headers=admin_headers)
    assert r.json()["users"][0]["enabled"] is False  # a disable is seen at once (no cache)

    r = await client.get("/v1/auth/directory/users", params={"id": ["x"]}, headers=admin_headers)
    assert r.status_code == 200 and r.json() == {"users": []}


async def test_directory_still_needs_its_scope(app, client) -> None:
    auditor = await user_headers(app, client, roles=["auditor"])
    r = await client.get("/v1/auth/directory/users", params={"id": [str(uuid.uuid4())]}, headers=auditor)
    assert r.status_code == 403
    r = await client.get("/v1/auth/directory/users", params={"id": [str(uuid.uuid4())]})
    assert r.status_code == 401
    r = await client.get("/v1/auth/directory/users", headers=auditor)
    assert r.status_code in (403, 422)
