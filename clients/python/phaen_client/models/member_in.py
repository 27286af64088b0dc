from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.member_in_role import MemberInRole
from ..types import UNSET, Unset

T = TypeVar("T", bound="MemberIn")


@_attrs_define
class MemberIn:
    """A gateway user (``user_id``) or a registry person (``person_id``), a role and a term.

    Attributes:
        role (MemberInRole):
        user_id (None | str | Unset):
        person_id (None | Unset | UUID):
        term_start (datetime.date | None | Unset):
        term_end (datetime.date | None | Unset):
    """

    role: MemberInRole
    user_id: None | str | Unset = UNSET
    person_id: None | Unset | UUID = UNSET
    term_start: datetime.date | None | Unset = UNSET
    term_end: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        role = self.role.value

        user_id: None | str | Unset
        if isinstance(self.user_id, Unset):
            user_id = UNSET
        else:
            user_id = self.user_id

        person_id: None | str | Unset
        if isinstance(self.person_id, Unset):
            person_id = UNSET
        elif isinstance(self.person_id, UUID):
            person_id = str(self.person_id)
        else:
            person_id = self.person_id

        term_start: None | str | Unset
        if isinstance(self.term_start, Unset):
            term_start = UNSET
        elif isinstance(self.term_start, datetime.date):
            term_start = self.term_start.isoformat()
        else:
            term_start = self.term_start

        term_end: None | str | Unset
        if isinstance(self.term_end, Unset):
            term_end = UNSET
        elif isinstance(self.term_end, datetime.date):
            term_end = self.term_end.isoformat()
        else:
            term_end = self.term_end

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "role": role,
            }
        )
        if user_id is not UNSET:
            field_dict["user_id"] = user_id
        if person_id is not UNSET:
            field_dict["person_id"] = person_id
        if term_start is not UNSET:
            field_dict["term_start"] = term_start
        if term_end is not UNSET:
            field_dict["term_end"] = term_end

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        role = MemberInRole(d.pop("role"))

        def _parse_user_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        user_id = _parse_user_id(d.pop("user_id", UNSET))

        def _parse_person_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                person_id_type_0 = UUID(data)

                return person_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        person_id = _parse_person_id(d.pop("person_id", UNSET))

        def _parse_term_start(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                term_start_type_0 = datetime.date.fromisoformat(data)

                return term_start_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        term_start = _parse_term_start(d.pop("term_start", UNSET))

        def _parse_term_end(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                term_end_type_0 = datetime.date.fromisoformat(data)

                return term_end_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        term_end = _parse_term_end(d.pop("term_end", UNSET))

        member_in = cls(
            role=role,
            user_id=user_id,
            person_id=person_id,
            term_start=term_start,
            term_end=term_end,
        )

        return member_in
