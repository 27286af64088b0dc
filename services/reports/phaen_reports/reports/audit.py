"""The audit package of a project: the seed's retention checklist 3.1-3.11, each item derived from events."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col
from starlette.concurrency import run_in_threadpool

from phaen_common.access import EVERYTHING, sees_personal_data  # EVERYTHING: the router found the project in reach
from phaen_common.auth import Principal
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
from phaen_reports.render.thai import be_date
from phaen_reports.reports import documents, money, service
from phaen_reports.reports import schemas as s
from phaen_reports.reports.catalogue import CHECKLIST
from phaen_reports.reports.evidence import NationalIds


def _item(no: str, evidence: list[str], missing: list[str], *, optional: bool = False) -> s.ChecklistItem:
    title_th, title_en = next((t, e) for n, t, e in CHECKLIST if n == no)
    if missing:
        status = "missing"
    elif evidence:
        status = "present"
    else:
        status = "not_applicable" if optional else "missing"
    return s.ChecklistItem(
        no=no, title_th=title_th, title_en=title_en, status=status, evidence=evidence, missing=missing
    )


async def _committee_for(session: AsyncSession, project: Project) -> Committee | None:
    """The committee that runs a project: its tambon's, else its region's, else the national one."""
    c = columns(Committee)
    for level, cond in (
        ("tambon", c.tambon == project.tambon),
        ("regional", c.region == project.region),
        ("national", None),
    ):
        if (level == "tambon" and not project.tambon) or (level == "regional" and not project.region):
            continue
        stmt = select(Committee).where(c.level == level)
        if cond is not None:
            stmt = stmt.where(cond)
        found = (await session.execute(stmt.order_by(c.id).limit(1))).scalars().first()
        if found is not None:
            return found
    return None


@dataclass
class _Facts:
    """What the read model knows about a project, for the checklist."""

    approved: list[Proposal]
    change_proposals: int
    committee: Committee | None
    members: int
    expenses: int
    receipts: int
    vouchers: int
    spent: Decimal
    released: list[int]
    reports: list[int]
    final_tranche: int
    accounts: list[Account]
    entries: int
    people: int
    changes: int
    tambon: str = ""  # the tambon's name with its code beside it


async def _facts(session: AsyncSession, project: Project) -> _Facts:
    pid = project.id
    proposals = list(
        (
            await session.execute(select(Proposal).where(col(Proposal.project_id) == pid).order_by(col(Proposal.id)))
        ).scalars()
    )
    committee = await _committee_for(session, project)
    members = 0
    if committee is not None:
        members = (
            await session.execute(
                select(func.count())
                .select_from(CommitteeMember)
                .where(col(CommitteeMember.committee_id) == committee.id)
            )
        ).scalar_one()
    e = columns(Expense)
    recorded = e.status == "recorded"
    exp = (
        await session.execute(
            select(
                func.count().filter(recorded),
                func.count().filter(recorded, e.evidence_kind == "receipt"),
                func.count().filter(recorded, e.evidence_kind == "voucher"),
                func.coalesce(func.sum(e.amount).filter(recorded), 0),
            ).where(e.project_id == pid)
        )
    ).one()
    released = sorted((await session.execute(select(col(Tranche.n)).where(col(Tranche.project_id) == pid))).scalars())
    reports = sorted(
        {
            n
            for n in (
                await session.execute(select(col(ActivityReport.tranche)).where(col(ActivityReport.project_id) == pid))
            ).scalars()
            if n is not None
        }
    )
    accounts = list((await session.execute(select(Account).where(col(Account.project_id) == pid))).scalars())
    entries = (
        (
            await session.execute(
                select(func.count())
                .select_from(LedgerEntry)
                .where(col(LedgerEntry.account_id).in_([a.id for a in accounts]))
            )
        ).scalar_one()
        if accounts
        else 0
    )
    people = 0
    if project.tambon:
        people = (
            await session.execute(select(func.count()).select_from(Person).where(col(Person.tambon) == project.tambon))
        ).scalar_one()
    changes = (
        await session.execute(
            select(func.count()).select_from(ProjectChange).where(col(ProjectChange.project_id) == pid)
        )
    ).scalar_one()
    tambon = ""
    if project.tambon:
        names = await service.tambon_names(session=session, codes={project.tambon})
        tambon = documents.tambon_label(names.get(project.tambon), project.tambon)
    return _Facts(
        tambon=tambon,
        approved=[p for p in proposals if p.status == "approved"],
        change_proposals=sum(p.kind == "change" for p in proposals),
        committee=committee,
        members=members,
        expenses=exp[0],
        receipts=exp[1],
        vouchers=exp[2],
        spent=Decimal(exp[3] or 0),
        released=released,
        reports=reports,
        final_tranche=len(service.tranche_split(project)),
        accounts=accounts,
        entries=entries,
        people=people,
        changes=changes,
    )


def _resolution(p: Proposal) -> str:
    number = p.resolution_number or ""
    label = number if number.startswith("มติ") else f"มติที่ประชุม {number}"
    return label + (f" ลงวันที่ {be_date(p.resolution_meeting_date)}" if p.resolution_meeting_date else "")


def _signing_ok(a: Account) -> bool:
    return (a.threshold or 0) >= 2 and (a.signatory_count or 0) >= (a.threshold or 0)


def checklist(f: _Facts, project: Project) -> list[s.ChecklistItem]:
    """Items 3.1-3.11, each with its evidence and what is missing (in Thai, as the index prints them)."""
    resolutions = [_resolution(p) for p in f.approved if p.resolution_number]
    undocumented = len(f.approved) - len(resolutions)
    loose = f.expenses - f.receipts - f.vouchers
    c = f.committee
    level_th = {"tambon": "ตำบล", "regional": "ภาค", "provincial": "จังหวัด", "national": "ชาติ"}
    return [
        _item(
            "3.1",
            [f"ข้อเสนอโครงการที่อนุมัติแล้ว {len(f.approved)} เรื่อง"] if f.approved else [],
            [] if f.approved else ["ยังไม่มีข้อเสนอโครงการที่ได้รับอนุมัติ"],
        ),
        _item(
            "3.2",
            [f"{c.name or c.id} (ระดับ{level_th.get(c.level or '', c.level or '')})"] if c else [],
            [] if c else ["ยังไม่มีคณะกรรมการระดับตำบล ภาค หรือชาติที่ดูแลโครงการ"],
        ),
        _item("3.3", [f"กรรมการ {f.members} คน"] if f.members else [], [] if f.members else ["ยังไม่มีรายชื่อกรรมการ"]),
        _item(
            "3.4",
            [f"ค่าใช้จ่าย {f.expenses} รายการ: ใบเสร็จรับเงิน {f.receipts} ใบสำคัญรับเงิน {f.vouchers} รวม {f.spent:,.2f} บาท"]
            if f.expenses
            else [],
            ([] if f.expenses else ["ยังไม่มีการบันทึกค่าใช้จ่าย"])
            + ([f"ค่าใช้จ่าย {loose} รายการไม่มีใบเสร็จรับเงินหรือใบสำคัญรับเงิน"] if loose else []),
        ),
        _item(
            "3.5",
            resolutions,
            [f"การอนุมัติ {undocumented} เรื่องไม่มีมติที่ประชุม"] if undocumented else ([] if resolutions else ["ยังไม่มีมติที่ประชุม"]),
        ),
        _item(
            "3.6",
            [f"รายงานสรุปผลงวดที่ {n}" for n in f.reports if n in f.released],
            [f"รายงานสรุปผลงวดที่ {n}" for n in f.released if n not in f.reports]
            if f.released
            else ["ยังไม่มีการโอนเงินงวดใด"],
        ),
        _item(
            "3.7",
            [f"รายงานสรุปผลงวดสุดท้าย (งวดที่ {f.final_tranche})"] if f.final_tranche in f.reports else [],
            [] if f.final_tranche in f.reports else [f"รายงานสรุปผลงวดสุดท้าย (งวดที่ {f.final_tranche})"],
        ),
        _item(
            "3.8",
            [f"ผู้รับประโยชน์ที่ลงทะเบียนในตำบล{f.tambon} {f.people} คน"] if f.people else [],
            [] if f.people or not project.tambon else ["ยังไม่มีรายชื่อผู้รับประโยชน์"],
            optional=not project.tambon,
        ),
        _item(
            "3.9",
            [f"รายการในสมุดบัญชี {f.entries} รายการ (แนบรายงานรับ-จ่ายเงินประจำเดือน)"] if f.entries else [],
            [] if f.entries else ["ยังไม่มีรายการในสมุดบัญชี"],
        ),
        _item(
            "3.10",
            [
                f"บัญชี {a.bank or ''} สาขา{a.branch or ''} เลขที่ ****{a.number_last4 or ''} "
                f"ลงนามร่วม {a.threshold} ใน {a.signatory_count} คน"
                for a in f.accounts
                if _signing_ok(a)
            ],
            ["ยังไม่เปิดบัญชีธนาคาร"]
            if not f.accounts
            else [f"บัญชี {a.id} ไม่มีเงื่อนไขการลงนามร่วมที่ถูกต้อง" for a in f.accounts if not _signing_ok(a)],
        ),
        _item(
            "3.11",
            [f"การเปลี่ยนแปลงโครงการ {f.changes} ครั้ง"] * bool(f.changes)
            + [f"ข้อเสนอขอเปลี่ยนแปลง {f.change_proposals} เรื่อง"] * bool(f.change_proposals),
            [],
            optional=True,
        ),
    ]


async def audit_package(*, session: AsyncSession, project: Project) -> s.AuditPackage:
    """Checklist 3.1-3.11 with what is present and what is missing, from the read model."""
    items = checklist(await _facts(session, project), project)
    return s.AuditPackage(
        project=await money.described(session=session, project=project),
        items=items,
        present=sum(i.status == "present" for i in items),
        missing=sum(i.status == "missing" for i in items),
    )


async def audit_bundle(
    *,
    session: AsyncSession,
    project: Project,
    package: s.AuditPackage,
    tz: str,
    principal: Principal,
    ids: NationalIds,
    authorization: str,
) -> bytes:
    """The audit package as a ZIP: the PDF index and every document the read model can render."""
    summary = await money.expense_summary(session=session, project=project)
    tranches = await service.tranche_report(
        session=session,
        params=None,
        stmt=service.tranche_query(scope=EVERYTHING, region=None, project_id=project.id, grant_id=None),
    )
    statements = []
    for account in await money.project_accounts(session=session, project_id=project.id):
        for month in await money.ledger_months(session=session, account_id=account.id, tz=tz):
            statements.append(await money.monthly_statement(session=session, account=account, month=month, tz=tz))
    # The caller may see the project (the router checked), so each of its expenses needs no check of its own.
    vouchers = []
    for expense in await money.voucher_expenses(session=session, project_id=project.id):
        clear = None
        if sees_personal_data(principal):
            clear = await ids.national_id(expense_id=expense.id, authorization=authorization)
        vouchers.append(money.voucher_of(expense, package.project, national_id=clear))
    for part in (summary, tranches, *statements, *vouchers):
        part.as_of, part.stale = package.as_of, package.stale
    return await run_in_threadpool(
        lambda: documents.audit_zip(
            package=package, summary=summary, tranches=tranches, statements=statements, vouchers=vouchers
        )
    )
