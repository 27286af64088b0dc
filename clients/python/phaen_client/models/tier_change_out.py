from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.tier_change_out_from_tier_type_0 import TierChangeOutFromTierType0
from ..models.tier_change_out_to_tier import TierChangeOutToTier

T = TypeVar("T", bound="TierChangeOut")


@_attrs_define
class TierChangeOut:
    """
    Attributes:
        from_tier (None | TierChangeOutFromTierType0):
        to_tier (TierChangeOutToTier):
        changed_by (str):
        changed_at (datetime.datetime):
    """

    from_tier: None | TierChangeOutFromTierType0
    to_tier: TierChangeOutToTier
    changed_by: str
    changed_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from_tier: None | str
        if isinstance(self.from_tier, TierChangeOutFromTierType0):
            from_tier = self.from_tier.value
        else:
            from_tier = self.from_tier

        to_tier = self.to_tier.value

        changed_by = self.changed_by

        changed_at = self.changed_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "from_tier": from_tier,
                "to_tier": to_tier,
                "changed_by": changed_by,
                "changed_at": changed_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_from_tier(data: object) -> None | TierChangeOutFromTierType0:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                from_tier_type_0 = TierChangeOutFromTierType0(data)

                return from_tier_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TierChangeOutFromTierType0, data)

        from_tier = _parse_from_tier(d.pop("from_tier"))

        to_tier = TierChangeOutToTier(d.pop("to_tier"))

        changed_by = d.pop("changed_by")

        changed_at = datetime.datetime.fromisoformat(d.pop("changed_at"))

        tier_change_out = cls(
            from_tier=from_tier,
            to_tier=to_tier,
            changed_by=changed_by,
            changed_at=changed_at,
        )

        tier_change_out.additional_properties = d
        return tier_change_out

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
