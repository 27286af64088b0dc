from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.category_row import CategoryRow
    from ..models.project_info import ProjectInfo


T = TypeVar("T", bound="ExpenseSummary")


@_attrs_define
class ExpenseSummary:
    """Activity expense summary (สรุปค่าใช้จ่ายกิจกรรม) by category.

    Attributes:
        project (ProjectInfo):
        categories (list[CategoryRow]):
        groups (list[CategoryRow]):
        total (str):
        count (int):
        voided (int):
        as_of (datetime.datetime | None | Unset):
        stale (bool | Unset):  Default: False.
    """

    project: ProjectInfo
    categories: list[CategoryRow]
    groups: list[CategoryRow]
    total: str
    count: int
    voided: int
    as_of: datetime.datetime | None | Unset = UNSET
    stale: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        project = self.project.to_dict()

        categories = []
        for categories_item_data in self.categories:
            categories_item = categories_item_data.to_dict()
            categories.append(categories_item)

        groups = []
        for groups_item_data in self.groups:
            groups_item = groups_item_data.to_dict()
            groups.append(groups_item)

        total = self.total

        count = self.count

        voided = self.voided

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
                "categories": categories,
                "groups": groups,
                "total": total,
                "count": count,
                "voided": voided,
            }
        )
        if as_of is not UNSET:
            field_dict["as_of"] = as_of
        if stale is not UNSET:
            field_dict["stale"] = stale

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.category_row import CategoryRow  # noqa: PLC0415
        from ..models.project_info import ProjectInfo  # noqa: PLC0415

        d = dict(src_dict)
        project = ProjectInfo.from_dict(d.pop("project"))

        categories = []
        _categories = d.pop("categories")
        for categories_item_data in _categories:
            categories_item = CategoryRow.from_dict(categories_item_data)

            categories.append(categories_item)

        groups = []
        _groups = d.pop("groups")
        for groups_item_data in _groups:
            groups_item = CategoryRow.from_dict(groups_item_data)

            groups.append(groups_item)

        total = d.pop("total")

        count = d.pop("count")

        voided = d.pop("voided")

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

        expense_summary = cls(
            project=project,
            categories=categories,
            groups=groups,
            total=total,
            count=count,
            voided=voided,
            as_of=as_of,
            stale=stale,
        )

        expense_summary.additional_properties = d
        return expense_summary

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
