from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.signing_payload_out import SigningPayloadOut
    from ..models.withdrawal_out import WithdrawalOut


T = TypeVar("T", bound="PendingItem")


@_attrs_define
class PendingItem:
    """
    Attributes:
        withdrawal (WithdrawalOut):
        payload (SigningPayloadOut): What a signatory signs: RFC 8785 canonical JSON bytes and their SHA-256.
    """

    withdrawal: WithdrawalOut
    payload: SigningPayloadOut
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        withdrawal = self.withdrawal.to_dict()

        payload = self.payload.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "withdrawal": withdrawal,
                "payload": payload,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.signing_payload_out import SigningPayloadOut  # noqa: PLC0415
        from ..models.withdrawal_out import WithdrawalOut  # noqa: PLC0415

        d = dict(src_dict)
        withdrawal = WithdrawalOut.from_dict(d.pop("withdrawal"))

        payload = SigningPayloadOut.from_dict(d.pop("payload"))

        pending_item = cls(
            withdrawal=withdrawal,
            payload=payload,
        )

        pending_item.additional_properties = d
        return pending_item

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
