"""`make demo` runs to completion against the shared stack (attached, not started) and writes its documents."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pypdfium2
from e2e_stack import ROOT, Stack
from openpyxl import load_workbook

DOCUMENTS = (
    "plan-vs-actual.pdf",
    "plan-vs-actual.xlsx",
    "coverage.pdf",
    "coverage.xlsx",
    "voucher.pdf",
    "audit-package.pdf",
    "audit-package.xlsx",
)


def _text(pdf: Path) -> str:
    doc = pypdfium2.PdfDocument(str(pdf))
    try:
        text = "".join(page.get_textpage().get_text_range() for page in doc)
    finally:
        doc.close()
    # Word breaks (U+200B) and line ends are layout, not content.
    return "".join(text.replace("\u200b", "").split())


def test_make_demo_plays_the_story_and_writes_the_documents(stack: Stack, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PHAEN_")}
    env.update(
        {
            "PHAEN_URL": stack.gateway,
            "PHAEN_USERNAME": "admin",
            "PHAEN_PASSWORD": stack.admin_password,
            "PHAEN_CONFIG_DIR": str(tmp_path / "config"),
        }
    )
    out = tmp_path / "demo-output"
    done = subprocess.run(
        ["make", "--no-print-directory", "demo", f"DEMO_OUT={out}"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    story = done.stderr
    for step in (
        "4 regions",
        "ไม้เรียง (800405, model)",
        "10 lines planned 20,455,500.00",
        "approved by resolution",
        "tranche 1 released: 22500.00",
        "co-signed by 2 of 3",
        "(receipt)",
        "(payment voucher)",
        "activity report",
        "tranche 2 released: 22500.00",
        "final report (tranche 2)",
        "audit chain ok",
    ):
        assert step in story, (step, story[-3000:])
    for name in DOCUMENTS:
        path = out / name
        assert path.is_file() and str(path) in done.stdout, name
        assert path.read_bytes()[:4] in (b"%PDF", b"PK\x03\x04"), name
    voucher = _text(out / "voucher.pdf")
    assert "3,000.00" in voucher and "สามพันบาทถ้วน" in voucher
    assert "20,455,500.00" in _text(out / "plan-vs-actual.pdf")
    sheet = load_workbook(out / "plan-vs-actual.xlsx", read_only=True).active
    cells = [str(c) for row in sheet.iter_rows(values_only=True) for c in row if c is not None]
    assert any("งานมหกรรมแผนแม่บทชุมชน" in c for c in cells)
    # The story leaves nothing missing from the State Audit Office's checklist 3.1-3.11.
    checklist = load_workbook(out / "audit-package.xlsx", read_only=True).active
    statuses = [str(c) for row in checklist.iter_rows(values_only=True) for c in row if c is not None]
    assert "มี" in statuses and "ขาด" not in statuses
