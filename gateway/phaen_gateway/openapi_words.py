"""The words of the public OpenAPI document: plain summaries, request examples with real Thai values, names.

Keyed by ``"METHOD /path"`` as the gateway publishes it. A route missing here still gets a readable summary
(see ``openapi_polish.fallback_summary``); ``gateway/tests/test_openapi_client.py`` lists what is missing.
"""

from __future__ import annotations

from typing import Any

SUMMARIES: dict[str, str] = {
    "GET /healthz": "Check that the service is alive (no database call; /readyz checks readiness)",
    "POST /v1/auth/token": "Log in: get an access token (password, client credentials or refresh token)",
    "GET /v1/auth/jwks.json": "The public keys that verify access tokens",
    "GET /v1/auth/revocations": "Disabled users and clients (hashed), for token checks",
    "GET /v1/auth/me": "Who am I: the caller's user or client, roles and scope",
    "GET /v1/auth/directory/users": "Look up users by id (for the services)",
    "POST /v1/auth/keys/rotate": "Rotate the token signing key (admin)",
    "POST /v1/auth/users": "Create a user (admin)",
    "GET /v1/auth/users": "List users (admin)",
    "GET /v1/auth/users/{user_id}": "Get one user (admin)",
    "POST /v1/auth/users/{user_id}/disable": "Disable a user and end their sessions (admin)",
    "POST /v1/auth/users/{user_id}/enable": "Enable a user again (admin)",
    "PUT /v1/auth/users/{user_id}/person": "Link a user to the registry person they are (admin)",
    "POST /v1/auth/clients": "Create a partner client and get its secret once (admin)",
    "GET /v1/auth/clients": "List partner clients (admin)",
    "GET /v1/auth/clients/{client_id}": "Get one partner client (admin)",
    "POST /v1/auth/clients/{client_id}/disable": "Disable a partner client (admin)",
    "POST /v1/auth/clients/{client_id}/enable": "Enable a partner client again (admin)",
    "GET /v1/registry/regions": "List the four regions",
    "GET /v1/registry/regions/{code}": "Get one region with its provinces",
    "GET /v1/registry/provinces": "List provinces",
    "GET /v1/registry/provinces/{code}": "Get one province",
    "GET /v1/registry/districts": "List districts (amphoe)",
    "GET /v1/registry/districts/{code}": "Get one district (amphoe)",
    "GET /v1/registry/subdistricts": "List subdistricts (tambon)",
    "GET /v1/registry/subdistricts/{code}": "Get one subdistrict (tambon) by its DOPA code",
    "GET /v1/registry/abolished/{code}": "Look up an abolished area code and its successor",
    "GET /v1/registry/search": "Search places by Thai or English name",
    "GET /v1/registry/resolve": "Find the DOPA code of a tambon from its name and province",
    "PUT /v1/registry/tambons/{code}": "Enrol a tambon in the network, or update its enrolment",
    "GET /v1/registry/tambons/{code}": "Get one network tambon",
    "GET /v1/registry/tambons": "List network tambons",
    "GET /v1/registry/tambons/{code}/history": "The changes made to a network tambon",
    "PUT /v1/registry/tambons/{code}/villages/{no}": "Record a village (muban) of a network tambon",
    "GET /v1/registry/tambons/{code}/villages/{no}": "Get one village of a network tambon",
    "GET /v1/registry/tambons/{code}/villages": "List the villages of a network tambon",
    "POST /v1/registry/committees": "Create a committee",
    "GET /v1/registry/committees": "List committees",
    "GET /v1/registry/committees/{committee_id}": "Get one committee",
    "PATCH /v1/registry/committees/{committee_id}": "Rename a committee or move it to another zone",
    "PATCH /v1/registry/committees/{committee_id}/members/{member_id}": "Change a member's role or term",
    "GET /v1/registry/committees/{committee_id}/members/{member_id}": "Get one committee member",
    "POST /v1/registry/committees/{committee_id}/members": "Add a member to a committee",
    "GET /v1/registry/committees/{committee_id}/members": "List the members of a committee",
    "POST /v1/registry/zones": "Create a zone of provinces within a region",
    "GET /v1/registry/zones": "List zones",
    "GET /v1/registry/zones/{zone_id}": "Get one zone",
    "POST /v1/registry/people": "Register a person",
    "GET /v1/registry/people": "List people",
    "GET /v1/registry/people/{person_id}": "Get one person",
    "PATCH /v1/registry/people/{person_id}": "Correct a person's details",
    "POST /v1/registry/facilitators": "Record a trained facilitator",
    "GET /v1/registry/facilitators": "List facilitators",
    "GET /v1/registry/facilitators/{facilitator_id}": "Get one facilitator",
    "PATCH /v1/registry/facilitators/{facilitator_id}": "Change a facilitator's tambon, level or training date",
    "POST /v1/registry/partners": "Register a partner agency",
    "GET /v1/registry/partners": "List partner agencies",
    "GET /v1/registry/partners/{code}": "Get one partner agency",
    "PATCH /v1/registry/partners/{code}": "Change a partner agency's names or kind",
    "POST /v1/registry/partners/{code}/mous": "Record an MOU with a partner agency",
    "GET /v1/registry/partners/{code}/mous": "List a partner agency's MOUs",
    "GET /v1/registry/partners/{code}/mous/{mou_id}": "Get one MOU",
    "POST /v1/registry/imports/tambons": "Import network tambons from a CSV file (dry run first)",
    "GET /v1/registry/events": "Read the registry's event feed",
    "POST /v1/budget/grants": "Record a grant from a funder",
    "GET /v1/budget/grants": "List grants",
    "GET /v1/budget/grants/{grant_id}": "Get one grant with its planned lines",
    "POST /v1/budget/grants/{grant_id}/lines": "Add a planned line to a grant",
    "POST /v1/budget/grants/{grant_id}/lines/{no}/cofunding": "Add co-funding to a grant line",
    "POST /v1/budget/projects": "Create a project under a grant line",
    "GET /v1/budget/projects": "List projects",
    "GET /v1/budget/projects/{project_id}": "Get one project",
    "POST /v1/budget/projects/{project_id}/suspend": "Suspend a project at once (suspected misuse)",
    "POST /v1/budget/projects/{project_id}/reinstate": "Lift a project's suspension",
    "POST /v1/budget/projects/{project_id}/close": "Close a project",
    "GET /v1/budget/projects/{project_id}/tranches": "List a project's tranches",
    "POST /v1/budget/projects/{project_id}/tranches/{n}/release": "Release a tranche into the project's account",
    "POST /v1/budget/projects/{project_id}/activity-reports": "Submit the activity report of a tranche",
    "GET /v1/budget/projects/{project_id}/activity-reports": "List a project's activity reports",
    "GET /v1/budget/projects/{project_id}/activity-reports/{report_id}": "Get one activity report",
    "POST /v1/budget/proposals": "Propose a project budget or a change to it",
    "GET /v1/budget/proposals": "List proposals",
    "GET /v1/budget/proposals/{proposal_id}": "Get one proposal",
    "POST /v1/budget/proposals/{proposal_id}/decision": "Approve or reject a proposal (committee resolution)",
    "POST /v1/budget/accounts": "Open a project's savings account with its signatories",
    "GET /v1/budget/accounts": "List accounts",
    "GET /v1/budget/accounts/{account_id}": "Get one account with its balance",
    "PUT /v1/budget/accounts/{account_id}/signatories": (
        "Propose new signatories for an account (a new resolution; another person confirms)"
    ),
    "GET /v1/budget/accounts/{account_id}/signatory-changes": "List an account's signatory changes",
    "POST /v1/budget/accounts/{account_id}/signatory-changes/{change_id}/confirm": (
        "Confirm a proposed signatory change (a second person)"
    ),
    "POST /v1/budget/accounts/{account_id}/signatory-changes/{change_id}/reject": (
        "Reject or withdraw a proposed signatory change"
    ),
    "POST /v1/budget/accounts/{account_id}/deposits": "Record money received by the account (bank)",
    "GET /v1/budget/accounts/{account_id}/deposits": "List an account's deposits",
    "POST /v1/budget/accounts/{account_id}/fees": "Record a bank fee taken from the account (bank)",
    "GET /v1/budget/accounts/{account_id}/ledger": "Read an account's ledger",
    "GET /v1/budget/accounts/{account_id}/deposits/{entry_id}": "Get one deposit",
    "POST /v1/budget/accounts/{account_id}/statements": "Import the bank's monthly statement (camt.053 or CSV)",
    "GET /v1/budget/accounts/{account_id}/statements": "List an account's imported statements",
    "GET /v1/budget/accounts/{account_id}/statements/{statement_id}": "Get one statement and how it matched",
    "GET /v1/budget/alerts": "List alerts raised by statement checks",
    "GET /v1/budget/alerts/{alert_id}": "Get one alert",
    "POST /v1/budget/alerts/{alert_id}/resolve": "Resolve an alert with a note",
    "POST /v1/budget/withdrawals": "Request a withdrawal from a project account",
    "GET /v1/budget/withdrawals": "List withdrawals",
    "GET /v1/budget/withdrawals/{withdrawal_id}": "Get one withdrawal and its state",
    "POST /v1/budget/withdrawals/{withdrawal_id}/signatures": "Co-sign a withdrawal (signatory)",
    "POST /v1/budget/signatories/me/keys": "Register my device key for offline signatures (signatory)",
    "GET /v1/budget/signatories/me/keys": "List my device keys",
    "POST /v1/budget/signatories/me/keys/{key_id}/revoke": "Revoke one of my device keys",
    "GET /v1/budget/signatories/me/pending": "Withdrawals awaiting my signature, with what to sign",
    "POST /v1/budget/sync": "Deliver a batch of offline signatures",
    "GET /v1/budget/withdrawals/{withdrawal_id}/signing-payload": "What a signatory signs: the withdrawal's digest",
    "GET /v1/budget/withdrawals/{withdrawal_id}/signatures": "List a withdrawal's signatures",
    "POST /v1/budget/withdrawals/{withdrawal_id}/payout": "Record the payout of an approved withdrawal (bank)",
    "POST /v1/budget/withdrawals/{withdrawal_id}/cancel": "Cancel a pending withdrawal",
    "POST /v1/budget/expenses": "Record an expense with its receipt or payment voucher",
    "GET /v1/budget/expenses": "List expenses",
    "GET /v1/budget/expenses/{expense_id}": "Get one expense",
    "POST /v1/budget/expenses/{expense_id}/void": "Void an expense (it stays on record)",
    "POST /v1/budget/expenses/{expense_id}/attachments": "Attach a scan or photo of the evidence",
    "GET /v1/budget/expenses/{expense_id}/attachments": "List an expense's attachments",
    "GET /v1/budget/attachments/{attachment_id}": "Get one attachment's details",
    "GET /v1/budget/attachments/{attachment_id}/content": "Download an attachment",
    "GET /v1/budget/audit": "Read the audit trail",
    "GET /v1/budget/audit/verify": "Verify the audit chain end to end",
    "GET /v1/budget/audit/head": "The signed head of the audit chain",
    "GET /v1/budget/events": "Read the budget's event feed",
    "GET /v1/reports/plan-vs-actual": "Plan against actual spending, per grant line",
    "GET /v1/reports/coverage": "Network coverage: tambons, villages and plans per area",
    "GET /v1/reports/facilitators": "Facilitators per area and level",
    "GET /v1/reports/tranches": "Tranche releases and what is still to come",
    "GET /v1/reports/accounts/{account_id}/monthly": "An account's monthly statement",
    "GET /v1/reports/projects/{project_id}/expense-summary": "A project's spending by expense category",
    "GET /v1/reports/projects/{project_id}/audit-package": "Download a project's audit package (ZIP)",
    "GET /v1/reports/expenses/{expense_id}/voucher": "Print an expense's payment voucher",
    "POST /v1/reports/reconcile/budget-statement": "Check a printed budget statement's sums",
    "GET /v1/reports/feeds": "How far the reports have read each event feed",
    "POST /v1/reports/rebuild": "Rebuild the reports from the event feeds",
    "GET /v1/webhooks/subscriptions": "List your webhook subscriptions",
    "POST /v1/webhooks/subscriptions": "Subscribe an HTTPS endpoint to events (the secret is shown once)",
    "GET /v1/webhooks/subscriptions/{subscription_id}": "Get one webhook subscription",
    "DELETE /v1/webhooks/subscriptions/{subscription_id}": "Cancel a webhook subscription",
    "GET /v1/webhooks/subscriptions/{subscription_id}/deliveries": "The delivery log of a subscription",
    "POST /v1/webhooks/subscriptions/{subscription_id}/deliveries/{delivery_id}/redeliver": "Deliver an event again",
    "POST /v1/webhooks/subscriptions/{subscription_id}/secret": "Rotate a subscription's signing secret",
    "POST /v1/webhooks/subscriptions/{subscription_id}/enable": "Enable a disabled subscription again",
}

# Expense categories (หมวดค่าใช้จ่าย): code -> (Thai, English).
EXPENSE_CATEGORIES: dict[str, tuple[str, str]] = {
    "1.1": ("ค่าเช่าสถานที่ประชุม", "Meetings: room hire"),
    "1.2": ("ค่าเช่าเครื่องเสียงและอุปกรณ์", "Meetings: audio-visual equipment"),
    "1.3": ("ค่าอาหาร", "Meetings: meals"),
    "1.4": ("ค่าอาหารว่างและเครื่องดื่ม", "Meetings: snacks and drinks"),
    "1.5": ("ค่าตอบแทนวิทยากร", "Meetings: speaker fees"),
    "2.1": ("ค่าที่พัก", "Travel: lodging"),
    "2.2": ("ค่าพาหนะเดินทาง", "Travel: fares"),
    "2.3": ("ค่าเช่ารถ", "Travel: car hire"),
    "2.4": ("ค่าน้ำมันเชื้อเพลิง", "Travel: fuel"),
    "3": ("ค่าจัดทำเอกสารและรายงาน", "Printing and reports"),
    "4": ("ค่าวัสดุและสื่อ", "Materials and media"),
    "5": ("ค่าสาธารณูปโภค", "Utilities"),
    "6": ("ค่าใช้จ่ายอื่น ๆ", "Miscellaneous"),
}

CSV_COLUMNS = (
    "A UTF-8 CSV file (a BOM, as Excel writes it, is fine) with a header row; columns in any order, names "
    "case-insensitive:\n\n"
    "| column | meaning |\n|---|---|\n"
    "| `code` | 6-digit DOPA tambon code; or give `name` + `province` (+ `district`) instead |\n"
    "| `name`, `province`, `district` | Thai or English names, resolved like `GET /v1/registry/resolve` |\n"
    "| `tier` | `model`, `pilot` or `expansion` (required) |\n"
    "| `joined_on` | date joined, `YYYY-MM-DD`; a Buddhist-Era year (2567) is accepted |\n"
    "| `villages_total`, `villages_with_plan` | whole numbers |\n"
    "| `plans_80pct`, `facilitator_team`, `joint_plans`, `ongoing_activities`, `linked_tao`, `tao_support`, "
    "`spread` | the seven selection criteria |\n"
    "| `tao_plan_integrated`, `tao_funded` | the TAO integration fields |\n\n"
    "Yes/no cells take `1`/`0`, `true`/`false`, `yes`/`no` or `ใช่`/`ไม่ใช่`. Send it as the raw body "
    "(`Content-Type: text/csv`). At most 10,000 rows."
)

CSV_EXAMPLE = (
    "code,name,province,tier,joined_on,villages_total,villages_with_plan,plans_80pct,facilitator_team,"
    "joint_plans,ongoing_activities,linked_tao,tao_support,spread,tao_plan_integrated,tao_funded\n"
    "570101,,,model,2566-10-01,12,11,ใช่,ใช่,ใช่,ใช่,ใช่,ใช่,ไม่ใช่,ใช่,ใช่\n"
    ",ศรีภูมิ,เชียงใหม่,pilot,2024-01-15,8,5,0,1,1,1,0,0,0,0,0\n"
)

STATEMENT_CSV_EXAMPLE = (
    "date,description,reference,withdrawal,deposit,balance\n"
    "01/10/2569,โอนเงินงวดที่ 1 จาก พอช.,X2610010001,,100000.00,100000.00\n"
    "05/10/2569,ถอนเงินตามมติ ค่าจัดเวที,X2610050002,25000.00,,75000.00\n"
)
STATEMENT_XML_EXAMPLE = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt>'
    "<GrpHdr><MsgId>BAAC-STMT-202610-0201234567</MsgId><CreDtTm>2026-11-01T06:00:00+07:00</CreDtTm></GrpHdr>"
    "<Stmt><Id>BAAC-0201234567-2026-10</Id><CreDtTm>2026-11-01T06:00:00+07:00</CreDtTm>"
    "<FrToDt><FrDtTm>2026-10-01T00:00:00+07:00</FrDtTm><ToDtTm>2026-10-31T23:59:59+07:00</ToDtTm></FrToDt>"
    "<Acct><Id><Othr><Id>020-1-23456-7</Id></Othr></Id><Ccy>THB</Ccy><Nm>กลุ่มออมทรัพย์บ้านหนองบัว</Nm></Acct>"
    '<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="THB">0.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>'
    "<Dt><Dt>2026-10-01</Dt></Dt></Bal>"
    '<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="THB">100000.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>'
    "<Dt><Dt>2026-10-31</Dt></Dt></Bal>"
    '<Ntry><Amt Ccy="THB">100000.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>'
    "<BookgDt><Dt>2026-10-01</Dt></BookgDt><AcctSvcrRef>X2610010001</AcctSvcrRef>"
    "<AddtlNtryInf>โอนเงินงวดที่ 1 จาก พอช.</AddtlNtryInf></Ntry>"
    "</Stmt></BkToCstmrStmt></Document>\n"
)

_RESOLUTION = {"number": "มติที่ประชุมคณะกรรมการ ครั้งที่ 3/2567", "meeting_date": "2024-03-15"}
_ITEMS = [
    {"description": "ค่าอาหารกลางวันผู้เข้าร่วมประชุม 30 คน", "amount": "1500.00", "quantity": 30},
    {"description": "ค่าน้ำดื่ม", "amount": "120.00"},
]
_PROJECT = "5b0e3a9c-2f4d-4e8a-9c1b-7d6e5f4a3b21"
_USER_1 = "0f7c9a52-7e1b-4c2d-8a3e-5b6f7a8c9d01"
_USER_2 = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"

EXAMPLES: dict[str, Any] = {
    "POST /v1/auth/token": {"grant_type": "password", "username": "somchai.j", "password": "ตัวอย่าง-รหัสผ่าน-2567"},
    "POST /v1/auth/users": {
        "username": "somchai.j",
        "password": "ตัวอย่าง-รหัสผ่าน-2567",
        "display_name": "นายสมชาย ใจดี",
        "roles": ["tambon_committee"],
        "tambon": "570101",
    },
    "POST /v1/auth/clients": {
        "name": "ธนาคารเพื่อการเกษตรและสหกรณ์การเกษตร (ธ.ก.ส.)",
        "roles": ["bank"],
        "bank": "BAAC",
    },
    "PUT /v1/registry/tambons/{code}": {
        "tier": "model",
        "joined_on": "2023-10-01",
        "villages_total": 12,
        "villages_with_plan": 11,
        "criteria": {
            "plans_80pct": True,
            "facilitator_team": True,
            "joint_plans": True,
            "ongoing_activities": True,
            "linked_tao": True,
            "tao_support": True,
            "spread": False,
        },
        "tao_plan_integrated": True,
        "tao_funded": True,
    },
    "PUT /v1/registry/tambons/{code}/villages/{no}": {"name_th": "บ้านดู่", "has_plan": True},
    "POST /v1/registry/committees": {"level": "tambon", "name": "คณะกรรมการแผนชุมชนตำบลเวียง", "tambon": "570101"},
    "PATCH /v1/registry/committees/{committee_id}": {"name": "คณะกรรมการขับเคลื่อนแผนชุมชนตำบลเวียง"},
    "PATCH /v1/registry/committees/{committee_id}/members/{member_id}": {"role": "secretary", "term_end": "2026-09-30"},
    "POST /v1/registry/committees/{committee_id}/members": {
        "person_id": _USER_1,
        "role": "chair",
        "term_start": "2024-10-01",
        "term_end": "2026-09-30",
    },
    "POST /v1/registry/zones": {"region": "north", "name": "ล้านนาตะวันออก", "provinces": ["57", "56", "55"]},
    "POST /v1/registry/people": {
        "full_name": "นางสาวมาลี ศรีสุข",
        "national_id": "3570100456120",
        "phone": "0812345678",
        "tambon": "570101",
    },
    "PATCH /v1/registry/people/{person_id}": {"full_name": "นางมาลี ศรีสุข", "phone": "0898765432"},
    "POST /v1/registry/facilitators": {
        "person_id": _USER_1,
        "tambon": "570101",
        "level": "community",
        "trained_on": "2024-02-20",
    },
    "PATCH /v1/registry/facilitators/{facilitator_id}": {"level": "intensive", "trained_on": "2024-08-10"},
    "POST /v1/registry/partners": {
        "code": "DLA",
        "name_th": "กรมส่งเสริมการปกครองท้องถิ่น",
        "name_en": "Department of Local Administration",
        "kind": "government",
    },
    "PATCH /v1/registry/partners/{code}": {"name_th": "กรมส่งเสริมการปกครองท้องถิ่น กระทรวงมหาดไทย"},
    "POST /v1/registry/partners/{code}/mous": {
        "title": "บันทึกความร่วมมือการบูรณาการแผนชุมชนกับแผนพัฒนาท้องถิ่น",
        "scope": "องค์กรปกครองส่วนท้องถิ่นนำแผนชุมชนเข้าสู่แผนพัฒนาท้องถิ่นและสนับสนุนงบประมาณกิจกรรม",
        "signed_on": "2024-05-01",
        "starts_on": "2024-05-01",
        "ends_on": "2027-04-30",
    },
    "POST /v1/registry/imports/tambons": CSV_EXAMPLE,
    "POST /v1/budget/grants": {
        "name": "ทุนสนับสนุนแผนแม่บทชุมชนพึ่งตนเอง 4 ภาค ปี 2568",
        "funder": "สำนักงานกองทุนสนับสนุนการสร้างเสริมสุขภาพ (สสส.)",
        "amount": "12000000.00",
        "fiscal_year": 2568,
    },
    "POST /v1/budget/grants/{grant_id}/lines": {
        "no": 1,
        "title": "สนับสนุนการจัดทำแผนชุมชนระดับตำบล",
        "planned": "4500000.00",
        "cofunding": [{"funder": "องค์การบริหารส่วนตำบลเวียง", "amount": "150000.00"}],
    },
    "POST /v1/budget/grants/{grant_id}/lines/{no}/cofunding": {
        "funder": "องค์การบริหารส่วนตำบลเวียง",
        "amount": "150000.00",
    },
    "POST /v1/budget/projects": {
        "grant_id": "7e1d2c3b-4a59-4e8f-9a1b-2c3d4e5f6a7b",
        "line_no": 1,
        "name": "โครงการขับเคลื่อนแผนชุมชนตำบลเวียง",
        "level": "tambon",
        "tambon": "570101",
        "amount": "45000.00",
        "tranches": ["40", "40", "20"],
    },
    "POST /v1/budget/projects/{project_id}/suspend": {"reason": "พบการเบิกจ่ายไม่ตรงตามวัตถุประสงค์โครงการ"},
    "POST /v1/budget/projects/{project_id}/reinstate": {"reason": "ตรวจสอบแล้วเอกสารครบถ้วน"},
    "POST /v1/budget/projects/{project_id}/close": {"reason": "ดำเนินโครงการครบทุกกิจกรรมแล้ว"},
    "POST /v1/budget/projects/{project_id}/tranches/{n}/release": {"amount": "18000.00", "resolution": _RESOLUTION},
    "POST /v1/budget/projects/{project_id}/activity-reports": {
        "tranche": 1,
        "summary": "จัดเวทีประชาคม 3 ครั้ง ผู้เข้าร่วม 95 คน ได้แผนชุมชนครบ 12 หมู่บ้าน",
    },
    "POST /v1/budget/proposals": {
        "project_id": _PROJECT,
        "amount": "45000.00",
        "kind": "standard",
        "title": "ข้อเสนอโครงการขับเคลื่อนแผนชุมชนตำบลเวียง",
        "activities": [{"name": "เวทีประชาคมหมู่บ้าน", "amount": "30000.00"}],
    },
    "POST /v1/budget/proposals/{proposal_id}/decision": {"decision": "approve", "resolution": _RESOLUTION},
    "POST /v1/budget/accounts": {
        "project_id": _PROJECT,
        "bank": "ธนาคารเพื่อการเกษตรและสหกรณ์การเกษตร",
        "branch": "สาขาเชียงราย",
        "number": "020-1-23456-7",
        "name": "โครงการขับเคลื่อนแผนชุมชนตำบลเวียง",
        "signatories": [_USER_1, _USER_2, "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e"],
        "threshold": 2,
        "resolution": _RESOLUTION,
    },
    "PUT /v1/budget/accounts/{account_id}/signatories": {
        "signatories": [_USER_1, _USER_2],
        "threshold": 2,
        "resolution": {"number": "มติที่ประชุมคณะกรรมการ ครั้งที่ 5/2567", "meeting_date": "2024-06-20"},
    },
    "POST /v1/budget/accounts/{account_id}/deposits": {
        "amount": "18000.00",
        "kind": "transfer",
        "bank_reference": "BAAC-20240401-000123",
    },
    "POST /v1/budget/accounts/{account_id}/fees": {"amount": "10.00", "bank_reference": "BAAC-FEE-20240430-0042"},
    "POST /v1/budget/withdrawals": {
        "account_id": "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f",
        "amount": "1620.00",
        "purpose": "ค่าอาหารและน้ำดื่มเวทีประชาคมหมู่ 3 บ้านดู่",
        "resolution": _RESOLUTION,
        "fund": "grant",
    },
    "PUT /v1/auth/users/{user_id}/person": {"person_id": "5b0e3a9c-2f4d-4e8a-9c1b-7d6e5f4a3b21"},
    "POST /v1/budget/accounts/{account_id}/signatory-changes/{change_id}/reject": {
        "reason": "มติที่ประชุมอ้างถึงไม่ตรงกับรายชื่อผู้มีอำนาจลงนาม"
    },
    "POST /v1/budget/withdrawals/{withdrawal_id}/signatures": {
        "digest": "b79e8c5b67bcad216587877d0fb5a69384a7ad582cfff769572b6eccc51a4ec6"
    },
    "POST /v1/budget/signatories/me/keys": {
        "public_key": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo",
        "label": "โทรศัพท์ของสมชาย",
    },
    "POST /v1/budget/sync": {
        "signatures": [
            {
                "withdrawal_id": "0b7e3c1e-5a3d-4c55-9f4e-2d1b7a9e6c10",
                "key_id": "5f0c6a52-8d1e-4b7a-9c3f-2e6d1a0b4c77",
                "digest": "12b181e275c77a43230bdc8c5a2a0b89dd060edf08e8b8fb85f42ea9dd06df98",
                "signature": "tUuMFCWf-bga8rCc98JlSnT7ZjNIS2Y4-nm6SyyEu7oJs9bpM2u3hO3wlD2PerK9o0jaGKoXMwv1VOVfpvCQCg",
            }
        ]
    },
    "POST /v1/budget/withdrawals/{withdrawal_id}/payout": {"bank_reference": "BAAC-PAY-20240405-000456"},
    "POST /v1/budget/withdrawals/{withdrawal_id}/cancel": {"reason": "คณะกรรมการขอแก้ไขจำนวนเงิน"},
    "POST /v1/budget/expenses": {
        "project_id": _PROJECT,
        "category": "1.3",
        "amount": "1620.00",
        "spent_on": "2024-04-06",
        "description": "ค่าอาหารกลางวันและน้ำดื่มเวทีประชาคมหมู่ 3 บ้านดู่",
        "evidence": {
            "kind": "receipt",
            "seller_name": "ร้านครัวป้าแดง",
            "seller_address": "45 หมู่ 3 ต.เวียง อ.เมืองเชียงราย จ.เชียงราย 57000",
            "book_no": "12",
            "receipt_no": "0345",
            "date": "2024-04-06",
            "items": _ITEMS,
            "receiver_signed": True,
            "buyer_name": "โครงการขับเคลื่อนแผนชุมชนตำบลเวียง",
        },
    },
    "POST /v1/budget/expenses/{expense_id}/void": {"reason": "บันทึกจำนวนเงินผิด บันทึกใหม่แล้ว"},
    "POST /v1/budget/expenses/{expense_id}/attachments": {"file": "ใบเสร็จ-เล่ม12-เลขที่0345.pdf"},
    "POST /v1/budget/alerts/{alert_id}/resolve": {"note": "ธนาคารยืนยันว่าเป็นรายการโอนคืน ตรวจสอบแล้วถูกต้อง"},
    "POST /v1/budget/accounts/{account_id}/statements": {
        "application/xml": STATEMENT_XML_EXAMPLE,
        "text/csv": STATEMENT_CSV_EXAMPLE,
    },
    "POST /v1/webhooks/subscriptions": {
        "url": "https://hooks.baac.example/phaen",
        "events": ["withdrawal.approved", "alert.raised"],
    },
    "POST /v1/reports/reconcile/budget-statement": {
        "lines": [
            {"no": 1, "title": "ค่าอาหาร", "planned": "30000.00", "percent": "66.67", "actual": "24000.00"},
            {"no": 2, "title": "ค่าพาหนะเดินทาง", "planned": "15000.00", "actual": "15000.00", "variance": "0.00"},
        ],
        "stated_totals": {"planned": "45000.00", "actual": "39000.00", "variance": "-6000.00"},
    },
}

# The voucher form of an expense, shown beside the receipt one.
VOUCHER_EXAMPLE: dict[str, Any] = {
    "kind": "voucher",
    "payee_name": "นายบุญมี ทองดี",
    "payee_address": "12 หมู่ 5 ต.เวียง อ.เมืองเชียงราย จ.เชียงราย 57000",
    "payee_national_id": "1101700400085",
    "items": [{"description": "ค่าตอบแทนวิทยากรกระบวนการ 1 วัน", "amount": "600.00"}],
    "payee_signed": True,
    "payer_signed": True,
    "head_certified": True,
}
