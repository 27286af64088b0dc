from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.item import Item


T = TypeVar("T", bound="BudgetVoucher")


@_attrs_define
class BudgetVoucher:
    """A payment voucher (ใบสำคัญรับเงิน), where no receipt can be had.

    Attributes:
        kind (Literal['voucher']):
        payee_name (str):
        payee_address (str):
        payee_national_id (str): 13 digits with a valid check digit
        items (list[Item]):
        payee_signed (bool):
        payer_signed (bool):
        head_certified (bool): the project head certified the payment
        payer_name (None | str | Unset): who paid (named under the signature)
        head_name (None | str | Unset): the project head who certified it
    """

    kind: Literal["voucher"]
    payee_name: str
    payee_address: str
    payee_national_id: str
    items: list[Item]
    payee_signed: bool
    payer_signed: bool
    head_certified: bool
    payer_name: None | str | Unset = UNSET
    head_name: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        payee_name = self.payee_name

        payee_address = self.payee_address

        payee_national_id = self.payee_national_id

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        payee_signed = self.payee_signed

        payer_signed = self.payer_signed

        head_certified = self.head_certified

        payer_name: None | str | Unset
        if isinstance(self.payer_name, Unset):
            payer_name = UNSET
        else:
            payer_name = self.payer_name

        head_name: None | str | Unset
        if isinstance(self.head_name, Unset):
            head_name = UNSET
        else:
            head_name = self.head_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "payee_name": payee_name,
                "payee_address": payee_address,
                "payee_national_id": payee_national_id,
                "items": items,
                "payee_signed": payee_signed,
                "payer_signed": payer_signed,
                "head_certified": head_certified,
            }
        )
        if payer_name is not UNSET:
            field_dict["payer_name"] = payer_name
        if head_name is not UNSET:
            field_dict["head_name"] = head_name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.item import Item  # noqa: PLC0415

        d = dict(src_dict)
        kind = cast(Literal["voucher"], d.pop("kind"))
        if kind != "voucher":
            raise ValueError(f"kind must match const 'voucher', got '{kind}'")

        payee_name = d.pop("payee_name")

        payee_address = d.pop("payee_address")

        payee_national_id = d.pop("payee_national_id")

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = Item.from_dict(items_item_data)

            items.append(items_item)

        payee_signed = d.pop("payee_signed")

        payer_signed = d.pop("payer_signed")

        head_certified = d.pop("head_certified")

        def _parse_payer_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        payer_name = _parse_payer_name(d.pop("payer_name", UNSET))

        def _parse_head_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        head_name = _parse_head_name(d.pop("head_name", UNSET))

        budget_voucher = cls(
            kind=kind,
            payee_name=payee_name,
            payee_address=payee_address,
            payee_national_id=payee_national_id,
            items=items,
            payee_signed=payee_signed,
            payer_signed=payer_signed,
            head_certified=head_certified,
            payer_name=payer_name,
            head_name=head_name,
        )

        budget_voucher.additional_properties = d
        return budget_voucher

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
