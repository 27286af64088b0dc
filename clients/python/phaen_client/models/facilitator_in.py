from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.facilitator_in_level import FacilitatorInLevel
from ..types import UNSET, Unset

T = TypeVar("T", bound="FacilitatorIn")


@_attrs_define
class FacilitatorIn:
    """
    Attributes:
        person_id (UUID):
        tambon (str):
        level (FacilitatorInLevel):
        trained_on (datetime.date | None | Unset):
    """

    person_id: UUID
    tambon: str
    level: FacilitatorInLevel
    trained_on: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        person_id = str(self.person_id)

        tambon = self.tambon

        level = self.level.value

        trained_on: None | str | Unset
        if isinstance(self.trained_on, Unset):
            trained_on = UNSET
        elif isinstance(self.trained_on, datetime.date):
            trained_on = self.trained_on.isoformat()
        else:
            trained_on = self.trained_on

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "person_id": person_id,
                "tambon": tambon,
                "level": level,
            }
        )
        if trained_on is not UNSET:
            field_dict["trained_on"] = trained_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        person_id = UUID(d.pop("person_id"))

        tambon = d.pop("tambon")

        level = FacilitatorInLevel(d.pop("level"))

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

        facilitator_in = cls(
            person_id=person_id,
            tambon=tambon,
            level=level,
            trained_on=trained_on,
        )

        return facilitator_in
