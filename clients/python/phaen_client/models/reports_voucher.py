from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.project_info import ProjectInfo
    from ..models.voucher_item import VoucherItem


T = TypeVar("T", bound="ReportsVoucher")


@_attrs_define
class ReportsVoucher:
    """A payment voucher (ใบสำคัญรับเงิน) as far as the expense event describes it.

    Attributes:
        expense_id (UUID):
        project (ProjectInfo):
        spent_on (datetime.date | None):
        category (None | str):
        category_th (None | str):
        amount (str):
        status (None | str):
        payee_name (None | str):
        payee_address (None | str):
        payee_national_id (None | str):
        items (list[VoucherItem]):
        payee_signed (bool | None):
        payer_signed (bool | None):
        head_certified (bool | None):
        as_of (datetime.datetime | None | Unset):
        stale (bool | Unset):  Default: False.
        payer_name (None | str | Unset): who paid, named under the payer's signature line
        head_name (None | str | Unset): the project head who certified the payment
    """

    expense_id: UUID
    project: ProjectInfo
    spent_on: datetime.date | None
    category: None | str
    category_th: None | str
    amount: str
    status: None | str
    payee_name: None | str
    payee_address: None | str
    payee_national_id: None | str
    items: list[VoucherItem]
    payee_signed: bool | None
    payer_signed: bool | None
    head_certified: bool | None
    as_of: datetime.datetime | None | Unset = UNSET
    stale: bool | Unset = False
    payer_name: None | str | Unset = UNSET
    head_name: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        expense_id = str(self.expense_id)

        project = self.project.to_dict()

        spent_on: None | str
        if isinstance(self.spent_on, datetime.date):
            spent_on = self.spent_on.isoformat()
        else:
            spent_on = self.spent_on

        category: None | str
        category = self.category

        category_th: None | str
        category_th = self.category_th

        amount = self.amount

        status: None | str
        status = self.status

        payee_name: None | str
        payee_name = self.payee_name

        payee_address: None | str
        payee_address = self.payee_address

        payee_national_id: None | str
        payee_national_id = self.payee_national_id

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        payee_signed: bool | None
        payee_signed = self.payee_signed

        payer_signed: bool | None
        payer_signed = self.payer_signed

        head_certified: bool | None
        head_certified = self.head_certified

        as_of: None | str | Unset
        if isinstance(self.as_of, Unset):
            as_of = UNSET
        elif isinstance(self.as_of, datetime.datetime):
            as_of = self.as_of.isoformat()
        else:
            as_of = self.as_of

        stale = self.stale

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
                "expense_id": expense_id,
                "project": project,
                "spent_on": spent_on,
                "category": category,
                "category_th": category_th,
                "amount": amount,
                "status": status,
                "payee_name": payee_name,
                "payee_address": payee_address,
                "payee_national_id": payee_national_id,
                "items": items,
                "payee_signed": payee_signed,
                "payer_signed": payer_signed,
                "head_certified": head_certified,
            }
        )
        if as_of is not UNSET:
            field_dict["as_of"] = as_of
        if stale is not UNSET:
            field_dict["stale"] = stale
        if payer_name is not UNSET:
            field_dict["payer_name"] = payer_name
        if head_name is not UNSET:
            field_dict["head_name"] = head_name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.project_info import ProjectInfo  # noqa: PLC0415
        from ..models.voucher_item import VoucherItem  # noqa: PLC0415

        d = dict(src_dict)
        expense_id = UUID(d.pop("expense_id"))

        project = ProjectInfo.from_dict(d.pop("project"))

        def _parse_spent_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                spent_on_type_0 = datetime.date.fromisoformat(data)

                return spent_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        spent_on = _parse_spent_on(d.pop("spent_on"))

        def _parse_category(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        category = _parse_category(d.pop("category"))

        def _parse_category_th(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        category_th = _parse_category_th(d.pop("category_th"))

        amount = d.pop("amount")

        def _parse_status(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        status = _parse_status(d.pop("status"))

        def _parse_payee_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        payee_name = _parse_payee_name(d.pop("payee_name"))

        def _parse_payee_address(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        payee_address = _parse_payee_address(d.pop("payee_address"))

        def _parse_payee_national_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        payee_national_id = _parse_payee_national_id(d.pop("payee_national_id"))

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = VoucherItem.from_dict(items_item_data)

            items.append(items_item)

        def _parse_payee_signed(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        payee_signed = _parse_payee_signed(d.pop("payee_signed"))

        def _parse_payer_signed(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        payer_signed = _parse_payer_signed(d.pop("payer_signed"))

        def _parse_head_certified(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        head_certified = _parse_head_certified(d.pop("head_certified"))

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

        reports_voucher = cls(
            expense_id=expense_id,
            project=project,
            spent_on=spent_on,
            category=category,
            category_th=category_th,
            amount=amount,
            status=status,
            payee_name=payee_name,
            payee_address=payee_address,
            payee_national_id=payee_national_id,
            items=items,
            payee_signed=payee_signed,
            payer_signed=payer_signed,
            head_certified=head_certified,
            as_of=as_of,
            stale=stale,
            payer_name=payer_name,
            head_name=head_name,
        )

        reports_voucher.additional_properties = d
        return reports_voucher

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
