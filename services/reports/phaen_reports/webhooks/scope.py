"""Who may receive which event: a subscriber receives only what its role may read.

- Registry events need ``registry:read``; budget events ``budget:read``.
- Admin, secretariat, auditors and the national committee read everything.
- A bank (its partner client carries the bank it is) receives events about accounts at its bank:
  the accounts themselves, their ledger, withdrawals, tranches paid into them, statements and alerts.
- A regional or tambon committee receives events of its region or tambon.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from phaen_common.auth import Principal, scopes_for
from phaen_common.events import EventData, spec_for
from phaen_common.events import budget as b

_EVERYTHING = frozenset({"admin", "secretariat", "auditor", "national_committee"})
_SOURCE_SCOPE = {"registry": "registry:read", "budget": "budget:read"}


@dataclass(frozen=True)
class Subscriber:
    """The scope of a subscriber, kept with its subscription."""

    roles: frozenset[str]
    bank: str | None = None
    region: str | None = None
    tambon: str | None = None

    @classmethod
    def of(cls, principal: Principal) -> Subscriber:
        return cls(roles=principal.roles, bank=principal.bank, region=principal.region, tambon=principal.tambon)

    def reads_source(self, type: str) -> bool:
        """The role may read events of this type's producer at all."""
        spec = spec_for(type)
        return spec is not None and _SOURCE_SCOPE.get(spec.source, "") in scopes_for(self.roles)

    def may_subscribe(self, type: str) -> bool:
        """The role reads this type's producer and has a rule that lets some of its events through."""
        spec = spec_for(type)
        if spec is None or not self.reads_source(type):
            return False
        return bool(
            self.roles & _EVERYTHING
            or ("bank" in self.roles and self.bank and spec.source == "budget")
            or ("regional_committee" in self.roles and self.region)
            or ("tambon_committee" in self.roles and self.tambon)
            or ("partner_registry" in self.roles and spec.source == "registry")
        )


@dataclass
class Places:
    """What the read model knows about the accounts and projects a page of events names."""

    account_bank: dict[uuid.UUID, str | None] = field(default_factory=dict)
    account_project: dict[uuid.UUID, uuid.UUID | None] = field(default_factory=dict)
    project_place: dict[uuid.UUID, tuple[str | None, str | None]] = field(default_factory=dict)


def account_of(data: EventData) -> uuid.UUID | None:
    if isinstance(data, b.AccountState):
        return data.id
    value = getattr(data, "account_id", None)
    return value if isinstance(value, uuid.UUID) else None


def project_of(data: EventData) -> uuid.UUID | None:
    if isinstance(data, b.ProjectState):
        return data.id
    value = getattr(data, "project_id", None)
    return value if isinstance(value, uuid.UUID) else None


def may_receive(sub: Subscriber, type: str, data: EventData, places: Places) -> bool:
    """Whether ``sub`` may read the event ``type`` with payload ``data``."""
    if not sub.reads_source(type):
        return False
    if sub.roles & _EVERYTHING:
        return True
    spec = spec_for(type)
    if "bank" in sub.roles and sub.bank:
        account = account_of(data)
        bank = data.bank if isinstance(data, b.AccountState) else places.account_bank.get(account) if account else None
        if bank is not None and bank == sub.bank:
            return True
    if spec is not None and spec.source == "registry":
        region, tambon = getattr(data, "region", None), getattr(data, "tambon", None) or getattr(data, "code", None)
        if "partner_registry" in sub.roles:
            return True
    else:
        project = project_of(data)
        if project is None and (account := account_of(data)) is not None:
            project = places.account_project.get(account)
        region, tambon = places.project_place.get(project, (None, None)) if project else (None, None)
    if "regional_committee" in sub.roles and sub.region and region == sub.region:
        return True
    return "tambon_committee" in sub.roles and bool(sub.tambon) and tambon == sub.tambon
