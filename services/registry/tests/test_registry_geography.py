"""Reference geography through the API: counts, regions, lists, abolished codes, search."""

from __future__ import annotations

import httpx
import pytest

from phaen_common.testing import TestKeys

R = "/v1/registry"


async def test_totals_are_77_928_7436(client: httpx.AsyncClient, keys: TestKeys) -> None:
    h = keys.auth(roles=["partner_registry"])
    for path, total in (("provinces", 77), ("districts", 928), ("subdistricts", 7436)):
        r = await client.get(f"{R}/{path}?limit=1", headers=h)
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["total"] == total
        assert len(body["items"]) == 1 and body["next_cursor"]


async def test_regions_15_28_20_14(client: httpx.AsyncClient, keys: TestKeys) -> None:
    r = await client.get(f"{R}/regions", headers=keys.auth(roles=["tambon_committee"], tambon="550403"))
    assert r.status_code == 200
    counts = {i["code"]: i["province_count"] for i in r.json()["items"]}
    assert counts == {"north": 15, "central": 28, "northeast": 20, "south": 14}
    names = {i["code"]: i["name_th"] for i in r.json()["items"]}
    assert names["northeast"] == "ภาคตะวันออกเฉียงเหนือ"
    # The network places Nakhon Sawan (60) and Uthai Thani (61) in Central, Nan (55) in North.
    for code, region in (("60", "central"), ("61", "central"), ("55", "north"), ("80", "south"), ("40", "northeast")):
        r = await client.get(f"{R}/provinces/{code}", headers=keys.auth(roles=["auditor"]))
        assert r.json()["region"] == region
    r = await client.get(f"{R}/provinces?region=north&limit=500", headers=keys.auth(roles=["auditor"]))
    assert r.json()["total"] == 15 and len(r.json()["items"]) == 15


async def test_cursor_pagination_walks_every_district_of_a_province(client: httpx.AsyncClient, keys: TestKeys) -> None:
    h = keys.auth(roles=["auditor"])
    seen: list[str] = []
    cursor = None
    while True:
        params = {"province": "80", "limit": 7, **({"cursor": cursor} if cursor else {})}
        body = (await client.get(f"{R}/districts", params=params, headers=h)).json()
        seen += [d["code"] for d in body["items"]]
        assert body["total"] == 23
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert len(seen) == 23 == len(set(seen)) and seen == sorted(seen)
    r = await client.get(f"{R}/districts?cursor=%%%", headers=h)
    assert r.status_code == 422


async def test_subdistrict_shape_and_filters(client: httpx.AsyncClient, keys: TestKeys) -> None:
    h = keys.auth(roles=["partner_registry"])
    r = await client.get(f"{R}/subdistricts/840503", headers=h)
    assert r.status_code == 200
    body = r.json()
    assert body == {
        "code": "840503",
        "name_th": "เกาะเต่า",
        "name_en": "Ko Tao",
        "district_code": "8405",
        "province_code": "84",
        "region": "south",
        "postal_codes": ["84360"],
        "network": body["network"],
    }
    r = await client.get(f"{R}/subdistricts?district=8405", headers=h)
    assert [s["name_en"] for s in r.json()["items"]] == ["Ko Pha-ngan", "Ban Tai", "Ko Tao"]
    r = await client.get(f"{R}/subdistricts?postal_code=84280", headers=h)
    assert {s["code"] for s in r.json()["items"]} == {"840501", "840502"}
    r = await client.get(f"{R}/districts/8405", headers=h)
    assert r.json()["name_th"] == "เกาะพะงัน" and r.json()["region"] == "south"


@pytest.mark.parametrize("path", ["provinces/99", "districts/9999", "subdistricts/999999", "regions/west"])
async def test_unknown_codes_are_404_problems(client: httpx.AsyncClient, keys: TestKeys, path: str) -> None:
    r = await client.get(f"{R}/{path}", headers=keys.auth(roles=["auditor"]))
    assert r.status_code == 404
    assert r.headers["content-type"] == "application/problem+json"
    assert r.json()["code"].endswith("_not_found")


async def test_abolished_codes_stay_resolvable(client: httpx.AsyncClient, keys: TestKeys) -> None:
    h = keys.auth(roles=["auditor"])
    # Bang Sue (100205) was abolished in 2006; 102901 replaced it.
    r = await client.get(f"{R}/subdistricts/100205", headers=h)
    assert r.status_code == 404 and r.json()["code"] == "area_abolished"
    assert r.json()["successors"] == ["102901"]
    r = await client.get(f"{R}/abolished/100205", headers=h)
    assert r.status_code == 200 and r.json()["abolished_on"] == "2006-01-01"
    r = await client.get(f"{R}/resolve", params={"name": "100205", "province": "กรุงเทพมหานคร"}, headers=h)
    assert r.json()["items"][0]["code"] == "102901"
    assert r.json()["items"][0]["match"] == "abolished_code"


async def test_geography_needs_a_token_and_registry_read(client: httpx.AsyncClient, keys: TestKeys) -> None:
    r = await client.get(f"{R}/provinces")
    assert r.status_code == 401
    r = await client.get(f"{R}/provinces", headers=keys.auth(roles=["bank"]))
    assert r.status_code == 403 and r.json()["code"] == "forbidden"


@pytest.mark.parametrize(
    ("q", "level", "code"),
    [
        ("น่าน", "province", "55"),
        ("จ.น่าน", "province", "55"),
        ("Nan", "province", "55"),
        ("ต. น้ำเกียน", "subdistrict", "551404"),  # tone mark missing, level word and space
        ("ตำบลน้ำเกี๋ยน", "subdistrict", "551404"),
        ("อำเภอ ภูเพียง", "district", "5514"),
        ("Amphoe Phu Phiang", "district", "5514"),
        ("phangan", "district", "8405"),
        ("Tambon Ko Tao", "subdistrict", "840503"),
    ],
)
async def test_search_thai_english_partial(
    client: httpx.AsyncClient, keys: TestKeys, q: str, level: str, code: str
) -> None:
    r = await client.get(f"{R}/search", params={"q": q, "limit": 500}, headers=keys.auth(roles=["partner_registry"]))
    assert r.status_code == 200, r.text
    hits = [(i["level"], i["code"]) for i in r.json()["items"]]
    assert (level, code) in hits
    assert r.json()["total"] == len(hits)


async def test_search_ranks_exact_then_prefix_and_pages(client: httpx.AsyncClient, keys: TestKeys) -> None:
    h = keys.auth(roles=["auditor"])
    r = await client.get(f"{R}/search", params={"q": "เกาะ", "level": "subdistrict", "limit": 5}, headers=h)
    body = r.json()
    assert body["total"] > 5 and body["next_cursor"]
    assert all(i["name_th"].startswith("เกาะ") for i in body["items"])
    nxt = await client.get(
        f"{R}/search",
        params={"q": "เกาะ", "level": "subdistrict", "limit": 5, "cursor": body["next_cursor"]},
        headers=h,
    )
    assert not {i["code"] for i in nxt.json()["items"]} & {i["code"] for i in body["items"]}
    r = await client.get(f"{R}/search", params={"q": "ขอนแก่น"}, headers=h)
    assert r.json()["items"][0] == {
        "level": "province",
        "code": "40",
        "name_th": "ขอนแก่น",
        "name_en": "Khon Kaen",
        "province_code": "40",
        "district_code": None,
    }


@pytest.mark.parametrize("cursor", ["WyJhYmMiXQ", "Wy01XQ", "not-base64!"])
async def test_bad_search_cursor_is_422(client: httpx.AsyncClient, keys: TestKeys, cursor: str) -> None:
    r = await client.get(f"{R}/search", params={"q": "เกาะ", "cursor": cursor}, headers=keys.auth(roles=["auditor"]))
    assert r.status_code == 422 and r.json()["code"] == "validation_error"


async def test_thai_titles(client: httpx.AsyncClient, keys: TestKeys) -> None:
    r = await client.get(f"{R}/subdistricts/999999", headers={**keys.auth(roles=["auditor"]), "Accept-Language": "th"})
    assert r.status_code == 404 and r.json()["title"] == "ไม่พบตำบล" and r.json()["code"] == "subdistrict_not_found"
