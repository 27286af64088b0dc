from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.resolution import Resolution


T = TypeVar("T", bound="SignatoryPolicy")


@_attrs_define
class SignatoryPolicy:
    """
    Attributes:
        signatories (list[str]): gateway user ids (token `sub`)
        resolution (Resolution): A committee resolution (มติที่ประชุม) cited by a decision.
        threshold (int | Unset):  Default: 2.
    """

    signatories: list[str]
    resolution: Resolution
    threshold: int | Unset = 2
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        signatories = self.signatories

        resolution = self.resolution.to_dict()

        threshold = self.threshold

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "signatories": signatories,
                "resolution": resolution,
            }
        )
        if threshold is not UNSET:
            field_dict["threshold"] = threshold

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.resolution import Resolution  # noqa: PLC0415

        d = dict(src_dict)
        signatories = cast(list[str], d.pop("signatories"))

        resolution = Resolution.from_dict(d.pop("resolution"))

        threshold = d.pop("threshold", UNSET)

        signatory_policy = cls(
            signatories=signatories,
            resolution=resolution,
            threshold=threshold,
        )

        signatory_policy.additional_properties = d
        return signatory_policy

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
