"""Thai PDF with fpdf2: Sarabun, HarfBuzz shaping (tone marks stack), word-boundary line breaks."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fpdf import FPDF
from fpdf.fonts import FontFace

from phaen_reports.render.table import Tabular, as_bangkok, cell_text, freshness_line
from phaen_reports.render.thai import baht_words, be_date, breakable, font_dir

FONT = "Sarabun"
__all__ = ["FONT", "ThaiPdf", "draw_table", "freshness_line", "table_pdf"]


class ThaiPdf(FPDF):
    """An A4 document set in Sarabun with text shaping on and Thai page numbers."""

    def __init__(self, *, landscape: bool = False, title: str = "") -> None:
        super().__init__(orientation="L" if landscape else "P", unit="mm", format="A4")
        fonts = font_dir()
        self.add_font(FONT, "", str(fonts / "Sarabun-Regular.ttf"))
        self.add_font(FONT, "B", str(fonts / "Sarabun-Bold.ttf"))
        self.set_text_shaping(True)
        self.set_auto_page_break(auto=True, margin=15)
        self.set_margins(15, 15, 15)
        self.set_title(title)
        self.set_creator("Phaen reports")
        self.set_font(FONT, size=12)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FONT, size=9)
        self.cell(0, 6, f"หน้า {self.page_no()}/{{nb}}", align="C")

    def line_text(
        self, text: str, *, size: float = 12, bold: bool = False, align: str = "L", height: float = 7
    ) -> None:
        """A paragraph that wraps at Thai word boundaries."""
        self.set_font(FONT, "B" if bold else "", size)
        self.multi_cell(0, height, breakable(text), align=align, new_x="LMARGIN", new_y="NEXT")

    def output_bytes(self) -> bytes:
        return bytes(self.output())


def table_pdf(table: Tabular, *, pdf: ThaiPdf | None = None) -> bytes:
    """Render a ``Tabular`` as a Thai PDF document."""
    own = pdf is None
    doc = pdf or ThaiPdf(landscape=table.landscape, title=table.title_th)
    doc.add_page()
    doc.line_text(table.title_th, size=16, bold=True, align="C", height=9)
    for note in table.notes:
        doc.line_text(note, size=12)
    doc.line_text(freshness_line(table.as_of, table.stale), size=10)
    doc.line_text(f"พิมพ์เมื่อ {be_date(as_bangkok(dt.datetime.now(dt.UTC)), with_time=True)}", size=10)
    doc.ln(2)
    draw_table(doc, table)
    if table.in_words:
        doc.ln(3)
        for label, amount in table.in_words:
            doc.line_text(f"{label} {amount:,.2f} บาท ({baht_words(amount)})", size=12)
    return doc.output_bytes() if own else b""


def draw_table(doc: ThaiPdf, table: Tabular) -> None:
    doc.set_font(FONT, size=10)
    # Numbers get a fixed share unless a column asks for its own width.
    widths = tuple(0.85 if c.kind != "text" and c.width == 1.0 else c.width for c in table.columns)
    aligns = tuple("L" if c.kind == "text" else "R" for c in table.columns)
    head = FontFace(emphasis="BOLD", fill_color=(221, 235, 247))
    bold = FontFace(emphasis="BOLD")
    with doc.table(
        col_widths=widths, text_align=aligns, line_height=6, headings_style=head, first_row_as_headings=True
    ) as grid:
        header = grid.row()
        for col in table.columns:
            header.cell(breakable(col.header_th), align="C")
        for row in table.rows:
            _row(grid, table, row, None)
        if table.totals:
            _row(grid, table, table.totals, bold)


def _row(grid: Any, table: Tabular, row: dict[str, Any], style: FontFace | None) -> None:
    r = grid.row()
    for col in table.columns:
        r.cell(breakable(cell_text(row.get(col.key), col.kind)), style=style)
