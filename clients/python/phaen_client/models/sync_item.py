from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SyncItem")


@_attrs_define
class SyncItem:
    """
    Attributes:
        withdrawal_id (UUID):
        key_id (UUID):
        digest (str):
        signature (str):
    """

    withdrawal_id: UUID
    key_id: UUID
    digest: str
    signature: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        withdrawal_id = str(self.withdrawal_id)

        key_id = str(self.key_id)

        digest = self.digest

        signature = self.signature

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "withdrawal_id": withdrawal_id,
                "key_id": key_id,
                "digest": digest,
                "signature": signature,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        withdrawal_id = UUID(d.pop("withdrawal_id"))

        key_id = UUID(d.pop("key_id"))

        digest = d.pop("digest")

        signature = d.pop("signature")

        sync_item = cls(
            withdrawal_id=withdrawal_id,
            key_id=key_id,
            digest=digest,
            signature=signature,
        )

        sync_item.additional_properties = d
        return sync_item

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
