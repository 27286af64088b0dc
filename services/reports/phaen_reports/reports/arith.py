"""Arithmetic the reports share: percents by largest remainder (they sum to exactly 100.00)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from phaen_common.money import CENT

HUNDRED = Decimal("100.00")


def largest_remainder_percents(amounts: Sequence[Decimal]) -> list[Decimal]:
    """Each amount's share of the total in percent with 2 decimals, summing to exactly 100.00.

    Every share is floored to the hundredth; the hundredths left over go to the largest remainders
    (ties to the earlier line). A zero total gives zeros.
    """
    total = sum(amounts, Decimal(0))
    if total <= 0:
        return [Decimal("0.00") for _ in amounts]
    # Work in integer hundredths of a percent: share = amount * 10000 / total.
    floors: list[int] = []
    remainders: list[tuple[Decimal, int]] = []
    for i, amount in enumerate(amounts):
        exact = amount * 10000 / total
        floor = int(exact // 1)
        floors.append(floor)
        remainders.append((exact - floor, i))
    left = 10000 - sum(floors)
    for _, i in sorted(remainders, key=lambda r: (-r[0], r[1]))[: max(left, 0)]:
        floors[i] += 1
    return [(Decimal(f) / 100).quantize(CENT) for f in floors]
