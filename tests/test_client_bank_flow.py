"""The generated client (clients/python) drives the bank's whole flow against the live stack, and the committed
client was generated from exactly the document the live gateway serves."""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
import uuid
from decimal import Decimal
from pathlib import Path

import httpx
import pytest
from e2e_stack import Stack
from partner_world import World, build_world

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "clients" / "python"))

from phaen_client import AuthenticatedClient, Client  # noqa: E402
from phaen_client.api.accounts import (  # noqa: E402
    deposit_v1_budget_accounts_account_id_deposits_post as deposit,
)
from phaen_client.api.accounts import get_account_v1_budget_accounts_account_id_get as get_account  # noqa: E402
from phaen_client.api.accounts import list_accounts_v1_budget_accounts_get as list_accounts  # noqa: E402
from phaen_client.api.accounts import (  # noqa: E402
    list_ledger_v1_budget_accounts_account_id_ledger_get as list_ledger,
)
from phaen_client.api.auth import me_v1_auth_me_get as me  # noqa: E402
from phaen_client.api.auth import token_v1_auth_token_post as token  # noqa: E402
from phaen_client.api.statements import (  # noqa: E402
    import_statement_v1_budget_accounts_account_id_statements_post as import_statement,
)
from phaen_client.api.statements import (  # noqa: E402
    list_statements_v1_budget_accounts_account_id_statements_get as list_statements,
)
from phaen_client.api.withdrawals import list_withdrawals_v1_budget_withdrawals_get as list_withdrawals  # noqa: E402
from phaen_client.api.withdrawals import payout_v1_budget_withdrawals_withdrawal_id_payout_post as payout  # noqa: E402
from phaen_client.models import (  # noqa: E402
    AccountOut,
    BodyTokenV1AuthTokenPost,
    DepositCreate,
    DepositCreateKind,
    EntryOut,
    ListWithdrawalsV1BudgetWithdrawalsGetStatusType0,
    PageAccountOut,
    PageEntryOut,
    PageWithdrawalOut,
    PayoutCreate,
    Problem,
    StatementOut,
    TokenResponse,
    WithdrawalOut,
)
from phaen_client.types import File  # noqa: E402


@pytest.fixture(scope="module")
def world(stack: Stack) -> World:
    return build_world(stack)


def test_the_live_document_is_the_one_the_client_was_made_from(stack: Stack) -> None:
    live = httpx.get(f"{stack.gateway}/v1/openapi.json", timeout=60).json()
    assert "x-unavailable-services" not in live["info"]
    committed = json.loads((ROOT / "clients" / "python" / "openapi.json").read_text(encoding="utf-8"))
    assert live == committed, "the live /v1/openapi.json differs from clients/python/openapi.json: run `make client`"


def test_bank_flow_with_the_typed_client(stack: Stack, world: World) -> None:
    waiting = world.approved_withdrawal("2500.00")
    anonymous = Client(base_url=stack.gateway, raise_on_unexpected_status=True)
    tok = token.sync(
        client=anonymous,
        body=BodyTokenV1AuthTokenPost(
            grant_type="client_credentials",
            client_id=world.bank_client["client_id"],
            client_secret=world.bank_client["client_secret"],
        ),
    )
    assert isinstance(tok, TokenResponse), tok
    bank = AuthenticatedClient(base_url=stack.gateway, token=tok.access_token, raise_on_unexpected_status=True)
    who = me.sync(client=bank)
    assert who is not None and not isinstance(who, Problem) and who.bank == "BAAC"

    # Your accounts: only BAAC's; one read with its ETag, then a 304.
    page = list_accounts.sync(client=bank, limit=200)
    assert isinstance(page, PageAccountOut)
    assert page.items and all(a.bank == "BAAC" for a in page.items)
    account_id = uuid.UUID(world.account["id"])
    first = get_account.sync_detailed(account_id, client=bank)
    assert isinstance(first.parsed, AccountOut) and first.parsed.number == world.account["number"]
    again = get_account.sync_detailed(account_id, client=bank, if_none_match=first.headers["etag"])
    assert again.status_code == 304

    # A deposit, retried with the same Idempotency-Key: recorded once.
    key = str(uuid.uuid4())
    body = DepositCreate(amount="35.20", kind=DepositCreateKind.INTEREST, bank_reference=f"BAAC-INT-{key[:8]}")
    made = deposit.sync(account_id, client=bank, body=body, idempotency_key=key)
    retried = deposit.sync(account_id, client=bank, body=body, idempotency_key=key)
    assert isinstance(made, EntryOut) and isinstance(retried, EntryOut) and made.id == retried.id

    # Approved withdrawals, and the payout.
    approved = list_withdrawals.sync(
        client=bank, account_id=account_id, status=ListWithdrawalsV1BudgetWithdrawalsGetStatusType0.APPROVED
    )
    assert isinstance(approved, PageWithdrawalOut)
    assert [str(w.id) for w in approved.items] == [waiting["id"]]
    paid = payout.sync(
        uuid.UUID(waiting["id"]),
        client=bank,
        body=PayoutCreate(bank_reference=f"BAAC-PAY-{key[:8]}"),
        idempotency_key=str(uuid.uuid4()),
    )
    assert isinstance(paid, WithdrawalOut) and paid.status == "paid"
    refused = payout.sync(
        uuid.UUID(waiting["id"]),
        client=bank,
        body=PayoutCreate(bank_reference="BAAC-PAY-twice"),
        idempotency_key=str(uuid.uuid4()),
        accept_language="th",
    )
    assert isinstance(refused, Problem) and refused.code == "already_paid"

    # The month's statement, built from the ledger as the bank would print it.
    ledger = list_ledger.sync(account_id, client=bank, limit=200)
    assert isinstance(ledger, PageEntryOut)
    balance, rows = Decimal("0.00"), []
    for entry in sorted(ledger.items, key=lambda e: e.seq):
        amount = Decimal(entry.amount)
        balance += amount
        out, into = (f"{-amount:.2f}", "") if amount < 0 else ("", f"{amount:.2f}")
        ref = entry.reference if isinstance(entry.reference, str) else ""
        rows.append(f"{dt.date.today().isoformat()},{entry.kind},{ref},{out},{into},{balance:.2f}")
    csv = "date,description,reference,withdrawal,deposit,balance\n" + "\n".join(rows) + "\n"
    statement = import_statement.sync(
        account_id, client=bank, body=File(payload=io.BytesIO(csv.encode()), mime_type="text/csv")
    )
    assert isinstance(statement, StatementOut), statement
    assert statement.lines == len(rows) >= 3  # the tranche, the interest, the payout
    listed = list_statements.sync(account_id, client=bank)
    assert listed is not None and any(s.id == statement.id for s in listed.items)  # type: ignore[union-attr]
