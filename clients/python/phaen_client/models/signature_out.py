from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SignatureOut")


@_attrs_define
class SignatureOut:
    """
    Attributes:
        signer (str):
        person_id (None | str): the registry person behind the signer's user id
        digest (None | str): the digest of the withdrawal version signed
        signed_at (datetime.datetime):
        key_id (None | Unset | UUID): the device key of an offline signature
    """

    signer: str
    person_id: None | str
    digest: None | str
    signed_at: datetime.datetime
    key_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        signer = self.signer

        person_id: None | str
        person_id = self.person_id

        digest: None | str
        digest = self.digest

        signed_at = self.signed_at.isoformat()

        key_id: None | str | Unset
        if isinstance(self.key_id, Unset):
            key_id = UNSET
        elif isinstance(self.key_id, UUID):
            key_id = str(self.key_id)
        else:
            key_id = self.key_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "signer": signer,
                "person_id": person_id,
                "digest": digest,
                "signed_at": signed_at,
            }
        )
        if key_id is not UNSET:
            field_dict["key_id"] = key_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        signer = d.pop("signer")

        def _parse_person_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        person_id = _parse_person_id(d.pop("person_id"))

        def _parse_digest(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        digest = _parse_digest(d.pop("digest"))

        signed_at = datetime.datetime.fromisoformat(d.pop("signed_at"))

        def _parse_key_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                key_id_type_0 = UUID(data)

                return key_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        key_id = _parse_key_id(d.pop("key_id", UNSET))

        signature_out = cls(
            signer=signer,
            person_id=person_id,
            digest=digest,
            signed_at=signed_at,
            key_id=key_id,
        )

        signature_out.additional_properties = d
        return signature_out

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
