"""The partner guides' examples run against the live stack (`make run`): every ```python block of each guide in
docs/partners/, in order, in one namespace, with the environment the guide asks the partner to set."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from e2e_stack import Stack
from partner_world import World, build_world

GUIDES = Path(__file__).resolve().parents[1] / "docs" / "partners"
BLOCK = re.compile(r"^```python\n(.*?)^```", re.S | re.M)


@pytest.fixture(scope="module")
def world(stack: Stack) -> World:
    return build_world(stack)


def run_guide(name: str, env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    path = GUIDES / name
    blocks = BLOCK.findall(path.read_text(encoding="utf-8"))
    assert len(blocks) >= 3, f"{name} has too few runnable examples"
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    namespace: dict[str, Any] = {"__name__": f"guide_{path.stem}"}
    for i, code in enumerate(blocks, start=1):
        exec(compile(code, f"{path}#example-{i}", "exec"), namespace)  # our own docs, run as the partner would
    return namespace


def test_bank_guide(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    waiting = world.approved_withdrawal()
    ns = run_guide("bank.md", {**world.env(), "PHAEN_ACCOUNT_ID": world.account["id"]}, monkeypatch)
    assert ns["withdrawal"]["id"] == waiting["id"]
    assert ns["paid"].json()["status"] == "paid"
    assert ns["statement"]["lines"] >= 3  # tranche in, interest in, payout out


def test_dla_guide(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    ns = run_guide("dla.md", world.env(), monkeypatch)
    assert world.tambon in {t["code"] for t in ns["page"]["items"]} or ns["page"]["total"] > len(ns["page"]["items"])
    assert ns["coverage"]["totals"]["tambons"] >= 1


def test_mobile_guide(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    ns = run_guide("mobile.md", {**world.env(), "PHAEN_PROJECT_ID": world.project["id"]}, monkeypatch)
    assert ns["first"].json()["category"] == "1.4"
    assert re.search(r"[\u0E00-\u0E7F]", ns["problem"]["title"])
    assert all(re.search(r"[\u0E00-\u0E7F]", e["msg"]) for e in ns["problem"]["errors"])


def test_the_extractor_finds_every_block() -> None:
    text = "intro\n```python\na = 1\n```\n```text\nnot run\n```\n```python\nb = a + 1\n```\n"
    assert BLOCK.findall(text) == ["a = 1\n", "b = a + 1\n"]
