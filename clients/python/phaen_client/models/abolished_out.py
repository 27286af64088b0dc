from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AbolishedOut")


@_attrs_define
class AbolishedOut:
    """
    Attributes:
        code (str):
        level (str):
        name_th (str):
        name_en (None | str):
        abolished_on (datetime.date | None):
        successors (list[str]):
    """

    code: str
    level: str
    name_th: str
    name_en: None | str
    abolished_on: datetime.date | None
    successors: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        level = self.level

        name_th = self.name_th

        name_en: None | str
        name_en = self.name_en

        abolished_on: None | str
        if isinstance(self.abolished_on, datetime.date):
            abolished_on = self.abolished_on.isoformat()
        else:
            abolished_on = self.abolished_on

        successors = self.successors

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "level": level,
                "name_th": name_th,
                "name_en": name_en,
                "abolished_on": abolished_on,
                "successors": successors,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        level = d.pop("level")

        name_th = d.pop("name_th")

        def _parse_name_en(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        name_en = _parse_name_en(d.pop("name_en"))

        def _parse_abolished_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                abolished_on_type_0 = datetime.date.fromisoformat(data)

                return abolished_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        abolished_on = _parse_abolished_on(d.pop("abolished_on"))

        successors = cast(list[str], d.pop("successors"))

        abolished_out = cls(
            code=code,
            level=level,
            name_th=name_th,
            name_en=name_en,
            abolished_on=abolished_on,
            successors=successors,
        )

        abolished_out.additional_properties = d
        return abolished_out

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
