"""Database constraint violations turned into the refusals they stand for, by constraint name.

A violation whose constraint is not in the caller's table is a bug, not a refusal: it is logged with the
constraint's name and re-raised (a 500), never guessed into a business error.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import NoReturn

from sqlalchemy.exc import IntegrityError

from phaen_common.errors import ProblemError

log = logging.getLogger("phaen.budget.constraints")


def constraint_of(exc: IntegrityError | Exception) -> str | None:
    """The name of the violated constraint (asyncpg reports it on the driver's exception, raw or wrapped)."""
    orig = getattr(exc, "orig", None)
    for candidate in (orig, getattr(orig, "__cause__", None), exc):
        name = getattr(candidate, "constraint_name", None)
        if isinstance(name, str) and name:
            return name
    return None


def refuse(exc: IntegrityError | Exception, errors: Mapping[str, type[ProblemError]]) -> NoReturn:
    """Raise the refusal mapped to the violated constraint, or re-raise ``exc`` after logging its name."""
    name = constraint_of(exc)
    error = errors.get(name) if name else None
    if error is None:
        log.error("unexpected constraint violation: %s", name or "(unnamed)")
        raise exc
    raise error() from exc
