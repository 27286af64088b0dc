"""The OpenAPI document is honest: money as strings, problem responses declared on every route."""

from __future__ import annotations


async def test_openapi_money_strings_and_declared_problems(client):
    doc = (await client.get("/v1/budget/openapi.json")).json()
    schemas = doc["components"]["schemas"]
    for name in ("WithdrawalCreate", "DepositCreate", "GrantCreate", "ExpenseCreate"):
        props = schemas[name]["properties"]
        assert props["amount"]["type"] == "string" and "pattern" in props["amount"], name
    assert schemas["AccountOut"]["properties"]["available"]["type"] == "string"
    for path, ops in doc["paths"].items():
        if not path.startswith("/v1/budget"):
            continue
        for method, op in ops.items():
            assert "401" in op["responses"] and "403" in op["responses"], (method, path)
            if method == "post" and "{" in path:
                assert "404" in op["responses"] or path.endswith("/lines") or "cofunding" in path, (method, path)
    sign = doc["paths"]["/v1/budget/withdrawals/{withdrawal_id}/signatures"]["post"]["responses"]
    assert "not_a_signatory" in sign["403"]["description"] and "already_signed" in sign["409"]["description"]


async def test_lists_paginate_with_cursor(client, keys):
    from .factory import Budget

    b = Budget(client, keys)
    _, account = await b.funded("1000.00")
    for _ in range(3):
        await b.withdrawal(account, "1.00")
    page1 = await b.get(f"/v1/budget/withdrawals?account_id={account['id']}&limit=2")
    assert page1["total"] == 3 and len(page1["items"]) == 2 and page1["next_cursor"]
    page2 = await b.get(f"/v1/budget/withdrawals?account_id={account['id']}&limit=2&cursor={page1['next_cursor']}")
    assert len(page2["items"]) == 1 and page2["next_cursor"] is None
    ids = {w["id"] for w in page1["items"] + page2["items"]}
    assert len(ids) == 3


async def test_text_postgres_cannot_store_is_a_422(client, keys):
    from .factory import Budget

    b = Budget(client, keys)
    r = await client.post(
        "/v1/budget/grants",
        headers=b.secretariat,
        json={"name": "a\u0000b", "funder": "CODI", "amount": "1.00", "fiscal_year": 2547},
    )
    assert r.status_code == 422
    r = await client.get("/v1/budget/audit?entity=a%00b", headers=b.admin)
    assert r.status_code == 422
