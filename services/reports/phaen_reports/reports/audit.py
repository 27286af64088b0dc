"""The audit package of a project: the seed's retention checklist 3.1-3.11, each item derived from events."""

from __future__ import annotations

from decimal import Decimal

from phaen_common.auth import Principal
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from phaen_reports.projections.models import (
    Account,
    ActivityReport,
    Committee,
    CommitteeMember,
    Expense,
    LedgerEntry,
    Person,
    Project,
    ProjectChange,
    Proposal,
    Tranche,
    columns,
)
from phaen_reports.reports import documents, money, service
from phaen_reports.reports import schemas as s
from phaen_reports.reports.catalogue import CHECKLIST


def _item(no: str, evidence: list[str], missing: list[str], *, optional: bool = False) -> s.ChecklistItem:
    title_th, title_en = next((t, e) for n, t, e in CHECKLIST if n == no)
    if missing:
        status = "missing"
    elif evidence:
        status = "present"
    else:
        status = "not_applicable" if optional else "missing"
    return s.ChecklistItem(no=no, title_th=title_th, title_en=title_en, status=status, evidence=evidence,
                           missing=missing)


async def _committee_for(session: AsyncSession, project: Project) -> Committee | None:
    """The committee that runs a project: its tambon's, else its region's, else the national one."""
    c = columns(Committee)
    for level, cond in (("tambon", c.tambon == project.tambon), ("regional", c.region == project.region),
                        ("national", None)):
        if (level == "tambon" and not project.tambon) or (level == "regional" and not project.region):
            continue
        stmt = select(Committee).where(c.level == level)
        if cond is not None:
            stmt = stmt.where(cond)
        found = (await session.execute(stmt.order_by(c.id).limit(1))).scalars().first()
        if found is not None:
            return found
    return None


async def audit_package(*, session: AsyncSession, project: Project) -> s.AuditPackage:
    """Checklist 3.1-3.11 with what is present and what is missing, from the read model."""
    pid = project.id
    proposals = list((await session.execute(select(Proposal).where(col(Proposal.project_id) == pid)
                                            .order_by(col(Proposal.id)))).scalars())
    approved = [p for p in proposals if p.status == "approved"]
    committee = await _committee_for(session, project)
    members = 0
    if committee is not None:
        members = (await session.execute(select(func.count()).select_from(CommitteeMember).where(
            col(CommitteeMember.committee_id) == committee.id))).scalar_one()
    exp = (await session.execute(select(
        func.count().filter(col(Expense.status) == "recorded"),
        func.count().filter(col(Expense.status) == "recorded", col(Expense.evidence_kind) == "receipt"),
        func.count().filter(col(Expense.status) == "recorded", col(Expense.evidence_kind) == "voucher"),
        func.coalesce(func.sum(col(Expense.amount)).filter(col(Expense.status) == "recorded"), 0),
    ).where(col(Expense.project_id) == pid))).one()
    released = sorted((await session.execute(select(col(Tranche.n)).where(col(Tranche.project_id) == pid))).scalars())
    reports = sorted({n for n in (await session.execute(select(col(ActivityReport.tranche)).where(
        col(ActivityReport.project_id) == pid))).scalars() if n is not None})
    shares = project.tranches or [50, 50]
    accounts = list((await session.execute(select(Account).where(col(Account.project_id) == pid))).scalars())
    entries = (await session.execute(select(func.count()).select_from(LedgerEntry).where(
        col(LedgerEntry.account_id).in_([a.id for a in accounts])))).scalar_one() if accounts else 0
    people = 0
    if project.tambon:
        people = (await session.execute(select(func.count()).select_from(Person).where(
            col(Person.tambon) == project.tambon))).scalar_one()
    changes = list((await session.execute(select(col(ProjectChange.type)).where(col(ProjectChange.project_id) == pid)))
                   .scalars())
    change_proposals = [p for p in proposals if p.kind == "change"]

    resolutions = [f"มติ {p.resolution_number} ({p.resolution_meeting_date})" for p in approved
                   if p.resolution_number]
    undocumented = len(approved) - len(resolutions)
    final_n = len(shares)
    items = [
        _item("3.1", [f"{len(approved)} approved proposal(s)"] if approved else [],
              [] if approved else ["no approved proposal for this project"]),
        _item("3.2", [f"committee {committee.name or committee.id} ({committee.level})"] if committee else [],
              [] if committee else ["no committee registered for the project's tambon, region or network"]),
        _item("3.3", [f"{members} committee member(s)"] if members else [],
              [] if members else ["the committee has no members registered"]),
        _item("3.4", [f"{exp[0]} expense(s): {exp[1]} receipt(s), {exp[2]} voucher(s); "
                      f"total {Decimal(exp[3] or 0):,.2f}"] if exp[0] else [],
              ([] if exp[0] else ["no expense recorded"])
              + ([f"{exp[0] - exp[1] - exp[2]} expense(s) without receipt or voucher"]
                 if exp[0] - exp[1] - exp[2] else [])),
        _item("3.5", resolutions, [f"{undocumented} approval(s) without a resolution"] if undocumented else
              ([] if resolutions else ["no meeting resolution recorded"])),
        _item("3.6", [f"tranche {n} report" for n in reports if n in released],
              [f"activity report for tranche {n}" for n in released if n not in reports]
              if released else ["no tranche released yet"]),
        _item("3.7", [f"final tranche {final_n} report"] if final_n in reports else [],
              [] if final_n in reports else [f"final activity report (tranche {final_n})"]),
        _item("3.8", [f"{people} registered people in tambon {project.tambon}"] if people else [],
              [] if people or not project.tambon else ["no beneficiaries registered"], optional=not project.tambon),
        _item("3.9", [f"{entries} ledger entries (monthly statements enclosed)"] if entries else [],
              [] if entries else ["no ledger entries"]),
        _item("3.10", [f"account {a.bank or ''} {a.branch or ''} ****{a.number_last4 or ''}: "
                       f"{a.threshold} of {a.signatory_count} signatories" for a in accounts
                       if (a.threshold or 0) >= 2 and (a.signatory_count or 0) >= (a.threshold or 0)],
              ["no bank account opened"] if not accounts else
              [f"account {a.id} has no valid signing rule" for a in accounts
               if not ((a.threshold or 0) >= 2 and (a.signatory_count or 0) >= (a.threshold or 0))]),
        _item("3.11", [f"{len(changes)} project change(s)"] * bool(changes)
              + [f"{len(change_proposals)} change proposal(s)"] * bool(change_proposals), [], optional=True),
    ]
    return s.AuditPackage(project=money.project_info(project), items=items,
                          present=sum(i.status == "present" for i in items),
                          missing=sum(i.status == "missing" for i in items))


async def audit_bundle(*, session: AsyncSession, principal: Principal, project: Project, package: s.AuditPackage,
                       tz: str) -> bytes:
    """The audit package as a ZIP: the PDF index and every document the read model can render."""
    summary = await money.expense_summary(session=session, project=project)
    tranches = await service.tranche_report(session=session, params=None, stmt=service.tranche_query(
        region=None, tambon=None, project_id=project.id, grant_id=None))
    statements = []
    for account in await money.project_accounts(session=session, project_id=project.id):
        for month in await money.ledger_months(session=session, account_id=account.id, tz=tz):
            statements.append(await money.monthly_statement(session=session, account=account, month=month, tz=tz))
    vouchers = [await money.voucher(session=session, principal=principal, expense_id=expense_id)
                for expense_id in await money.voucher_expense_ids(session=session, project_id=project.id)]
    for part in (summary, tranches, *statements, *vouchers):
        part.as_of, part.stale = package.as_of, package.stale
    return documents.audit_zip(package=package, summary=summary, tranches=tranches, statements=statements,
                               vouchers=vouchers)
