"""Alerts: raised by statement reconciliation (once per finding), listed in scope, resolved by a note."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Select, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from phaen_budget.accounts.models import Account
from phaen_budget.alerts.errors import AlertAlreadyResolved, AlertNotFound
from phaen_budget.alerts.models import Alert
from phaen_budget.alerts.schemas import AlertOut
from phaen_budget.audit import service as audit
from phaen_budget.core.access import place_clause
from phaen_budget.core.models import utcnow
from phaen_budget.projects.models import Project
from phaen_budget.tables import outbox
from phaen_common.access import reach
from phaen_common.auth import Principal
from phaen_common.errors import Forbidden
from phaen_common.outbox import record_event, record_events
from phaen_common.pagination import Page, PageParams, paginate

SEVERITY = {
    "unauthorised_debit": "critical",
    "unbooked_payout": "high",
    "missing_on_statement": "high",
    "balance_mismatch": "high",
}
# Who reads alerts (phaen_common.access READS["alert"]): the national oversight roles everywhere, a regional
# committee within its region; anyone else is refused (403), not shown an empty list.


def alert_out(alert: Alert) -> AlertOut:
    return AlertOut.model_validate({**alert.model_dump(), "open": alert.resolved_at is None})


def alert_event(alert: Alert) -> dict[str, Any]:
    return alert_out(alert).model_dump(mode="json")


async def raise_alerts(
    *, session: AsyncSession, actor: str, account: Account, rows: Sequence[dict[str, Any]]
) -> list[Alert]:
    """Insert each finding once per (account, code, subject); audit and emit only the new ones.

    ``rows``: dicts with code, subject, detail and the optional statement/line/ledger/withdrawal ids.
    Returns every alert the rows name, new or already known, in the rows' order.
    """
    if not rows:
        return []
    values = [
        {
            "id": uuid.uuid4(),
            "account_id": account.id,
            "project_id": account.project_id,
            "severity": SEVERITY[r["code"]],
            "raised_at": utcnow(),
            **r,
        }
        for r in rows
    ]
    # One statement compiled once, sent as batched multi-row VALUES (insertmanyvalues), RETURNING the new ids.
    inserted = await session.execute(
        insert(Alert).on_conflict_do_nothing(index_elements=["account_id", "code", "subject"]).returning(col(Alert.id)),
        values,
    )
    new_ids = set(inserted.scalars().all())
    keys = [(r["code"], r["subject"]) for r in rows]
    subjects = sorted({subject for _, subject in keys})
    found: list[Alert] = []
    for start in range(0, len(subjects), 2000):
        found += (
            (
                await session.execute(
                    select(Alert).where(
                        col(Alert.account_id) == account.id,
                        col(Alert.subject).in_(subjects[start : start + 2000]),
                    )
                )
            )
            .scalars()
            .all()
        )
    by_key = {(a.code, a.subject): a for a in found}
    events = []
    for alert in found:
        if alert.id in new_ids:
            state = alert_event(alert)
            audit.record(
                session, actor=actor, action=f"alert.{alert.code}", entity="alert", entity_id=alert.id, after=state
            )
            events.append(("alert.raised", "alert", alert.id, state))
    await record_events(session, outbox, events)
    return [by_key[k] for k in dict.fromkeys(keys)]


def _may_read(principal: Principal) -> None:
    if reach(principal, "alert").nothing:
        raise Forbidden("Alerts are read by the secretariat, auditors and the regional committee.")


def _scoped(principal: Principal, stmt: Select[Any]) -> Select[Any]:
    scope = reach(principal, "alert")
    if scope.everything:
        return stmt
    return stmt.join(Project, col(Project.id) == col(Alert.project_id)).where(
        place_clause(scope, col(Project.region), col(Project.tambon))
    )


async def list_alerts(
    *,
    session: AsyncSession,
    principal: Principal,
    params: PageParams,
    account_id: uuid.UUID | None = None,
    code: str | None = None,
    open_only: bool | None = None,
) -> Page[AlertOut]:
    """Alerts within the caller's scope, oldest first, filtered by account, code and open/closed."""
    _may_read(principal)
    stmt = _scoped(principal, select(Alert))
    if account_id is not None:
        stmt = stmt.where(col(Alert.account_id) == account_id)
    if code is not None:
        stmt = stmt.where(col(Alert.code) == code)
    if open_only is True:
        stmt = stmt.where(col(Alert.resolved_at).is_(None))
    elif open_only is False:
        stmt = stmt.where(col(Alert.resolved_at).is_not(None))
    rows, total, cursor = await paginate(session, stmt, keys=[col(Alert.raised_at), col(Alert.id)], params=params)
    return Page[AlertOut](items=[alert_out(a) for a in rows], total=total, next_cursor=cursor)


async def get_alert(*, session: AsyncSession, principal: Principal, alert_id: uuid.UUID) -> Alert:
    """One alert in the caller's scope (404 outside it)."""
    _may_read(principal)
    alert = (
        await session.execute(_scoped(principal, select(Alert)).where(col(Alert.id) == alert_id))
    ).scalar_one_or_none()
    if alert is None:
        raise AlertNotFound()
    return alert


async def resolve(*, session: AsyncSession, principal: Principal, alert_id: uuid.UUID, note: str) -> Alert:
    """Close an open alert with a note saying what was found; a closed alert stays closed (409)."""
    alert = await session.get(Alert, alert_id, with_for_update=True, populate_existing=True)
    if alert is None:
        raise AlertNotFound()
    if alert.resolved_at is not None:
        raise AlertAlreadyResolved()
    before = alert_event(alert)
    await session.execute(
        update(Alert)
        .where(col(Alert.id) == alert_id, col(Alert.resolved_at).is_(None))
        .values(resolved_at=utcnow(), resolved_by=principal.sub, resolution_note=note)
    )
    await session.refresh(alert)
    state = alert_event(alert)
    audit.record(
        session,
        actor=principal.sub,
        action="alert.resolve",
        entity="alert",
        entity_id=alert.id,
        before=before,
        after=state,
    )
    await record_event(session, outbox, type="alert.resolved", entity="alert", entity_id=alert.id, payload=state)
    return alert
