from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.item import Item


T = TypeVar("T", bound="Receipt")


@_attrs_define
class Receipt:
    """A receipt (ใบเสร็จรับเงิน).

    Attributes:
        kind (Literal['receipt']):
        seller_name (str):
        seller_address (str):
        book_no (str):
        receipt_no (str):
        date (datetime.date):
        items (list[Item]):
        receiver_signed (bool): the receiver's signature is on the paper
        buyer_name (None | str | Unset): if given, must be the project's name
    """

    kind: Literal["receipt"]
    seller_name: str
    seller_address: str
    book_no: str
    receipt_no: str
    date: datetime.date
    items: list[Item]
    receiver_signed: bool
    buyer_name: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        seller_name = self.seller_name

        seller_address = self.seller_address

        book_no = self.book_no

        receipt_no = self.receipt_no

        date = self.date.isoformat()

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        receiver_signed = self.receiver_signed

        buyer_name: None | str | Unset
        if isinstance(self.buyer_name, Unset):
            buyer_name = UNSET
        else:
            buyer_name = self.buyer_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "seller_name": seller_name,
                "seller_address": seller_address,
                "book_no": book_no,
                "receipt_no": receipt_no,
                "date": date,
                "items": items,
                "receiver_signed": receiver_signed,
            }
        )
        if buyer_name is not UNSET:
            field_dict["buyer_name"] = buyer_name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.item import Item  # noqa: PLC0415

        d = dict(src_dict)
        kind = cast(Literal["receipt"], d.pop("kind"))
        if kind != "receipt":
            raise ValueError(f"kind must match const 'receipt', got '{kind}'")

        seller_name = d.pop("seller_name")

        seller_address = d.pop("seller_address")

        book_no = d.pop("book_no")

        receipt_no = d.pop("receipt_no")

        date = datetime.date.fromisoformat(d.pop("date"))

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = Item.from_dict(items_item_data)

            items.append(items_item)

        receiver_signed = d.pop("receiver_signed")

        def _parse_buyer_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        buyer_name = _parse_buyer_name(d.pop("buyer_name", UNSET))

        receipt = cls(
            kind=kind,
            seller_name=seller_name,
            seller_address=seller_address,
            book_no=book_no,
            receipt_no=receipt_no,
            date=date,
            items=items,
            receiver_signed=receiver_signed,
            buyer_name=buyer_name,
        )

        receipt.additional_properties = d
        return receipt

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
