from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.decision_decision import DecisionDecision

if TYPE_CHECKING:
    from ..models.resolution import Resolution


T = TypeVar("T", bound="Decision")


@_attrs_define
class Decision:
    """
    Attributes:
        decision (DecisionDecision):
        resolution (Resolution): A committee resolution (มติที่ประชุม) cited by a decision.
    """

    decision: DecisionDecision
    resolution: Resolution
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        decision = self.decision.value

        resolution = self.resolution.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "decision": decision,
                "resolution": resolution,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.resolution import Resolution  # noqa: PLC0415

        d = dict(src_dict)
        decision = DecisionDecision(d.pop("decision"))

        resolution = Resolution.from_dict(d.pop("resolution"))

        decision = cls(
            decision=decision,
            resolution=resolution,
        )

        decision.additional_properties = d
        return decision

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
