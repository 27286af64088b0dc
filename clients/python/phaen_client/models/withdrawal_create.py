from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.withdrawal_create_fund import WithdrawalCreateFund
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.resolution import Resolution


T = TypeVar("T", bound="WithdrawalCreate")


@_attrs_define
class WithdrawalCreate:
    """
    Attributes:
        account_id (UUID):
        amount (str):
        purpose (str):
        resolution (Resolution): A committee resolution (มติที่ประชุม) cited by a decision.
        fund (WithdrawalCreateFund | Unset): interest is kept apart and spent only by its own resolution Default:
            WithdrawalCreateFund.GRANT.
    """

    account_id: UUID
    amount: str
    purpose: str
    resolution: Resolution
    fund: WithdrawalCreateFund | Unset = WithdrawalCreateFund.GRANT
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account_id = str(self.account_id)

        amount = self.amount

        purpose = self.purpose

        resolution = self.resolution.to_dict()

        fund: str | Unset = UNSET
        if not isinstance(self.fund, Unset):
            fund = self.fund.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account_id": account_id,
                "amount": amount,
                "purpose": purpose,
                "resolution": resolution,
            }
        )
        if fund is not UNSET:
            field_dict["fund"] = fund

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.resolution import Resolution  # noqa: PLC0415

        d = dict(src_dict)
        account_id = UUID(d.pop("account_id"))

        amount = d.pop("amount")

        purpose = d.pop("purpose")

        resolution = Resolution.from_dict(d.pop("resolution"))

        _fund = d.pop("fund", UNSET)
        fund: WithdrawalCreateFund | Unset
        if isinstance(_fund, Unset):
            fund = UNSET
        else:
            fund = WithdrawalCreateFund(_fund)

        withdrawal_create = cls(
            account_id=account_id,
            amount=amount,
            purpose=purpose,
            resolution=resolution,
            fund=fund,
        )

        withdrawal_create.additional_properties = d
        return withdrawal_create

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
