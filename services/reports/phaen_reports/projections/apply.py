"""Applying events to the read model: each event, read through its typed model, becomes upserts by entity id.

The payload is decoded by ``phaen_common.events`` (the contract the producers emit through); an event of
an unknown type, or whose payload does not fit its model, is skipped. Upserts are idempotent.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import Any

import asyncpg
from sqlalchemy import Table, text
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import SQLModel

from phaen_common.events import EventData, decode
from phaen_common.events import budget as b
from phaen_common.events import registry as r
from phaen_common.outbox import Event
from phaen_reports.projections import bulk, rollups
from phaen_reports.projections import models as m

log = logging.getLogger("phaen.reports.projections")

Row = tuple[type[SQLModel], dict[str, Any]]
Handler = Callable[[Event, Any], list[Row]]


def _tambon(e: Event, p: r.TambonState) -> list[Row]:
    return [
        (
            m.Tambon,
            {
                "code": p.code,
                "name_th": p.name_th,
                "name_en": p.name_en,
                "district_code": p.district_code,
                "province_code": p.province_code,
                "region": p.region,
                "tier": p.tier,
                "joined_on": p.joined_on,
                "villages_total": p.villages_total,
                "villages_with_plan": p.villages_with_plan,
                "criteria": p.criteria.model_dump(mode="json"),
                "meets_model_criteria": p.meets_model_criteria,
                "tao_plan_integrated": p.tao_plan_integrated,
                "tao_funded": p.tao_funded,
            },
        )
    ]


def _facilitator(e: Event, p: r.FacilitatorState) -> list[Row]:
    return [
        (
            m.Facilitator,
            {
                "id": str(p.id),
                "person_id": str(p.person_id),
                "tambon": p.tambon,
                "district_code": p.district_code,
                "province_code": p.province_code,
                "region": p.region,
                "level": p.level,
                "trained_on": p.trained_on,
            },
        )
    ]


def _committee(e: Event, p: r.CommitteeState) -> list[Row]:
    cid = str(p.id)
    rows: list[Row] = [
        (
            m.Committee,
            {
                "id": cid,
                "level": p.level,
                "region": p.region,
                "province": p.province,
                "tambon": p.tambon,
                "name": p.name,
            },
        )
    ]
    if isinstance(p, r.CommitteeMemberAdded | r.CommitteeMemberUpdated):
        rows.append((m.CommitteeMember, {"committee_id": cid, "member_key": str(p.member.id), "role": p.member.role}))
    return rows


def _person(e: Event, p: r.PersonState) -> list[Row]:
    return [(m.Person, {"id": str(p.id), "tambon": p.tambon, "region": p.region})]


def _partner(e: Event, p: r.PartnerState) -> list[Row]:
    return [(m.Partner, {"code": p.code, "name_th": p.name_th, "name_en": p.name_en, "kind": p.kind})]


def _grant(e: Event, p: b.GrantCreated) -> list[Row]:
    return [
        (
            m.Grant,
            {"id": p.id, "name": p.name, "funder": p.funder, "amount": p.amount, "fiscal_year": p.fiscal_year},
        )
    ]


def _grant_line(e: Event, p: b.GrantLineState) -> list[Row]:
    return [
        (
            m.GrantLine,
            {
                "grant_id": p.grant_id,
                "no": p.no,
                "title": p.title,
                "planned": p.planned,
                "cofunding": [c.model_dump(mode="json") for c in p.cofunding],
            },
        )
    ]


def _project(e: Event, p: b.ProjectState) -> list[Row]:
    rows: list[Row] = [
        (
            m.Project,
            {
                "id": p.id,
                "grant_id": p.grant_id,
                "line_no": p.line_no,
                "name": p.name,
                "level": p.level,
                "region": p.region,
                "tambon": p.tambon,
                "amount": p.amount,
                "tranches": [str(t) for t in p.tranches],
                "status": p.status,
            },
        )
    ]
    if not isinstance(p, b.ProjectCreated):
        rows.append(
            (
                m.ProjectChange,
                {"event_id": e.event_id, "project_id": p.id, "type": e.type, "occurred_at": e.occurred_at},
            )
        )
    return rows


def _proposal(e: Event, p: b.ProposalState) -> list[Row]:
    return [
        (
            m.Proposal,
            {
                "id": p.id,
                "project_id": p.project_id,
                "amount": p.amount,
                "kind": p.kind,
                "route": p.route,
                "route_rule": p.route_rule,
                "status": p.status,
                "title": p.title,
                "resolution_number": p.resolution.number if p.resolution else None,
                "resolution_meeting_date": p.resolution.meeting_date if p.resolution else None,
            },
        )
    ]


def _tranche(e: Event, p: b.TrancheReleased) -> list[Row]:
    return [
        (
            m.Tranche,
            {
                "project_id": p.project_id,
                "n": p.n,
                "amount": p.amount,
                "account_id": p.account_id,
                "released_at": p.released_at,
            },
        )
    ]


def _activity_report(e: Event, p: b.ActivityReportSubmitted) -> list[Row]:
    return [
        (
            m.ActivityReport,
            {"id": p.id, "project_id": p.project_id, "tranche": p.tranche, "submitted_at": p.submitted_at},
        )
    ]


def _account(e: Event, p: b.AccountState) -> list[Row]:
    return [
        (
            m.Account,
            {
                "id": p.id,
                "project_id": p.project_id,
                "bank": p.bank,
                "branch": p.branch,
                "name": p.name,
                "number_last4": p.number_last4,
                "threshold": p.threshold,
                "signatory_count": p.signatory_count,
            },
        )
    ]


def _ledger(e: Event, p: b.LedgerEntry) -> list[Row]:
    return [
        (
            m.LedgerEntry,
            {
                "id": p.id,
                "account_id": p.account_id,
                "project_id": p.project_id,
                "kind": p.kind,
                "amount": p.amount,
                "booked_at": p.booked_at,
                "reference": p.reference,
            },
        )
    ]


def _withdrawal(e: Event, p: b.WithdrawalState) -> list[Row]:
    return [
        (
            m.Withdrawal,
            {
                "id": p.id,
                "account_id": p.account_id,
                "project_id": p.project_id,
                "amount": p.amount,
                "status": p.status,
            },
        )
    ]


def _expense(e: Event, p: b.ExpenseState) -> list[Row]:
    # The voucher prints from the description and evidence details.
    detail = {"description": p.description, "evidence": p.evidence}
    return [
        (
            m.Expense,
            {
                "id": p.id,
                "project_id": p.project_id,
                "grant_id": p.grant_id,
                "line_no": p.line_no,
                "category": p.category,
                "amount": p.amount,
                "spent_on": p.spent_on,
                "evidence_kind": p.evidence_kind,
                "status": p.status,
                "detail": detail,
            },
        )
    ]


# By model (an event type's model inherits from one of these): a new event type of a known entity is
# projected without touching this table.
HANDLERS: dict[type[EventData], Handler] = {
    r.TambonState: _tambon,
    r.FacilitatorState: _facilitator,
    r.CommitteeState: _committee,
    r.PersonState: _person,
    r.PartnerState: _partner,
    b.GrantCreated: _grant,
    b.GrantLineState: _grant_line,
    b.ProjectState: _project,
    b.ProposalState: _proposal,
    b.TrancheReleased: _tranche,
    b.ActivityReportSubmitted: _activity_report,
    b.AccountState: _account,
    b.LedgerEntry: _ledger,
    b.WithdrawalState: _withdrawal,
    b.ExpenseState: _expense,
}


def handler_for(data: EventData) -> Handler | None:
    """The projection of a typed payload (by its model or the state model it extends)."""
    for cls in type(data).__mro__:
        handler = HANDLERS.get(cls)
        if handler is not None:
            return handler
    return None


def rows_for(events: Iterable[Event]) -> dict[type[SQLModel], dict[tuple[Any, ...], dict[str, Any]]]:
    """Rows per table, merged per key in feed order (a later event's known fields win)."""
    out: dict[type[SQLModel], dict[tuple[Any, ...], dict[str, Any]]] = {}
    for event in events:
        data = decode(event.type, event.payload)
        handler = handler_for(data) if data is not None else None
        if handler is None:
            continue  # a type the read model does not project, or a payload that breaks the contract
        for model, row in handler(event, data):
            table: Table = model.__table__  # type: ignore[attr-defined]
            key = tuple(row[c.name] for c in table.primary_key.columns)
            merged = out.setdefault(model, {})
            if key in merged:
                merged[key].update({k: v for k, v in row.items() if v is not None})
            else:
                merged[key] = row
    return out


async def apply_events(session: AsyncSession, events: Iterable[Event]) -> None:
    """Upsert what ``events`` say, one statement per table, and the rollups they move (in the caller's
    transaction).

    Each table's rows go as one ``INSERT ... SELECT FROM unnest(<one array per column>)``: a page costs a
    statement per table, whatever its number of events, and no per-row parameter work in Python. Expenses and
    their rollups are one statement, tambons and theirs another (``rollups.upsert_expenses`` /
    ``upsert_tambons``): the rollup deltas are summed in SQL.
    """
    found = rows_for(events)
    if not found:
        return
    conn = await driver_connection(session)
    if any(model in found for model in rollups.ROLLED_UP):
        await conn.execute(rollups.LOCK_SQL, rollups.LOCK_KEY)
    for model, rows in found.items():
        table: Table = model.__table__  # type: ignore[attr-defined]
        values = bulk.arrays(table, [[row.get(c.name) for row in rows.values()] for c in table.columns])
        if model is m.Expense:
            await rollups.upsert_expenses(conn, values)
        elif model is m.Tambon:
            await rollups.upsert_tambons(conn, values)
        else:
            await conn.execute(bulk.upsert_sql(table), *values)


async def driver_connection(session: AsyncSession) -> asyncpg.Connection:
    """The asyncpg connection under the session, inside the session's transaction (begun if it was not)."""
    conn = await session.connection()
    raw = (await conn.get_raw_connection()).driver_connection
    if raw is None:
        raise RuntimeError("the session has no driver connection")
    if not raw.is_in_transaction():
        # SQLAlchemy's asyncpg adapter begins on its first statement: make it, so ours are in the transaction.
        await session.execute(text("SELECT 1"))
    return raw
