from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AttachmentOut")


@_attrs_define
class AttachmentOut:
    """
    Attributes:
        id (UUID):
        expense_id (UUID):
        filename (str):
        content_type (str):
        size (int):
        sha256 (str):
        uploaded_by (str):
        uploaded_at (datetime.datetime):
    """

    id: UUID
    expense_id: UUID
    filename: str
    content_type: str
    size: int
    sha256: str
    uploaded_by: str
    uploaded_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        expense_id = str(self.expense_id)

        filename = self.filename

        content_type = self.content_type

        size = self.size

        sha256 = self.sha256

        uploaded_by = self.uploaded_by

        uploaded_at = self.uploaded_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "expense_id": expense_id,
                "filename": filename,
                "content_type": content_type,
                "size": size,
                "sha256": sha256,
                "uploaded_by": uploaded_by,
                "uploaded_at": uploaded_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        expense_id = UUID(d.pop("expense_id"))

        filename = d.pop("filename")

        content_type = d.pop("content_type")

        size = d.pop("size")

        sha256 = d.pop("sha256")

        uploaded_by = d.pop("uploaded_by")

        uploaded_at = datetime.datetime.fromisoformat(d.pop("uploaded_at"))

        attachment_out = cls(
            id=id,
            expense_id=expense_id,
            filename=filename,
            content_type=content_type,
            size=size,
            sha256=sha256,
            uploaded_by=uploaded_by,
            uploaded_at=uploaded_at,
        )

        attachment_out.additional_properties = d
        return attachment_out

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
