from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="MouOut")


@_attrs_define
class MouOut:
    """
    Attributes:
        id (UUID):
        partner_code (str):
        title (str):
        scope (str):
        signed_on (datetime.date | None):
        starts_on (datetime.date | None):
        ends_on (datetime.date | None):
        in_force (bool):
    """

    id: UUID
    partner_code: str
    title: str
    scope: str
    signed_on: datetime.date | None
    starts_on: datetime.date | None
    ends_on: datetime.date | None
    in_force: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        partner_code = self.partner_code

        title = self.title

        scope = self.scope

        signed_on: None | str
        if isinstance(self.signed_on, datetime.date):
            signed_on = self.signed_on.isoformat()
        else:
            signed_on = self.signed_on

        starts_on: None | str
        if isinstance(self.starts_on, datetime.date):
            starts_on = self.starts_on.isoformat()
        else:
            starts_on = self.starts_on

        ends_on: None | str
        if isinstance(self.ends_on, datetime.date):
            ends_on = self.ends_on.isoformat()
        else:
            ends_on = self.ends_on

        in_force = self.in_force

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "partner_code": partner_code,
                "title": title,
                "scope": scope,
                "signed_on": signed_on,
                "starts_on": starts_on,
                "ends_on": ends_on,
                "in_force": in_force,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        partner_code = d.pop("partner_code")

        title = d.pop("title")

        scope = d.pop("scope")

        def _parse_signed_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                signed_on_type_0 = datetime.date.fromisoformat(data)

                return signed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        signed_on = _parse_signed_on(d.pop("signed_on"))

        def _parse_starts_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                starts_on_type_0 = datetime.date.fromisoformat(data)

                return starts_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        starts_on = _parse_starts_on(d.pop("starts_on"))

        def _parse_ends_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ends_on_type_0 = datetime.date.fromisoformat(data)

                return ends_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        ends_on = _parse_ends_on(d.pop("ends_on"))

        in_force = d.pop("in_force")

        mou_out = cls(
            id=id,
            partner_code=partner_code,
            title=title,
            scope=scope,
            signed_on=signed_on,
            starts_on=starts_on,
            ends_on=ends_on,
            in_force=in_force,
        )

        mou_out.additional_properties = d
        return mou_out

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
