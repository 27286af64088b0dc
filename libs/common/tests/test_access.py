"""Who sees what: role combination, read filters and masking (phaen_common.access)."""

from __future__ import annotations

from typing import Any

import pytest

from phaen_common.access import (
    KNOWN_ROLES,
    MASK,
    READS,
    REGIONS,
    ROLE_BASIS,
    ROLE_SCOPES,
    Reach,
    Role,
    acts_on,
    mask,
    personal,
    reach,
    read_spec,
    sees_account_numbers,
    sees_personal_data,
)
from phaen_common.auth import Principal, scopes_for


def who(*roles: str, **claims: Any) -> Principal:
    return Principal(sub=claims.pop("sub", "u-1"), roles=frozenset(roles), scopes=scopes_for(roles), jti="j", **claims)


def test_every_role_has_its_scopes_and_its_basis() -> None:
    assert set(ROLE_SCOPES) == set(ROLE_BASIS) == KNOWN_ROLES == {r.value for r in Role}
    assert REGIONS == ("north", "central", "northeast", "south")


def test_every_object_type_reaches_a_real_type() -> None:
    for what in READS:
        assert read_spec(what).follows is None


def test_a_tambon_committee_member_who_is_a_signatory_keeps_the_tambon_scope() -> None:
    """The finding: tambon committee + signatory escaped the tambon scope. The union is tambon + listing."""
    p = who("tambon_committee", "signatory", region="north", tambon="500101", sub="user-7")
    for what in ("project", "account", "withdrawal"):
        r = reach(p, what)
        assert r == Reach(tambons=frozenset({"500101"}), signatory="user-7"), what
        assert not r.everything and not r.regions
    for what in ("expense", "attachment", "proposal", "person", "facilitator", "committee"):
        assert reach(p, what) == Reach(tambons=frozenset({"500101"})), what
    # The region claim a tambon committee member carries gives no region-wide reach.
    assert not reach(p, "project").allows(region="north", tambon="500102")
    assert reach(p, "account").allows(region="south", tambon="900101", signatories=["user-7"])


def test_a_role_national_elsewhere_does_not_widen_another_role() -> None:
    """A registry partner reads the whole registry; combined with a tambon role it does not read all budgets."""
    p = who("partner_registry", "tambon_committee", tambon="500101")
    assert reach(p, "person").everything and reach(p, "facilitator").everything
    assert reach(p, "project") == Reach(tambons=frozenset({"500101"}))
    assert reach(p, "expense") == Reach(tambons=frozenset({"500101"}))
    d = who("service_directory")
    assert reach(d, "person").everything and reach(d, "facilitator").nothing


def test_regional_and_tambon_roles_add_up() -> None:
    p = who("regional_committee", "tambon_committee", region="south", tambon="500101")
    r = reach(p, "facilitator")
    assert r == Reach(regions=frozenset({"south"}), tambons=frozenset({"500101"}))
    assert r.allows(region="south", tambon="900101") and r.allows(region="north", tambon="500101")
    assert not r.allows(region="north", tambon="500102")


def test_bank_and_signatory_reach_accounts_never_place_content() -> None:
    bank = who("bank", bank="BAAC", sub="client-1")
    assert reach(bank, "account") == Reach(banks=frozenset({"BAAC"}))
    assert reach(bank, "withdrawal") == reach(bank, "account")
    assert reach(bank, "account").allows(bank="ธ.ก.ส.") and not reach(bank, "account").allows(bank="KTB")
    for what in ("expense", "attachment", "proposal", "activity_report", "person", "facilitator"):
        assert reach(bank, what).nothing, what
    signer = who("signatory", sub="user-9")
    assert reach(signer, "account") == Reach(signatory="user-9")
    assert reach(signer, "expense").nothing and reach(signer, "attachment").nothing


def test_claims_missing_read_nothing_and_national_readers_read_all() -> None:
    assert reach(who("regional_committee"), "person").nothing
    assert reach(who("tambon_committee"), "project").nothing
    assert reach(who("bank"), "account").nothing
    for role in ("admin", "secretariat", "auditor", "national_committee"):
        assert all(
            reach(who(role), what).everything for what in READS if what != "alert" or role != "national_committee"
        )
    assert reach(who("national_committee"), "alert").nothing
    assert reach(who("regional_committee", region="north"), "alert") == Reach(regions=frozenset({"north"}))


def test_acting_is_the_own_tambon_only() -> None:
    assert acts_on(who("secretariat"), tambon="900101")
    tc = who("tambon_committee", "regional_committee", region="north", tambon="500101")
    assert acts_on(tc, tambon="500101") and not acts_on(tc, tambon="500102")
    assert not acts_on(who("signatory", "bank", bank="BAAC"), tambon="500101")


@pytest.mark.parametrize(
    ("value", "kw", "want"),
    [
        ("1101700203451", {}, "*********3451"),
        ("0812345678", {}, "******5678"),
        ("020-1234567", {}, "******4567"),
        ("3451", {"width": 13}, "*********3451"),
        ("1101700203451", {"width": 13}, "*********3451"),
        ("12", {"width": 13}, None),
        (None, {}, None),
        ("12", {}, "12"),
    ],
)
def test_one_masking_function_and_one_character(value: str | None, kw: dict[str, Any], want: str | None) -> None:
    assert mask(value, **kw) == want
    assert MASK == "*"


def test_who_sees_personal_data_in_clear() -> None:
    nid = "1101700203451"
    for role in ("admin", "secretariat", "auditor"):
        assert sees_personal_data(who(role)) and personal(nid, who(role)) == nid
    for role in ("national_committee", "regional_committee", "tambon_committee", "signatory", "partner_registry"):
        assert not sees_personal_data(who(role)) and personal(nid, who(role)) == "*********3451"
    # A combined role sees in clear if one of its roles does (the union), never less.
    assert sees_personal_data(who("tambon_committee", "auditor"))
    assert sees_account_numbers(who("bank")) and not sees_account_numbers(who("signatory"))
