from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="HeadOut")


@_attrs_define
class HeadOut:
    """
    Attributes:
        seq (int):
        hash_ (str):
        at (datetime.datetime | None): when the entry at seq was written
        signed_message (str): what is signed: 'phaen-budget-audit:<seq>:<hash>'
        signature (str): Ed25519 signature of signed_message, base64
        key_id (str):
        public_key (str): the raw Ed25519 public key, base64
        signed_at (datetime.datetime | None | Unset): when this head was first signed
        alg (str | Unset):  Default: 'Ed25519'.
    """

    seq: int
    hash_: str
    at: datetime.datetime | None
    signed_message: str
    signature: str
    key_id: str
    public_key: str
    signed_at: datetime.datetime | None | Unset = UNSET
    alg: str | Unset = "Ed25519"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        seq = self.seq

        hash_ = self.hash_

        at: None | str
        if isinstance(self.at, datetime.datetime):
            at = self.at.isoformat()
        else:
            at = self.at

        signed_message = self.signed_message

        signature = self.signature

        key_id = self.key_id

        public_key = self.public_key

        signed_at: None | str | Unset
        if isinstance(self.signed_at, Unset):
            signed_at = UNSET
        elif isinstance(self.signed_at, datetime.datetime):
            signed_at = self.signed_at.isoformat()
        else:
            signed_at = self.signed_at

        alg = self.alg

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "seq": seq,
                "hash": hash_,
                "at": at,
                "signed_message": signed_message,
                "signature": signature,
                "key_id": key_id,
                "public_key": public_key,
            }
        )
        if signed_at is not UNSET:
            field_dict["signed_at"] = signed_at
        if alg is not UNSET:
            field_dict["alg"] = alg

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        seq = d.pop("seq")

        hash_ = d.pop("hash")

        def _parse_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                at_type_0 = datetime.datetime.fromisoformat(data)

                return at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        at = _parse_at(d.pop("at"))

        signed_message = d.pop("signed_message")

        signature = d.pop("signature")

        key_id = d.pop("key_id")

        public_key = d.pop("public_key")

        def _parse_signed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                signed_at_type_0 = datetime.datetime.fromisoformat(data)

                return signed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        signed_at = _parse_signed_at(d.pop("signed_at", UNSET))

        alg = d.pop("alg", UNSET)

        head_out = cls(
            seq=seq,
            hash_=hash_,
            at=at,
            signed_message=signed_message,
            signature=signature,
            key_id=key_id,
            public_key=public_key,
            signed_at=signed_at,
            alg=alg,
        )

        head_out.additional_properties = d
        return head_out

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
