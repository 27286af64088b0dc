from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.facilitator_patch_level_type_0 import FacilitatorPatchLevelType0
from ..types import UNSET, Unset

T = TypeVar("T", bound="FacilitatorPatch")


@_attrs_define
class FacilitatorPatch:
    """
    Attributes:
        tambon (None | str | Unset):
        level (FacilitatorPatchLevelType0 | None | Unset):
        trained_on (datetime.date | None | Unset):
    """

    tambon: None | str | Unset = UNSET
    level: FacilitatorPatchLevelType0 | None | Unset = UNSET
    trained_on: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        tambon: None | str | Unset
        if isinstance(self.tambon, Unset):
            tambon = UNSET
        else:
            tambon = self.tambon

        level: None | str | Unset
        if isinstance(self.level, Unset):
            level = UNSET
        elif isinstance(self.level, FacilitatorPatchLevelType0):
            level = self.level.value
        else:
            level = self.level

        trained_on: None | str | Unset
        if isinstance(self.trained_on, Unset):
            trained_on = UNSET
        elif isinstance(self.trained_on, datetime.date):
            trained_on = self.trained_on.isoformat()
        else:
            trained_on = self.trained_on

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if tambon is not UNSET:
            field_dict["tambon"] = tambon
        if level is not UNSET:
            field_dict["level"] = level
        if trained_on is not UNSET:
            field_dict["trained_on"] = trained_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_tambon(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        tambon = _parse_tambon(d.pop("tambon", UNSET))

        def _parse_level(data: object) -> FacilitatorPatchLevelType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                level_type_0 = FacilitatorPatchLevelType0(data)

                return level_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FacilitatorPatchLevelType0 | None | Unset, data)

        level = _parse_level(d.pop("level", UNSET))

        def _parse_trained_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                trained_on_type_0 = datetime.date.fromisoformat(data)

                return trained_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        trained_on = _parse_trained_on(d.pop("trained_on", UNSET))

        facilitator_patch = cls(
            tambon=tambon,
            level=level,
            trained_on=trained_on,
        )

        return facilitator_patch
