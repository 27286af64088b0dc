"""Who may read what: the registry's row scopes and who sees personal data in clear."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, false
from sqlalchemy.orm import Mapped

from phaen_common.auth import Principal

# Roles that see national IDs and phone numbers in clear (contract: admin, secretariat, auditor).
CLEAR_PERSONAL_DATA_ROLES = ("admin", "secretariat", "auditor")


@dataclass(frozen=True)
class ReadScope:
    """Rows a caller may read: everything, one region, one tambon, or nothing."""

    everything: bool = False
    region: str | None = None
    tambon: str | None = None

    @property
    def nothing(self) -> bool:
        return not self.everything and self.region is None and self.tambon is None

    def where(self, stmt: Select[Any], *, region: Mapped[str | None], tambon: Mapped[str | None]) -> Select[Any]:
        """Limit ``stmt`` to this scope, given the query's region and tambon columns."""
        if self.everything:
            return stmt
        if self.region:
            return stmt.where(region == self.region)
        if self.tambon:
            return stmt.where(tambon == self.tambon)
        return stmt.where(false())


def read_scope(principal: Principal) -> ReadScope:
    """People and committees: a regional committee reads only its region, a tambon committee its tambon.

    A regional or tambon committee token without its scope claim reads nothing (fail closed).
    """
    if principal.sees_everything or principal.has_role("partner_registry"):
        return ReadScope(everything=True)
    if principal.has_role("regional_committee"):
        return ReadScope(region=principal.region) if principal.region else ReadScope()
    if principal.has_role("tambon_committee"):
        return ReadScope(tambon=principal.tambon) if principal.tambon else ReadScope()
    return ReadScope(everything=True)


def sees_personal_data(principal: Principal) -> bool:
    """True when national IDs and phone numbers may be shown unmasked."""
    return principal.has_role(*CLEAR_PERSONAL_DATA_ROLES)
