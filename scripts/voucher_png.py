"""Render the demo's voucher (demo-output/voucher.pdf, from `make demo`) to docs/img/voucher.png for the README.

.venv/bin/python scripts/voucher_png.py [PDF] [PNG]
"""

from __future__ import annotations

import sys
from pathlib import Path

import pypdfium2

ROOT = Path(__file__).resolve().parent.parent


def render(pdf: Path, png: Path, scale: float = 1.6) -> Path:
    """The first page of ``pdf`` as a PNG (about 950 px wide for an A4 page)."""
    doc = pypdfium2.PdfDocument(str(pdf))
    try:
        image = doc[0].render(scale=scale).to_pil()
    finally:
        doc.close()
    png.parent.mkdir(parents=True, exist_ok=True)
    image.convert("RGB").save(png, optimize=True)
    return png


if __name__ == "__main__":
    args = sys.argv[1:]
    pdf = Path(args[0]) if args else ROOT / "demo-output" / "voucher.pdf"
    png = Path(args[1]) if len(args) > 1 else ROOT / "docs" / "img" / "voucher.png"
    print(render(pdf, png))
