"""The registry's read filters: the shared definitions (``phaen_common.access``) turned into this service's SQL."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import Select, false, or_

from phaen_common.access import EVERYTHING, Reach, reach, sees_personal_data
from phaen_common.auth import Principal

__all__ = ["EVERYTHING", "Reach", "read_scope", "sees_personal_data", "where"]

Codes = Callable[[list[str]], Any]


def read_scope(principal: Principal, what: str) -> Reach:
    """The rows of ``what`` (person, committee, facilitator) ``principal`` reads.

    A regional committee reads its region, a tambon committee its tambon, the union when it holds both; a
    committee token without its scope claim reads nothing (fail closed).
    """
    return reach(principal, what)


def where(stmt: Select[Any], scope: Reach, *, region_in: Codes, tambon_in: Codes) -> Select[Any]:
    """Limit ``stmt`` to ``scope``, given how to match the query's rows against region and tambon codes."""
    if scope.everything:
        return stmt
    clauses = []
    if scope.regions:
        clauses.append(region_in(sorted(scope.regions)))
    if scope.tambons:
        clauses.append(tambon_in(sorted(scope.tambons)))
    return stmt.where(or_(*clauses) if clauses else false())
