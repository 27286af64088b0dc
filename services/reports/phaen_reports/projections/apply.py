"""Applying events to the read model: each event becomes upserts keyed by entity id (idempotent)."""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections.abc import Callable, Iterable
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import Table, func
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import SQLModel

from phaen_common.money import CENT, MAX_AMOUNT
from phaen_common.outbox import Event
from phaen_reports.projections import models as m

log = logging.getLogger("phaen.reports.projections")

Row = tuple[type[SQLModel], dict[str, Any]]


def _uuid(value: Any) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value)) if value not in (None, "") else None
    except ValueError:
        return None


_MAX_INT = 2**31 - 1


def _money(value: Any) -> Decimal | None:
    if value is None or isinstance(value, bool | float):
        return None
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        return None
    if not amount.is_finite() or abs(amount) > MAX_AMOUNT:  # past NUMERIC(14, 2) it would fail the whole page
        return None
    return amount.quantize(CENT)


def _date(value: Any) -> dt.date | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _ts(value: Any) -> dt.datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def _int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    try:
        number = int(value) if value is not None else None
    except (TypeError, ValueError):
        return None
    return number if number is None or -_MAX_INT <= number <= _MAX_INT else None


def _str(value: Any) -> str | None:
    return str(value) if value not in (None, "") else None


def _bool(value: Any) -> bool | None:
    return value if isinstance(value, bool) else None


def _tambon(e: Event, p: dict[str, Any]) -> list[Row]:
    return [
        (
            m.Tambon,
            {
                "code": _str(p.get("code")) or e.entity_id,
                "name_th": _str(p.get("name_th")),
                "name_en": _str(p.get("name_en")),
                "district_code": _str(p.get("district_code")),
                "province_code": _str(p.get("province_code")),
                "region": _str(p.get("region")),
                "tier": _str(p.get("tier")),
                "joined_on": _date(p.get("joined_on")),
                "villages_total": _int(p.get("villages_total")),
                "villages_with_plan": _int(p.get("villages_with_plan")),
                "criteria": p.get("criteria") if isinstance(p.get("criteria"), dict) else None,
                "meets_model_criteria": _bool(p.get("meets_model_criteria")),
                "tao_plan_integrated": _bool(p.get("tao_plan_integrated")),
                "tao_funded": _bool(p.get("tao_funded")),
            },
        )
    ]


def _facilitator(e: Event, p: dict[str, Any]) -> list[Row]:
    return [
        (
            m.Facilitator,
            {
                "id": _str(p.get("id")) or e.entity_id,
                "person_id": _str(p.get("person_id")),
                "tambon": _str(p.get("tambon")),
                "district_code": _str(p.get("district_code")),
                "province_code": _str(p.get("province_code")),
                "region": _str(p.get("region")),
                "level": _str(p.get("level")),
                "trained_on": _date(p.get("trained_on")),
            },
        )
    ]


def _committee(e: Event, p: dict[str, Any]) -> list[Row]:
    cid = _str(p.get("id")) or e.entity_id
    rows: list[Row] = [
        (
            m.Committee,
            {
                "id": cid,
                "level": _str(p.get("level")),
                "region": _str(p.get("region")),
                "province": _str(p.get("province")),
                "tambon": _str(p.get("tambon")),
                "name": _str(p.get("name")),
            },
        )
    ]
    member = p.get("member")
    if e.type == "committee.member_added" and isinstance(member, dict):
        # A membership without its own id is keyed by the event, which a replay repeats exactly.
        key = _str(member.get("id")) or _str(member.get("user_id")) or _str(member.get("person_id")) or str(e.event_id)
        rows.append((m.CommitteeMember, {"committee_id": cid, "member_key": key, "role": _str(member.get("role"))}))
    return rows


def _person(e: Event, p: dict[str, Any]) -> list[Row]:
    return [
        (
            m.Person,
            {"id": _str(p.get("id")) or e.entity_id, "tambon": _str(p.get("tambon")), "region": _str(p.get("region"))},
        )
    ]


def _partner(e: Event, p: dict[str, Any]) -> list[Row]:
    return [
        (
            m.Partner,
            {
                "code": _str(p.get("code")) or e.entity_id,
                "name_th": _str(p.get("name_th")),
                "name_en": _str(p.get("name_en")),
                "kind": _str(p.get("kind")),
            },
        )
    ]


def _grant(e: Event, p: dict[str, Any]) -> list[Row]:
    gid = _uuid(p.get("id")) or _uuid(e.entity_id)
    if gid is None:
        return []
    return [
        (
            m.Grant,
            {
                "id": gid,
                "name": _str(p.get("name")),
                "funder": _str(p.get("funder")),
                "amount": _money(p.get("amount")),
                "fiscal_year": _int(p.get("fiscal_year")),
            },
        )
    ]


def _grant_line(e: Event, p: dict[str, Any]) -> list[Row]:
    gid, no = _uuid(p.get("grant_id")), _int(p.get("no"))
    if gid is None or no is None:
        return []
    cof = p.get("cofunding")
    return [
        (
            m.GrantLine,
            {
                "grant_id": gid,
                "no": no,
                "title": _str(p.get("title")),
                "planned": _money(p.get("planned")),
                "cofunding": cof if isinstance(cof, list) else None,
            },
        )
    ]


def _project(e: Event, p: dict[str, Any]) -> list[Row]:
    pid = _uuid(p.get("id")) or _uuid(e.entity_id)
    if pid is None:
        return []
    tranches = p.get("tranches")
    rows: list[Row] = [
        (
            m.Project,
            {
                "id": pid,
                "grant_id": _uuid(p.get("grant_id")),
                "line_no": _int(p.get("line_no")),
                "name": _str(p.get("name")),
                "level": _str(p.get("level")),
                "region": _str(p.get("region")),
                "tambon": _str(p.get("tambon")),
                "amount": _money(p.get("amount")),
                "tranches": tranches if isinstance(tranches, list) else None,
                "status": _str(p.get("status")),
            },
        )
    ]
    if e.type != "project.created":
        rows.append(
            (m.ProjectChange, {"event_id": e.event_id, "project_id": pid, "type": e.type, "occurred_at": e.occurred_at})
        )
    return rows


def _proposal(e: Event, p: dict[str, Any]) -> list[Row]:
    pid = _uuid(p.get("id")) or _uuid(e.entity_id)
    if pid is None:
        return []
    raw = p.get("resolution")
    res: dict[str, Any] = raw if isinstance(raw, dict) else {}
    return [
        (
            m.Proposal,
            {
                "id": pid,
                "project_id": _uuid(p.get("project_id")),
                "amount": _money(p.get("amount")),
                "kind": _str(p.get("kind")),
                "route": _str(p.get("route")),
                "route_rule": _str(p.get("route_rule")),
                "status": _str(p.get("status")),
                "title": _str(p.get("title")),
                "resolution_number": _str(res.get("number")),
                "resolution_meeting_date": _date(res.get("meeting_date")),
            },
        )
    ]


def _tranche(e: Event, p: dict[str, Any]) -> list[Row]:
    pid, n = _uuid(p.get("project_id")), _int(p.get("n"))
    if pid is None or n is None:
        return []
    return [
        (
            m.Tranche,
            {
                "project_id": pid,
                "n": n,
                "amount": _money(p.get("amount")),
                "account_id": _uuid(p.get("account_id")),
                "released_at": _ts(p.get("released_at")) or e.occurred_at,
            },
        )
    ]


def _activity_report(e: Event, p: dict[str, Any]) -> list[Row]:
    rid = _uuid(p.get("id")) or _uuid(e.entity_id)
    if rid is None:
        return []
    return [
        (
            m.ActivityReport,
            {
                "id": rid,
                "project_id": _uuid(p.get("project_id")),
                "tranche": _int(p.get("tranche")),
                "submitted_at": _ts(p.get("submitted_at")) or e.occurred_at,
            },
        )
    ]


def _account(e: Event, p: dict[str, Any]) -> list[Row]:
    aid = _uuid(p.get("id")) or _uuid(e.entity_id)
    if aid is None:
        return []
    last4 = _str(p.get("number_last4")) or _str(p.get("last4"))
    return [
        (
            m.Account,
            {
                "id": aid,
                "project_id": _uuid(p.get("project_id")),
                "bank": _str(p.get("bank")),
                "branch": _str(p.get("branch")),
                "name": _str(p.get("name")),
                "number_last4": last4,
                "threshold": _int(p.get("threshold")),
                "signatory_count": _int(p.get("signatory_count")),
            },
        )
    ]


def _ledger(e: Event, p: dict[str, Any]) -> list[Row]:
    lid = _uuid(p.get("id")) or _uuid(e.entity_id)
    if lid is None:
        return []
    return [
        (
            m.LedgerEntry,
            {
                "id": lid,
                "account_id": _uuid(p.get("account_id")),
                "project_id": _uuid(p.get("project_id")),
                "kind": _str(p.get("kind")),
                "amount": _money(p.get("amount")),
                "booked_at": _ts(p.get("booked_at")) or e.occurred_at,
                "reference": _str(p.get("reference")),
            },
        )
    ]


def _withdrawal(e: Event, p: dict[str, Any]) -> list[Row]:
    wid = _uuid(p.get("id")) or _uuid(e.entity_id)
    if wid is None:
        return []
    return [
        (
            m.Withdrawal,
            {
                "id": wid,
                "account_id": _uuid(p.get("account_id")),
                "project_id": _uuid(p.get("project_id")),
                "amount": _money(p.get("amount")),
                "status": _str(p.get("status")),
            },
        )
    ]


_EXPENSE_COLUMNS = {
    "id",
    "project_id",
    "grant_id",
    "line_no",
    "category",
    "amount",
    "spent_on",
    "evidence_kind",
    "status",
}


def _expense(e: Event, p: dict[str, Any]) -> list[Row]:
    xid = _uuid(p.get("id")) or _uuid(e.entity_id)
    if xid is None:
        return []
    status = _str(p.get("status")) or ("void" if e.type == "expense.voided" else "recorded")
    # Fields beyond the catalogue (description, evidence details) feed the voucher when a producer adds them.
    detail = {k: v for k, v in p.items() if k not in _EXPENSE_COLUMNS} or None
    return [
        (
            m.Expense,
            {
                "id": xid,
                "project_id": _uuid(p.get("project_id")),
                "grant_id": _uuid(p.get("grant_id")),
                "line_no": _int(p.get("line_no")),
                "category": _str(p.get("category")),
                "amount": _money(p.get("amount")),
                "spent_on": _date(p.get("spent_on")),
                "evidence_kind": _str(p.get("evidence_kind")),
                "status": status,
                "detail": detail,
            },
        )
    ]


HANDLERS: dict[str, Callable[[Event, dict[str, Any]], list[Row]]] = {
    "tambon.enrolled": _tambon,
    "tambon.updated": _tambon,
    "facilitator.created": _facilitator,
    "facilitator.updated": _facilitator,
    "committee.created": _committee,
    "committee.updated": _committee,
    "committee.member_added": _committee,
    "person.created": _person,
    "person.updated": _person,
    "partner.created": _partner,
    "partner.updated": _partner,
    "grant.created": _grant,
    "grant.updated": _grant,
    "grant_line.created": _grant_line,
    "grant_line.updated": _grant_line,
    "project.created": _project,
    "project.updated": _project,
    "project.suspended": _project,
    "project.reinstated": _project,
    "proposal.created": _proposal,
    "proposal.decided": _proposal,
    "tranche.released": _tranche,
    "activity_report.submitted": _activity_report,
    "account.opened": _account,
    "account.updated": _account,
    "ledger.entry": _ledger,
    "withdrawal.requested": _withdrawal,
    "withdrawal.approved": _withdrawal,
    "withdrawal.paid": _withdrawal,
    "withdrawal.cancelled": _withdrawal,
    "expense.recorded": _expense,
    "expense.voided": _expense,
}


def rows_for(events: Iterable[Event]) -> dict[type[SQLModel], dict[tuple[Any, ...], dict[str, Any]]]:
    """Rows per table, merged per key in feed order (a later event's known fields win)."""
    out: dict[type[SQLModel], dict[tuple[Any, ...], dict[str, Any]]] = {}
    for event in events:
        handler = HANDLERS.get(event.type)
        if handler is None:
            continue  # producers may add event types; the read model ignores what it does not project
        for model, row in handler(event, event.payload):
            table: Table = model.__table__  # type: ignore[attr-defined]
            key = tuple(row[c.name] for c in table.primary_key.columns)
            merged = out.setdefault(model, {})
            if key in merged:
                merged[key].update({k: v for k, v in row.items() if v is not None})
            else:
                merged[key] = row
    return out


async def apply_events(session: AsyncSession, events: Iterable[Event]) -> None:
    """Upsert what ``events`` say, one multi-row statement per table (in the caller's transaction)."""
    for model, rows in rows_for(events).items():
        table: Table = model.__table__  # type: ignore[attr-defined]
        pk = [c.name for c in table.primary_key.columns]
        columns = [c.name for c in table.columns]
        values = [{c: row.get(c) for c in columns} for row in rows.values()]
        # One statement compiled once and sent as batched multi-row VALUES (SQLAlchemy insertmanyvalues).
        stmt = insert(table)
        updates = {c: func.coalesce(stmt.excluded[c], table.c[c]) for c in columns if c not in pk}
        stmt = (
            stmt.on_conflict_do_update(index_elements=pk, set_=updates)
            if updates
            else stmt.on_conflict_do_nothing(index_elements=pk)
        )
        await session.execute(stmt, values)
