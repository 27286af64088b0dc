from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.account_info import AccountInfo
    from ..models.statement_entry import StatementEntry


T = TypeVar("T", bound="MonthlyStatement")


@_attrs_define
class MonthlyStatement:
    """Monthly income-expense statement (รายงานรับ-จ่ายเงินประจำเดือน).

    Attributes:
        account (AccountInfo):
        month (str):
        opening (str):
        receipts (str):
        payments (str):
        closing (str):
        entries (list[StatementEntry]):
        as_of (datetime.datetime | None | Unset):
        stale (bool | Unset):  Default: False.
    """

    account: AccountInfo
    month: str
    opening: str
    receipts: str
    payments: str
    closing: str
    entries: list[StatementEntry]
    as_of: datetime.datetime | None | Unset = UNSET
    stale: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account = self.account.to_dict()

        month = self.month

        opening = self.opening

        receipts = self.receipts

        payments = self.payments

        closing = self.closing

        entries = []
        for entries_item_data in self.entries:
            entries_item = entries_item_data.to_dict()
            entries.append(entries_item)

        as_of: None | str | Unset
        if isinstance(self.as_of, Unset):
            as_of = UNSET
        elif isinstance(self.as_of, datetime.datetime):
            as_of = self.as_of.isoformat()
        else:
            as_of = self.as_of

        stale = self.stale

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account": account,
                "month": month,
                "opening": opening,
                "receipts": receipts,
                "payments": payments,
                "closing": closing,
                "entries": entries,
            }
        )
        if as_of is not UNSET:
            field_dict["as_of"] = as_of
        if stale is not UNSET:
            field_dict["stale"] = stale

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.account_info import AccountInfo  # noqa: PLC0415
        from ..models.statement_entry import StatementEntry  # noqa: PLC0415

        d = dict(src_dict)
        account = AccountInfo.from_dict(d.pop("account"))

        month = d.pop("month")

        opening = d.pop("opening")

        receipts = d.pop("receipts")

        payments = d.pop("payments")

        closing = d.pop("closing")

        entries = []
        _entries = d.pop("entries")
        for entries_item_data in _entries:
            entries_item = StatementEntry.from_dict(entries_item_data)

            entries.append(entries_item)

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

        monthly_statement = cls(
            account=account,
            month=month,
            opening=opening,
            receipts=receipts,
            payments=payments,
            closing=closing,
            entries=entries,
            as_of=as_of,
            stale=stale,
        )

        monthly_statement.additional_properties = d
        return monthly_statement

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
