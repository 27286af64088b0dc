"""Resolve: the seed's own place names (with their errors) and typos of our own, within a province."""

from __future__ import annotations

import httpx
import pytest

from phaen_common.testing import TestKeys
from phaen_registry.geography.loader import read_csv

R = "/v1/registry"
SEED = read_csv("seed_tambons.csv")


def test_the_seed_names_at_least_12_tambons() -> None:
    assert len(SEED) >= 12
    assert len({r["expected_code"] for r in SEED}) == len(SEED)


@pytest.mark.parametrize("row", SEED, ids=[r["expected_code"] for r in SEED])
async def test_every_seed_tambon_resolves_top1_from_the_seed_spelling(
    client: httpx.AsyncClient, keys: TestKeys, row: dict[str, str]
) -> None:
    params = {"name": row["name_as_written"], "province": row["province_as_written"]}
    if row["district_as_written"]:
        params["district"] = row["district_as_written"]
    r = await client.get(f"{R}/resolve", params=params, headers=keys.auth(roles=["partner_registry"]))
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["items"][0]["code"] == row["expected_code"], body["items"][:3]
    assert not body["ambiguous"]
    assert all(0 <= i["score"] <= 1 for i in body["items"])
    assert [i["score"] for i in body["items"]] == sorted((i["score"] for i in body["items"]), reverse=True)


@pytest.mark.parametrize(
    ("name", "province", "district", "code", "score"),
    [
        ("บางเจ้าฉ่า", "อ่างทอง", None, "150414", 1.0),  # exact: 1.0
        ("ต.บางเจ้าฉ่า", "จ.อ่างทอง", None, "150414", 1.0),  # abbreviations in the text
        ("ตำบล บางเจ้าฉ่า", "Ang Thong", None, "150414", 1.0),  # level word, English province
        ("150414", "15", None, "150414", 1.0),  # by code, province by code
        ("Bang Chao Cha", "อ่างทอง", None, "150414", 1.0),  # English name
        ("bang chao cha", "ang thong", None, "150414", 1.0),
        ("น้ำเกียน", "น่าน", None, "551404", None),  # tone mark missing (seed)
        ("ไม่เรียง", "นครศรีธรรมราช", "อ.ฉวาง", "800405", None),  # wrong tone mark (seed)
        ("ศรีสะเกษ", "น่าน", None, "550403", None),  # ษ/ส swap (seed)
        ("บางเจ้าฉา", "อ่างทอง", None, "150414", None),  # tone mark missing (ours)
        ("บางเจ้าชา", "อ่างทอง", None, "150414", None),  # ฉ/ช swap (ours)
        ("บางเจ้าฉ", "อ่างทอง", None, "150414", None),  # two characters missing (ours)
        ("บางเจ้าฉ่าา", "อ่างทอง", None, "150414", None),  # one character extra (ours)
        ("วังตะกอก", "ชุมพร", None, "860412", None),  # one character extra (seed)
        ("ขามเปี้ยย", "ร้อยเอ็ด", None, "450801", None),  # one character extra (ours)
        ("Kam Pia", "Roi Et", None, "450801", None),  # English typo (ours)
        ("ขอนหาด", "นครศรีธรรมมราช", None, "800707", 1.0),  # misspelt province (ours)
        ("ตลาด", "สุราษฎร์ธานี", "เมือง", "840101", 1.0),  # "เมือง" is the capital district
    ],
)
async def test_variants_and_typos(
    client: httpx.AsyncClient,
    keys: TestKeys,
    name: str,
    province: str,
    district: str | None,
    code: str,
    score: float | None,
) -> None:
    params = {"name": name, "province": province, **({"district": district} if district else {})}
    r = await client.get(f"{R}/resolve", params=params, headers=keys.auth(roles=["auditor"]))
    assert r.status_code == 200, r.text
    top = r.json()["items"][0]
    assert top["code"] == code, r.json()["items"][:3]
    if score is not None:
        assert top["score"] == score
    else:
        assert 0.5 <= top["score"] < 1.0


async def test_same_name_twice_in_a_province_is_ambiguous_until_the_district_is_given(
    client: httpx.AsyncClient, keys: TestKeys
) -> None:
    h = keys.auth(roles=["auditor"])
    # Nonthaburi has a บ้านใหม่ tambon in two districts (Pak Kret 1206 and Bang Yai 1203).
    r = await client.get(f"{R}/resolve", params={"name": "บ้านใหม่", "province": "นนทบุรี"}, headers=h)
    body = r.json()
    assert body["ambiguous"] is True and body["resolved"] is None
    assert {i["code"] for i in body["items"][:2]} == {"120306", "120603"}
    assert body["items"][0]["score"] == body["items"][1]["score"] == 1.0
    r = await client.get(f"{R}/resolve", params={"name": "บ้านใหม่", "province": "12", "district": "1206"}, headers=h)
    body = r.json()
    assert body["ambiguous"] is False and body["resolved"] == "120603" and body["district"] == "1206"
    assert body["items"][1]["score"] == 0.9  # the other district's exact match ranks below


async def test_resolve_stays_inside_the_province(client: httpx.AsyncClient, keys: TestKeys) -> None:
    h = keys.auth(roles=["auditor"])
    r = await client.get(f"{R}/resolve", params={"name": "บางเจ้าฉ่า", "province": "น่าน"}, headers=h)
    assert all(i["province_code"] == "55" for i in r.json()["items"])
    assert "150414" not in {i["code"] for i in r.json()["items"]}
    r = await client.get(f"{R}/resolve", params={"name": "บางเจ้าฉ่า", "province": "Atlantis"}, headers=h)
    assert r.status_code == 422 and r.json()["code"] == "unknown_province"
    r = await client.get(f"{R}/resolve", params={"name": "บางเจ้าฉ่า"}, headers=h)
    assert r.status_code == 422
