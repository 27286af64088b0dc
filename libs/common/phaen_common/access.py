"""Who sees what, in one place: roles, regions, the reach of a principal, read filters, masking.

- **Roles** are one enum (``Role``); each role's token scopes are ``ROLE_SCOPES`` (the contract's table).
- **Regions** are one list (``REGIONS``; the domain's four, ภาค).
- **Reach**: each role reads on one *basis*: the whole country, its region, its tambon, its bank, or (a
  signatory) the accounts that list its user. A principal with several roles reads the union of what each
  role reads, and a role never widens another: a basis is honoured only on the object types it applies to, and
  the national reach of a role counts only on the object types that role reads nationally (a registry
  partner reads every person in the registry, not every budget project).
- **Read filters** are data (``READS``): per object type, who reads it nationally and which bases narrow it.
  ``reach(principal, what)`` evaluates them into a ``Reach`` value; each service turns a ``Reach`` into its own
  SQL (services never import each other). An object type may *follow* another: an attachment has the reach of
  its expense, a withdrawal that of its account.
- **Masking**: one function (``mask``), one masking character (``MASK``), and the roles that see national IDs,
  phone numbers and account numbers in clear.

Outside a caller's reach an object is a 404 (its existence is not leaked); a role that may not act is a 403.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Literal, Protocol, get_args

if TYPE_CHECKING:
    from phaen_common.auth import Principal


class Holder(Protocol):
    """Whoever holds roles and scope claims: a token's principal, or a stored subscriber (which may lack ``sub``)."""

    @property
    def roles(self) -> frozenset[str]: ...

    @property
    def region(self) -> str | None: ...

    @property
    def tambon(self) -> str | None: ...

    @property
    def bank(self) -> str | None: ...


class Role(StrEnum):
    """The roles a token may carry (the contract's table; see ``ROLE_SCOPES``)."""

    ADMIN = "admin"
    SECRETARIAT = "secretariat"
    NATIONAL_COMMITTEE = "national_committee"
    REGIONAL_COMMITTEE = "regional_committee"
    TAMBON_COMMITTEE = "tambon_committee"
    SIGNATORY = "signatory"
    AUDITOR = "auditor"
    PARTNER_REGISTRY = "partner_registry"
    BANK = "bank"
    # Internal clients: the reports service reading the event feeds; the budget service checking signatories.
    SERVICE_EVENTS = "service_events"
    SERVICE_DIRECTORY = "service_directory"


# The roles people and partners hold (the internal service roles left out).
PUBLIC_ROLES: tuple[Role, ...] = tuple(r for r in Role if not r.value.startswith("service_"))

_ALL_SCOPES = frozenset(
    {
        "registry:read",
        "registry:write",
        "budget:read",
        "budget:write",
        "budget:admin",
        "budget:approve",
        "budget:sign",
        "bank:execute",
        "reports:read",
        "audit:read",
        "events:read",
        "auth:admin",
    }
)
_COMMITTEE_SCOPES = frozenset({"registry:read", "budget:read", "budget:approve", "reports:read"})

# The contract's role -> scope table. The gateway issues these; services check scopes.
ROLE_SCOPES: Mapping[str, frozenset[str]] = {
    Role.ADMIN: _ALL_SCOPES,
    Role.SECRETARIAT: frozenset(
        {"registry:read", "registry:write", "budget:read", "budget:write", "budget:admin", "reports:read", "audit:read"}
    ),
    Role.NATIONAL_COMMITTEE: _COMMITTEE_SCOPES,
    Role.REGIONAL_COMMITTEE: _COMMITTEE_SCOPES,
    Role.TAMBON_COMMITTEE: frozenset({"registry:read", "budget:read", "budget:write", "reports:read"}),
    Role.SIGNATORY: frozenset({"budget:read", "budget:sign"}),
    Role.AUDITOR: frozenset({"registry:read", "budget:read", "reports:read", "audit:read"}),
    Role.PARTNER_REGISTRY: frozenset({"registry:read", "reports:read"}),
    Role.BANK: frozenset({"budget:read", "bank:execute"}),
    Role.SERVICE_EVENTS: frozenset({"events:read"}),
    Role.SERVICE_DIRECTORY: frozenset({"auth:directory", "registry:read"}),
}

KNOWN_ROLES = frozenset(r.value for r in Role)


def scopes_for(roles: Iterable[str]) -> frozenset[str]:
    """The union of the scopes of ``roles`` (unknown roles give nothing)."""
    out: set[str] = set()
    for role in roles:
        out |= ROLE_SCOPES.get(role, frozenset())
    return frozenset(out)


# The domain's regions (ภาค); which province is in which region is data (the registry's table), not code.
RegionCode = Literal["north", "central", "northeast", "south"]
REGIONS: tuple[str, ...] = get_args(RegionCode)
REGION_NAMES_TH: Mapping[str, str] = {
    "north": "ภาคเหนือ",
    "central": "ภาคกลาง",
    "northeast": "ภาคตะวันออกเฉียงเหนือ",
    "south": "ภาคใต้",
}


class Basis(StrEnum):
    """What a role's reach rests on."""

    NATIONAL = "national"
    REGION = "region"  # the token's ``region`` claim
    TAMBON = "tambon"  # the token's ``tambon`` claim
    BANK = "bank"  # the token's ``bank`` claim: accounts at that bank
    SIGNATORY = "signatory"  # the token's subject: accounts whose signatory list holds it


ROLE_BASIS: Mapping[str, Basis] = {
    Role.ADMIN: Basis.NATIONAL,
    Role.SECRETARIAT: Basis.NATIONAL,
    Role.NATIONAL_COMMITTEE: Basis.NATIONAL,
    Role.AUDITOR: Basis.NATIONAL,
    Role.PARTNER_REGISTRY: Basis.NATIONAL,
    Role.SERVICE_EVENTS: Basis.NATIONAL,
    Role.SERVICE_DIRECTORY: Basis.NATIONAL,
    Role.REGIONAL_COMMITTEE: Basis.REGION,
    Role.TAMBON_COMMITTEE: Basis.TAMBON,
    Role.BANK: Basis.BANK,
    Role.SIGNATORY: Basis.SIGNATORY,
}

# The scope claim a role cannot work without (a user or client is refused without it).
REQUIRED_CLAIM: Mapping[str, Literal["region", "tambon", "bank"]] = {
    Role.REGIONAL_COMMITTEE: "region",
    Role.TAMBON_COMMITTEE: "tambon",
    Role.BANK: "bank",
}

# Roles that read every row of the network's objects, and that act (budget:write) on any tambon's project.
NATIONAL_READERS = frozenset({Role.ADMIN, Role.SECRETARIAT, Role.AUDITOR, Role.NATIONAL_COMMITTEE})
ACTS_EVERYWHERE = frozenset({Role.ADMIN, Role.SECRETARIAT})
# The registry is also read in full by a registry partner (e.g. DLA; personal data masked).
_REGISTRY_READERS = NATIONAL_READERS | {Role.PARTNER_REGISTRY}
_PLACE = frozenset({Basis.REGION, Basis.TAMBON})
_MONEY = _PLACE | {Basis.BANK, Basis.SIGNATORY}


@dataclass(frozen=True)
class ObjectRead:
    """How one object type is read: who reads all of it, which bases narrow it, or whose reach it follows."""

    national: frozenset[Role] = NATIONAL_READERS
    bases: frozenset[Basis] = _PLACE
    follows: str | None = None


# The read filter of each object type. Place objects carry a region and/or tambon; money objects also an
# account (its bank, its signatory list). A type that follows another is found through it.
READS: Mapping[str, ObjectRead] = {
    # registry
    "person": ObjectRead(national=_REGISTRY_READERS | {Role.SERVICE_DIRECTORY}),
    "committee": ObjectRead(national=_REGISTRY_READERS),
    "facilitator": ObjectRead(national=_REGISTRY_READERS),  # by the tambon it works in (and so its region)
    # budget: a project's content is read by place only
    "project": ObjectRead(bases=_MONEY),  # the record: also the projects of the accounts within reach
    "proposal": ObjectRead(),
    "expense": ObjectRead(),
    "activity_report": ObjectRead(),
    "tranche": ObjectRead(follows="project"),  # money released into the project's account: with the record
    "attachment": ObjectRead(follows="expense"),  # receipt scans and other evidence
    "voucher": ObjectRead(follows="expense"),
    # budget: an account and what hangs from it
    "account": ObjectRead(bases=_MONEY),
    "withdrawal": ObjectRead(follows="account"),
    "ledger_entry": ObjectRead(follows="account"),
    "statement": ObjectRead(follows="account"),
    "signatory_change": ObjectRead(follows="account"),
    # alerts are oversight: national readers but the national committee, and a regional committee its region
    "alert": ObjectRead(
        national=frozenset({Role.ADMIN, Role.SECRETARIAT, Role.AUDITOR}), bases=frozenset({Basis.REGION})
    ),
}


def read_spec(what: str) -> ObjectRead:
    """The read filter of an object type, following ``follows`` to the type whose reach it takes."""
    spec = READS[what]
    seen = {what}
    while spec.follows is not None:
        if spec.follows in seen:
            raise ValueError(f"read filters follow each other in a circle: {what}")
        seen.add(spec.follows)
        spec = READS[spec.follows]
    return spec


@dataclass(frozen=True)
class Reach:
    """The rows of one object type a principal reads: every row, or those matching any listed key.

    An empty ``Reach`` is nothing (fail closed: a committee token without its claim reads nothing).
    """

    everything: bool = False
    regions: frozenset[str] = frozenset()
    tambons: frozenset[str] = frozenset()
    banks: frozenset[str] = frozenset()  # bank codes (see ``bank_names`` for how accounts spell them)
    signatory: str | None = None  # the user id an account's current signatory list must hold

    @property
    def nothing(self) -> bool:
        return not (self.everything or self.regions or self.tambons or self.banks or self.signatory)

    @property
    def by_place(self) -> bool:
        """Does any row come by region or tambon?"""
        return bool(self.regions or self.tambons)

    @property
    def by_account(self) -> bool:
        """Does any row come by an account's bank or signatory list (beyond place)?"""
        return bool(self.banks or self.signatory)

    def place_only(self) -> Reach:
        """This reach without its account keys (for a service that cannot see signatory lists)."""
        return Reach(everything=self.everything, regions=self.regions, tambons=self.tambons)

    def allows(
        self,
        *,
        region: str | None = None,
        tambon: str | None = None,
        bank: str | None = None,
        signatories: Iterable[str] = (),
    ) -> bool:
        """Is one object with these keys within reach? (For an object already in memory.)"""
        if self.everything:
            return True
        if region is not None and region in self.regions:
            return True
        if tambon is not None and tambon in self.tambons:
            return True
        if bank is not None and any(bank in bank_names(code) for code in self.banks):
            return True
        return self.signatory is not None and self.signatory in set(signatories)


EVERYTHING = Reach(everything=True)
NOTHING = Reach()


def reach(principal: Holder, what: str) -> Reach:
    """What ``principal`` reads of object type ``what``: the union of what each of its roles reads."""
    spec = read_spec(what)
    if any(role in spec.national for role in principal.roles):
        return EVERYTHING
    regions: set[str] = set()
    tambons: set[str] = set()
    banks: set[str] = set()
    signatory: str | None = None
    for role in principal.roles:
        basis = ROLE_BASIS.get(role)
        if basis is None or basis not in spec.bases:
            continue  # a role adds only what it reads of this type, never the reach of another
        if basis is Basis.REGION and principal.region:
            regions.add(principal.region)
        elif basis is Basis.TAMBON and principal.tambon:
            tambons.add(principal.tambon)
        elif basis is Basis.BANK and principal.bank:
            banks.add(principal.bank)
        elif basis is Basis.SIGNATORY:
            signatory = getattr(principal, "sub", None)  # a holder without a subject is listed nowhere
    return Reach(regions=frozenset(regions), tambons=frozenset(tambons), banks=frozenset(banks), signatory=signatory)


def reads_everything(principal: Holder, what: str) -> bool:
    """Does ``principal`` read every row of object type ``what``?"""
    return reach(principal, what).everything


def acts_on(principal: Principal, *, tambon: str | None) -> bool:
    """May ``principal`` use budget:write on an object of this tambon (propose, request, record)?"""
    if any(role in ACTS_EVERYWHERE for role in principal.roles):
        return True
    return bool(Role.TAMBON_COMMITTEE in principal.roles and principal.tambon and tambon == principal.tambon)


# An account's ``bank`` is written as the opening documents name the bank; a bank client names itself by
# code. The names each code answers to (a code not listed answers to itself only).
BANK_NAMES: Mapping[str, tuple[str, ...]] = {
    "BAAC": ("BAAC", "ธ.ก.ส.", "ธกส.", "ธกส", "ธนาคารเพื่อการเกษตรและสหกรณ์การเกษตร"),
}


def bank_names(code: str | None) -> tuple[str, ...]:
    """The account ``bank`` values a bank client with this code is (empty without a code)."""
    if not code:
        return ()
    return BANK_NAMES.get(code, (code,))


# ---- masking -------------------------------------------------------------------------------------------

MASK = "*"
# Roles that see national IDs and phone numbers in clear; everyone else sees the last 4 digits.
CLEAR_PERSONAL_DATA = frozenset({Role.ADMIN, Role.SECRETARIAT, Role.AUDITOR})
# Roles that see account numbers in clear (a bank: only accounts within its reach, i.e. at its bank).
CLEAR_ACCOUNT_NUMBER = CLEAR_PERSONAL_DATA | {Role.BANK}
_SEPARATORS = str.maketrans("", "", " -")


def mask(value: object, *, width: int | None = None, keep: int = 4) -> str | None:
    """``value`` with all but its last ``keep`` characters replaced by ``MASK`` (spaces and dashes dropped).

    ``width`` pads the masked part so the answer has that many characters (a national ID is 13 even when
    only its last 4 digits are known). None, an empty value, or one shorter than ``keep`` answers None
    when ``width`` is given (nothing to show), else the value as it is.
    """
    if value is None:
        return None
    text = str(value).translate(_SEPARATORS)
    if width is not None:
        if len(text) < keep:
            return None
        return MASK * max(width - keep, 0) + text[-keep:]
    return MASK * max(len(text) - keep, 0) + text[-keep:]


def sees_personal_data(principal: Principal) -> bool:
    """True when national IDs and phone numbers may be shown in clear to ``principal``."""
    return any(role in CLEAR_PERSONAL_DATA for role in principal.roles)


def sees_account_numbers(principal: Principal) -> bool:
    """True when account numbers may be shown in clear to ``principal`` (of the accounts it reaches)."""
    return any(role in CLEAR_ACCOUNT_NUMBER for role in principal.roles)


def personal(value: str | None, principal: Principal, *, width: int | None = None) -> str | None:
    """A national ID or phone number as ``principal`` may see it: in clear, or masked."""
    if value is None or sees_personal_data(principal):
        return value
    return mask(value, width=width)
