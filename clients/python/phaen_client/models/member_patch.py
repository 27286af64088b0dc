from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.member_patch_role_type_0 import MemberPatchRoleType0
from ..types import UNSET, Unset

T = TypeVar("T", bound="MemberPatch")


@_attrs_define
class MemberPatch:
    """Change a seat's role or term (``term_end`` set when a member steps down).

    Attributes:
        role (MemberPatchRoleType0 | None | Unset):
        term_start (datetime.date | None | Unset):
        term_end (datetime.date | None | Unset):
    """

    role: MemberPatchRoleType0 | None | Unset = UNSET
    term_start: datetime.date | None | Unset = UNSET
    term_end: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        role: None | str | Unset
        if isinstance(self.role, Unset):
            role = UNSET
        elif isinstance(self.role, MemberPatchRoleType0):
            role = self.role.value
        else:
            role = self.role

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

        field_dict.update({})
        if role is not UNSET:
            field_dict["role"] = role
        if term_start is not UNSET:
            field_dict["term_start"] = term_start
        if term_end is not UNSET:
            field_dict["term_end"] = term_end

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_role(data: object) -> MemberPatchRoleType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                role_type_0 = MemberPatchRoleType0(data)

                return role_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MemberPatchRoleType0 | None | Unset, data)

        role = _parse_role(d.pop("role", UNSET))

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

        member_patch = cls(
            role=role,
            term_start=term_start,
            term_end=term_end,
        )

        return member_patch
