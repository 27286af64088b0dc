"""Who may receive which event: a subscriber receives only what its role may read (``phaen_common.access``).

- Registry events need ``registry:read``; budget events ``budget:read``.
- Registry events are read as the registry's place objects (people, committees, facilitators): everything for
  the national readers and a registry partner, a regional or tambon committee its region or tambon.
- Budget events about an account (the account, its ledger, withdrawals, tranches paid into it, statements,
  alerts) are read as the account: by place, and by a bank for the accounts at its bank (the bank's code
  answers to the names accounts are written with, ``bank_names``). Other budget events are project content:
  by place only.
- A stored subscriber has no subject, so a signatory's reach by listing is not honoured here (narrower).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from phaen_common.access import Reach, reach
from phaen_common.auth import Principal, scopes_for
from phaen_common.events import EventData, spec_for
from phaen_common.events import budget as b

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
        return not reach(self, "committee" if spec.source == "registry" else "account").nothing


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
    spec = spec_for(type)
    if spec is not None and spec.source == "registry":
        scope: Reach = reach(sub, "committee")
        region, tambon = getattr(data, "region", None), getattr(data, "tambon", None) or getattr(data, "code", None)
        return scope.allows(region=region, tambon=tambon)
    account = account_of(data)
    scope = reach(sub, "account" if account is not None else "expense")
    if scope.everything:
        return True
    if account is not None:
        bank = data.bank if isinstance(data, b.AccountState) else places.account_bank.get(account)
        if scope.allows(bank=bank):
            return True
    project = project_of(data)
    if project is None and account is not None:
        project = places.account_project.get(account)
    region, tambon = places.project_place.get(project, (None, None)) if project else (None, None)
    return scope.allows(region=region, tambon=tambon)
