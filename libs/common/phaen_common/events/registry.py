"""Events of the registry service (``/v1/registry/events``): tambons, people, facilitators, committees, partners."""

from __future__ import annotations

import uuid

from pydantic import BaseModel, ConfigDict, Field

from phaen_common.events.base import Day, EventData, event

SOURCE = "registry"


class TambonCriteria(BaseModel):
    """The 7 selection criteria for model and pilot tambons."""

    model_config = ConfigDict(extra="forbid")

    plans_80pct: bool
    facilitator_team: bool
    joint_plans: bool
    ongoing_activities: bool
    linked_tao: bool
    tao_support: bool
    spread: bool


class TambonState(EventData):
    """A network tambon (ตำบล) with its place in the geography."""

    code: str = Field(description="6-digit DOPA subdistrict code", examples=["340101"])
    name_th: str
    name_en: str
    district_code: str
    province_code: str
    region: str
    tier: str = Field(description="pilot, model or expansion")
    joined_on: Day | None
    villages_total: int
    villages_with_plan: int
    criteria: TambonCriteria
    meets_model_criteria: bool
    tao_plan_integrated: bool
    tao_funded: bool


@event("tambon.enrolled", source=SOURCE, entity="tambon")
class TambonEnrolled(TambonState):
    """A tambon joined the network."""


@event("tambon.updated", source=SOURCE, entity="tambon")
class TambonUpdated(TambonState):
    """A network tambon changed (tier, villages, criteria, TAO integration)."""


class VillageState(EventData):
    """A village (หมู่บ้าน) of a network tambon."""

    code: str = Field(description="tambon code + 2-digit village number")
    tambon: str
    no: int
    name_th: str
    has_plan: bool


@event("village.created", source=SOURCE, entity="village")
class VillageCreated(VillageState):
    """A village was recorded."""


@event("village.updated", source=SOURCE, entity="village")
class VillageUpdated(VillageState):
    """A village's name or plan changed."""


class PersonState(EventData):
    """A person, by id and place only: never a name, national ID or phone number."""

    id: uuid.UUID
    tambon: str | None
    region: str | None


@event("person.created", source=SOURCE, entity="person")
class PersonCreated(PersonState):
    """A person was registered."""


@event("person.updated", source=SOURCE, entity="person")
class PersonUpdated(PersonState):
    """A person's place changed."""


class FacilitatorState(EventData):
    """A facilitator (วิทยากรกระบวนการ); the person is named by id only."""

    id: uuid.UUID
    person_id: uuid.UUID
    tambon: str
    district_code: str
    province_code: str
    region: str
    level: str
    trained_on: Day | None


@event("facilitator.created", source=SOURCE, entity="facilitator")
class FacilitatorCreated(FacilitatorState):
    """A facilitator was registered."""


@event("facilitator.updated", source=SOURCE, entity="facilitator")
class FacilitatorUpdated(FacilitatorState):
    """A facilitator moved, changed level or was trained."""


class CommitteeState(EventData):
    """A committee (คณะกรรมการ) at the national, regional, provincial or tambon level."""

    id: uuid.UUID
    level: str
    region: str | None
    province: str | None
    tambon: str | None
    name: str
    zone_id: uuid.UUID | None


class CommitteeMember(BaseModel):
    """A committee membership, without personal data."""

    model_config = ConfigDict(extra="forbid")

    id: uuid.UUID
    committee_id: uuid.UUID
    user_id: str | None
    person_id: uuid.UUID | None
    role: str
    term_start: Day | None
    term_end: Day | None
    current: bool


@event("committee.created", source=SOURCE, entity="committee")
class CommitteeCreated(CommitteeState):
    """A committee was formed."""


@event("committee.updated", source=SOURCE, entity="committee")
class CommitteeUpdated(CommitteeState):
    """A committee was renamed or moved to another zone."""


@event("committee.member_added", source=SOURCE, entity="committee")
class CommitteeMemberAdded(CommitteeState):
    """A member joined a committee."""

    member: CommitteeMember


@event("committee.member_updated", source=SOURCE, entity="committee")
class CommitteeMemberUpdated(CommitteeState):
    """A member's role or term changed."""

    member: CommitteeMember


@event("zone.created", source=SOURCE, entity="zone")
class ZoneCreated(EventData):
    """A zone of provinces within a region."""

    id: uuid.UUID
    region: str
    name: str
    provinces: list[str]


class PartnerState(EventData):
    """A partner agency (หน่วยงานภาคี)."""

    code: str
    name_th: str
    name_en: str | None
    kind: str


@event("partner.created", source=SOURCE, entity="partner")
class PartnerCreated(PartnerState):
    """A partner agency was recorded."""


@event("partner.updated", source=SOURCE, entity="partner")
class PartnerUpdated(PartnerState):
    """A partner agency changed."""


@event("mou.created", source=SOURCE, entity="mou")
class MouCreated(EventData):
    """A memorandum of understanding with a partner agency."""

    id: uuid.UUID
    partner_code: str
    title: str
    scope: str
    signed_on: Day | None
    starts_on: Day | None
    ends_on: Day | None
