"""CSV (UTF-8 with BOM, for Excel) and XLSX (numbers as numbers, Thai header row) from a ``Tabular``."""

from __future__ import annotations

import csv
import io

import xlsxwriter

from phaen_reports.render.table import Tabular, as_bangkok, cell_value, freshness_line

# OWASP "CSV injection": a cell starting with one of these is run as a formula by spreadsheet programs.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """A text cell a spreadsheet shows as text: a leading ``= + - @`` (or tab, CR) gets a ``'`` before it."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


ALL_GRANTS = "ทุกทุน"
GRANT_HEADER = "ทุน"
AS_OF_HEADER = "ข้อมูล ณ"


def grant_of(table: Tabular) -> str:
    """The grant a report is about; a network-wide report covers every grant."""
    return table.grant_name or ALL_GRANTS


def as_of_iso(table: Tabular) -> str:
    """``as_of`` in ISO 8601 with its UTC offset (empty before the first feed poll)."""
    return table.as_of.isoformat(timespec="seconds") if table.as_of else ""


def to_csv(table: Tabular) -> bytes:
    """CSV with a BOM so Excel opens Thai correctly; plain numbers (no separators) for re-import.

    Every row ends with the grant's name and the read model's ``as_of``: the file stays one table (no preamble
    lines for a re-import to skip) and still says what it is and how fresh it was."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow([neutralise(c.header_th) for c in table.columns] + [GRANT_HEADER, AS_OF_HEADER])
    context = [neutralise(grant_of(table)), as_of_iso(table)]
    rows = list(table.rows) + ([table.totals] if table.totals else [])
    for row in rows:
        out: list[str] = []
        for col in table.columns:
            value = cell_value(row.get(col.key), col.kind)
            if value is None:
                out.append("")
            elif col.kind in ("money", "percent"):
                out.append(f"{value:.2f}")
            elif col.kind == "date":
                out.append(value.isoformat())
            elif col.kind == "int":
                out.append(str(value))
            else:
                out.append(neutralise(str(value)))
        writer.writerow(out + context)
    return buf.getvalue().encode("utf-8-sig")


def to_xlsx(table: Tabular) -> bytes:
    """An XLSX workbook: title, Thai header row, typed cells, a bold totals row."""
    buf = io.BytesIO()
    book = xlsxwriter.Workbook(buf, {"in_memory": True})
    sheet = book.add_worksheet(table.slug[:31])
    bold = book.add_format({"bold": True, "font_name": "Sarabun"})
    head = book.add_format({"bold": True, "font_name": "Sarabun", "bg_color": "#DDEBF7", "border": 1})
    text_f = book.add_format({"font_name": "Sarabun"})
    money_f = book.add_format({"num_format": "#,##0.00", "font_name": "Sarabun"})
    pct_f = book.add_format({"num_format": "0.00", "font_name": "Sarabun"})
    int_f = book.add_format({"num_format": "#,##0", "font_name": "Sarabun"})
    # Buddhist-Era display of real date cells.
    date_f = book.add_format({"num_format": "[$-107041E]d mmmm yyyy;@", "font_name": "Sarabun"})
    formats = {"money": money_f, "percent": pct_f, "int": int_f, "date": date_f, "text": text_f}
    sheet.write(0, 0, table.title_th, bold)
    sheet.write_string(1, 0, f"{GRANT_HEADER}: {neutralise(grant_of(table))}", text_f)
    sheet.write_string(2, 0, freshness_line(table.as_of, table.stale), text_f)
    if table.as_of is not None:
        # The same instant as a real date cell (Bangkok wall time; Excel has no time zones).
        stamp = book.add_format({"num_format": "[$-107041E]d mmmm yyyy hh:mm;@", "font_name": "Sarabun"})
        sheet.write_datetime(2, 1, as_bangkok(table.as_of).replace(tzinfo=None), stamp)
    header_row = 3
    sheet.write_row(header_row, 0, [c.header_th for c in table.columns], head)
    sheet.freeze_panes(header_row + 1, 0)  # the header row stays in view while scrolling
    rows = list(table.rows) + ([table.totals] if table.totals else [])
    for r, row in enumerate(rows, start=header_row + 1):
        for c, col in enumerate(table.columns):
            value = cell_value(row.get(col.key), col.kind)
            if value is None:
                continue
            if col.kind in ("money", "percent"):
                # XlsxWriter writes the cell as f"{number:.16G}": a Decimal goes in exact, never through a float.
                sheet.write_number(r, c, value, formats[col.kind])
            elif col.kind == "int":
                sheet.write_number(r, c, value, int_f)
            elif col.kind == "date":
                sheet.write_datetime(r, c, value, date_f)
            else:
                # write_string never makes a formula, but the sheet may be saved again as CSV: neutralise here too.
                sheet.write_string(r, c, neutralise(str(value)), text_f)
    for c, col in enumerate(table.columns):
        sheet.set_column(c, c, 14 if col.kind != "text" else 12 + 18 * col.width)
    book.close()
    return buf.getvalue()
