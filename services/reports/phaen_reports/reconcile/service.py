"""Recompute every derived cell and total of a legacy budget statement and list what disagrees."""

from __future__ import annotations

from decimal import Decimal

from phaen_common.money import CENT, format_money
from phaen_reports.reconcile import schemas as s
from phaen_reports.reports.arith import HUNDRED, largest_remainder_percents

ZERO = Decimal("0.00")


def reconcile_statement(*, statement: s.BudgetStatement) -> s.Reconciliation:
    """Variance = planned - actual per line; totals are sums; percents are shares summing to 100.00.

    A stated line percent is accepted when it is the exact share rounded either way to the hundredth
    (tables are typed with truncated or rounded shares); the lines' percents must still sum to 100.00.
    """
    lines = sorted(statement.lines, key=lambda ln: ln.no)
    planned = [ln.planned for ln in lines]
    total_planned = sum(planned, ZERO)
    total_actual = sum((ln.actual for ln in lines), ZERO)
    percents = largest_remainder_percents(planned)
    found: list[s.Discrepancy] = []
    computed_lines = []
    for ln, pct in zip(lines, percents, strict=True):
        variance = ln.planned - ln.actual
        computed_lines.append(
            s.ComputedLine(
                no=ln.no, title=ln.title, planned=ln.planned, percent=pct, actual=ln.actual, variance=variance
            )
        )
        if ln.variance is not None and ln.variance != variance:
            found.append(
                s.Discrepancy(
                    where=f"line {ln.no} variance", stated=format_money(ln.variance), computed=format_money(variance)
                )
            )
        if ln.percent is not None and total_planned > 0:
            exact = ln.planned * 100 / total_planned
            if abs(ln.percent - exact) >= CENT:
                found.append(
                    s.Discrepancy(where=f"line {ln.no} percent", stated=f"{ln.percent:.2f}", computed=str(pct))
                )
    total_percent = HUNDRED if total_planned > 0 else ZERO
    totals = s.ComputedTotals(
        planned=total_planned, percent=total_percent, actual=total_actual, variance=total_planned - total_actual
    )
    stated = statement.stated_totals
    for column, value, computed in (
        ("planned", stated.planned, totals.planned),
        ("actual", stated.actual, totals.actual),
        ("variance", stated.variance, totals.variance),
    ):
        if value is not None and value != computed:
            found.append(
                s.Discrepancy(where=f"total {column}", stated=format_money(value), computed=format_money(computed))
            )
    if stated.percent is not None and stated.percent != total_percent:
        found.append(
            s.Discrepancy(
                where="total percent",
                stated=f"{stated.percent:.2f}",
                computed=str(total_percent),
                note="the stated total percent",
            )
        )
    stated_percents = [ln.percent for ln in lines if ln.percent is not None]
    if stated_percents and len(stated_percents) == len(lines) and total_planned > 0:
        line_sum = sum(stated_percents, Decimal(0))
        if line_sum != total_percent:
            found.append(
                s.Discrepancy(
                    where="total percent",
                    stated=f"{line_sum:.2f}",
                    computed=str(total_percent),
                    note="the sum of the lines' stated percents",
                )
            )
    return s.Reconciliation(computed=s.Computed(lines=computed_lines, totals=totals), discrepancies=found)
