"""Render the demo's voucher (demo-output/voucher.pdf, from `make demo`) to docs/img/voucher.png for the README.

.venv/bin/python scripts/voucher_png.py [PDF] [PNG]
"""

from __future__ import annotations

import sys
from pathlib import Path

import pypdfium2
from PIL import ImageOps

ROOT = Path(__file__).resolve().parent.parent


def render(pdf: Path, png: Path, scale: float = 1.6) -> Path:
    """The first page of ``pdf`` as a PNG (about 950 px wide for an A4 page)."""
    doc = pypdfium2.PdfDocument(str(pdf))
    try:
        image = doc[0].render(scale=scale).to_pil()
    finally:
        doc.close()
    image = image.convert("RGB")
    # The form fills the top of the page: cut the blank rest (the page footer goes with it) for the README.
    ink = ImageOps.invert(image.convert("L").crop((0, 0, image.width, int(image.height * 0.85)))).getbbox()
    if ink:
        image = image.crop((0, 0, image.width, min(image.height, ink[3] + int(40 * scale))))
    png.parent.mkdir(parents=True, exist_ok=True)
    image.save(png, optimize=True)
    return png


if __name__ == "__main__":
    args = sys.argv[1:]
    pdf = Path(args[0]) if args else ROOT / "demo-output" / "voucher.pdf"
    png = Path(args[1]) if len(args) > 1 else ROOT / "docs" / "img" / "voucher.png"
    print(render(pdf, png))
