"""The docs are self-contained: every relative link in the READMEs and docs/ points at a file in the repository,
and the ADRs a newcomer asks about exist (issue 9)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")


def markdown_files() -> list[Path]:
    found = [
        ROOT / "README.md",
        *ROOT.glob("*/README.md"),
        *ROOT.glob("services/*/README.md"),
        *ROOT.glob("docs/**/*.md"),
    ]
    return sorted(p for p in found if p.is_file())


def broken_links(path: Path) -> list[str]:
    """Relative links in a markdown file whose target does not exist."""
    out = []
    for target in LINK.findall(path.read_text(encoding="utf-8")):
        if re.match(r"^[a-z]+:", target):  # http:, https:, mailto:
            continue
        if not (path.parent / target).exists():
            out.append(f"{path} -> {target}")
    return out


def test_every_relative_link_resolves() -> None:
    assert len(markdown_files()) >= 8
    assert [b for p in markdown_files() for b in broken_links(p)] == []


def test_the_link_check_can_fail(tmp_path: Path) -> None:
    page = tmp_path / "x.md"
    page.write_text("[ok](x.md) [web](https://example.org/a.md) [gone](CONTRACT.md)\n")
    assert [b.split(" -> ")[1] for b in broken_links(page)] == ["CONTRACT.md"]


def test_the_adrs_exist() -> None:
    names = sorted(p.name for p in (ROOT / "docs" / "adr").glob("0*.md"))
    for topic in ("event-feeds", "outbox", "rs256", "schema-per-service", "embedded-postgresql"):
        assert any(topic in n for n in names), topic


def test_no_file_points_outside_the_repository() -> None:
    """Code and docs cite docs/CONTRACT.md and docs/PITFALLS.md, never a file beside the repository."""
    outside = []
    for path in [*ROOT.glob("**/*.py"), *markdown_files()]:
        if any(part in {".venv", ".tools", ".data", "node_modules"} for part in path.parts):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        if "/work/shared" in text or "../shared/" in text:
            outside.append(str(path.relative_to(ROOT)))
    assert outside == [str(Path(__file__).relative_to(ROOT))]
