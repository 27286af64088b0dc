from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.facilitator_out_level import FacilitatorOutLevel

T = TypeVar("T", bound="FacilitatorOut")


@_attrs_define
class FacilitatorOut:
    """A facilitator; the person is named by id only (see ``/people/{id}`` within your scope).

    Attributes:
        id (UUID):
        person_id (UUID):
        tambon (str):
        district_code (str):
        province_code (str):
        region (str):
        level (FacilitatorOutLevel):
        trained_on (datetime.date | None):
    """

    id: UUID
    person_id: UUID
    tambon: str
    district_code: str
    province_code: str
    region: str
    level: FacilitatorOutLevel
    trained_on: datetime.date | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        person_id = str(self.person_id)

        tambon = self.tambon

        district_code = self.district_code

        province_code = self.province_code

        region = self.region

        level = self.level.value

        trained_on: None | str
        if isinstance(self.trained_on, datetime.date):
            trained_on = self.trained_on.isoformat()
        else:
            trained_on = self.trained_on

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "person_id": person_id,
                "tambon": tambon,
                "district_code": district_code,
                "province_code": province_code,
                "region": region,
                "level": level,
                "trained_on": trained_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        person_id = UUID(d.pop("person_id"))

        tambon = d.pop("tambon")

        district_code = d.pop("district_code")

        province_code = d.pop("province_code")

        region = d.pop("region")

        level = FacilitatorOutLevel(d.pop("level"))

        def _parse_trained_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                trained_on_type_0 = datetime.date.fromisoformat(data)

                return trained_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        trained_on = _parse_trained_on(d.pop("trained_on"))

        facilitator_out = cls(
            id=id,
            person_id=person_id,
            tambon=tambon,
            district_code=district_code,
            province_code=province_code,
            region=region,
            level=level,
            trained_on=trained_on,
        )

        facilitator_out.additional_properties = d
        return facilitator_out

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
