from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.checklist_item import ChecklistItem
    from ..models.project_info import ProjectInfo


T = TypeVar("T", bound="AuditPackage")


@_attrs_define
class AuditPackage:
    """
    Attributes:
        project (ProjectInfo):
        items (list[ChecklistItem]):
        present (int):
        missing (int):
        as_of (datetime.datetime | None | Unset):
        stale (bool | Unset):  Default: False.
    """

    project: ProjectInfo
    items: list[ChecklistItem]
    present: int
    missing: int
    as_of: datetime.datetime | None | Unset = UNSET
    stale: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        project = self.project.to_dict()

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        present = self.present

        missing = self.missing

        as_of: None | str | Unset
        if isinstance(self.as_of, Unset):
            as_of = UNSET
        elif isinstance(self.as_of, datetime.datetime):
            as_of = self.as_of.isoformat()
        else:
            as_of = self.as_of

        stale = self.stale

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "project": project,
                "items": items,
                "present": present,
                "missing": missing,
            }
        )
        if as_of is not UNSET:
            field_dict["as_of"] = as_of
        if stale is not UNSET:
            field_dict["stale"] = stale

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.checklist_item import ChecklistItem  # noqa: PLC0415
        from ..models.project_info import ProjectInfo  # noqa: PLC0415

        d = dict(src_dict)
        project = ProjectInfo.from_dict(d.pop("project"))

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = ChecklistItem.from_dict(items_item_data)

            items.append(items_item)

        present = d.pop("present")

        missing = d.pop("missing")

        def _parse_as_of(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                as_of_type_0 = datetime.datetime.fromisoformat(data)

                return as_of_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        as_of = _parse_as_of(d.pop("as_of", UNSET))

        stale = d.pop("stale", UNSET)

        audit_package = cls(
            project=project,
            items=items,
            present=present,
            missing=missing,
            as_of=as_of,
            stale=stale,
        )

        audit_package.additional_properties = d
        return audit_package

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
