from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.proposal_create_kind import ProposalCreateKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="ProposalCreate")


@_attrs_define
class ProposalCreate:
    """
    Attributes:
        project_id (UUID):
        amount (str):
        kind (ProposalCreateKind):
        title (str):
        activities (list[Any] | Unset):
    """

    project_id: UUID
    amount: str
    kind: ProposalCreateKind
    title: str
    activities: list[Any] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        project_id = str(self.project_id)

        amount = self.amount

        kind = self.kind.value

        title = self.title

        activities: list[Any] | Unset = UNSET
        if not isinstance(self.activities, Unset):
            activities = self.activities

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "project_id": project_id,
                "amount": amount,
                "kind": kind,
                "title": title,
            }
        )
        if activities is not UNSET:
            field_dict["activities"] = activities

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        project_id = UUID(d.pop("project_id"))

        amount = d.pop("amount")

        kind = ProposalCreateKind(d.pop("kind"))

        title = d.pop("title")

        activities = cast(list[Any], d.pop("activities", UNSET))

        proposal_create = cls(
            project_id=project_id,
            amount=amount,
            kind=kind,
            title=title,
            activities=activities,
        )

        proposal_create.additional_properties = d
        return proposal_create

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
