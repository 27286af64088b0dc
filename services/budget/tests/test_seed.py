"""The seed's §1.4 table loads as a grant of 20,455,500 with 10 lines; its derived actual is 22,833,114.00."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .factory import Budget, uid
from .seed14 import COFUNDING, GRANT, LINES, SEED_FILE


def test_transcription_matches_the_seed_file():
    path = Path(SEED_FILE)
    if not path.exists():
        pytest.skip("the seed file is not on this machine")
    rows = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d+)\. .*?\t([\d,]+)\t[\d.]+\t([\d,]+)\t", line)
        if m and int(m.group(1)) <= 10 and "," in m.group(2):
            rows.setdefault(int(m.group(1)), (m.group(2).replace(",", ""), m.group(3).replace(",", "")))
    assert rows == {no: (planned, actual) for no, _, planned, actual in LINES}


async def test_seed_table_loads_and_derives_the_true_actual(client, keys):
    b = Budget(client, keys)
    g = await b.ok(
        "POST",
        "/v1/budget/grants",
        b.secretariat,
        {"name": f"เครือข่ายแผนแม่บทชุมชน 4 ภาค {uid()}", "funder": "CODI", "amount": GRANT, "fiscal_year": 2547},
    )
    for no, title, planned, _ in LINES:
        body = {"no": no, "title": title, "planned": planned}
        if no == COFUNDING[0]:
            body["cofunding"] = [{"funder": COFUNDING[1], "amount": COFUNDING[2]}]
        await b.ok("POST", f"/v1/budget/grants/{g['id']}/lines", b.secretariat, body)
    r = await client.post(
        f"/v1/budget/grants/{g['id']}/lines", headers=b.secretariat, json={"no": 11, "title": "เกิน", "planned": "0.01"}
    )
    assert r.status_code == 409 and r.json()["code"] == "over_allocated"

    for no, _, _, actual in LINES:
        project = await b.project(grant=g, line_no=no, amount=None)
        await b.ok(
            "POST",
            "/v1/budget/expenses",
            b.secretariat,
            {
                "project_id": project["id"],
                "category": "6",
                "amount": actual,
                "spent_on": "2004-09-30",
                "description": f"ยอดจ่ายจริงแผนงาน {no}",
                "evidence": {
                    "kind": "receipt",
                    "seller_name": f"ผู้ขาย {uid()}",
                    "seller_address": "สิงห์บุรี",
                    "book_no": "1",
                    "receipt_no": str(no),
                    "date": "2004-09-30",
                    "items": [{"description": "รวม", "amount": actual}],
                    "receiver_signed": True,
                },
            },
        )

    view = await b.get(f"/v1/budget/grants/{g['id']}")
    assert view["amount"] == "20455500.00" and len(view["lines"]) == 10
    assert view["fiscal_period"] == {"start": "2003-10-01", "end": "2004-09-30"}
    totals = view["totals"]
    assert totals["planned"] == "20455500.00" and totals["percent"] == "100.00"
    assert totals["actual"] == "22833114.00"  # the printed 18,951,747 is wrong
    assert totals["variance"] == "-2377614.00"  # printed 2,103,252
    by_no = {line["no"]: line for line in view["lines"]}
    assert by_no[7]["variance"] == "-6000.00"  # printed as 6,000
    assert by_no[1]["percent"] == "10.78" and by_no[1]["actual"] == "3020000.00"
    assert by_no[8]["cofunding"] == [{"funder": "ThaiHealth", "amount": "600000.00"}]
