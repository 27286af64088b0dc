from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SigningPayloadOut")


@_attrs_define
class SigningPayloadOut:
    """What a signatory signs: RFC 8785 canonical JSON bytes and their SHA-256.

    Attributes:
        withdrawal_id (UUID):
        version (int):
        digest (str): lowercase hex SHA-256 of the canonical bytes
        canonical (str): the canonical JSON text (UTF-8) that is signed
        canonical_b64url (str): the same bytes, base64url without padding
        expires_at (datetime.datetime):
    """

    withdrawal_id: UUID
    version: int
    digest: str
    canonical: str
    canonical_b64url: str
    expires_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        withdrawal_id = str(self.withdrawal_id)

        version = self.version

        digest = self.digest

        canonical = self.canonical

        canonical_b64url = self.canonical_b64url

        expires_at = self.expires_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "withdrawal_id": withdrawal_id,
                "version": version,
                "digest": digest,
                "canonical": canonical,
                "canonical_b64url": canonical_b64url,
                "expires_at": expires_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        withdrawal_id = UUID(d.pop("withdrawal_id"))

        version = d.pop("version")

        digest = d.pop("digest")

        canonical = d.pop("canonical")

        canonical_b64url = d.pop("canonical_b64url")

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        signing_payload_out = cls(
            withdrawal_id=withdrawal_id,
            version=version,
            digest=digest,
            canonical=canonical,
            canonical_b64url=canonical_b64url,
            expires_at=expires_at,
        )

        signing_payload_out.additional_properties = d
        return signing_payload_out

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
