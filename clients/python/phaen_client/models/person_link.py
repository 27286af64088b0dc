from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="PersonLink")


@_attrs_define
class PersonLink:
    """The registry person a user is (``null`` unlinks).

    Attributes:
        person_id (None | UUID):
    """

    person_id: None | UUID

    def to_dict(self) -> dict[str, Any]:
        person_id: None | str
        if isinstance(self.person_id, UUID):
            person_id = str(self.person_id)
        else:
            person_id = self.person_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "person_id": person_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_person_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                person_id_type_0 = UUID(data)

                return person_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        person_id = _parse_person_id(d.pop("person_id"))

        person_link = cls(
            person_id=person_id,
        )

        return person_link
