from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.withdrawal_out import WithdrawalOut


T = TypeVar("T", bound="SyncResult")


@_attrs_define
class SyncResult:
    """
    Attributes:
        withdrawal_id (UUID):
        key_id (UUID):
        status (int): what POST .../signatures would have answered for this one alone
        code (str): `signed`, or the problem code of the refusal
        detail (None | str | Unset):
        withdrawal (None | Unset | WithdrawalOut): the withdrawal after a signature
    """

    withdrawal_id: UUID
    key_id: UUID
    status: int
    code: str
    detail: None | str | Unset = UNSET
    withdrawal: None | Unset | WithdrawalOut = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.withdrawal_out import WithdrawalOut  # noqa: PLC0415

        withdrawal_id = str(self.withdrawal_id)

        key_id = str(self.key_id)

        status = self.status

        code = self.code

        detail: None | str | Unset
        if isinstance(self.detail, Unset):
            detail = UNSET
        else:
            detail = self.detail

        withdrawal: dict[str, Any] | None | Unset
        if isinstance(self.withdrawal, Unset):
            withdrawal = UNSET
        elif isinstance(self.withdrawal, WithdrawalOut):
            withdrawal = self.withdrawal.to_dict()
        else:
            withdrawal = self.withdrawal

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "withdrawal_id": withdrawal_id,
                "key_id": key_id,
                "status": status,
                "code": code,
            }
        )
        if detail is not UNSET:
            field_dict["detail"] = detail
        if withdrawal is not UNSET:
            field_dict["withdrawal"] = withdrawal

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.withdrawal_out import WithdrawalOut  # noqa: PLC0415

        d = dict(src_dict)
        withdrawal_id = UUID(d.pop("withdrawal_id"))

        key_id = UUID(d.pop("key_id"))

        status = d.pop("status")

        code = d.pop("code")

        def _parse_detail(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        detail = _parse_detail(d.pop("detail", UNSET))

        def _parse_withdrawal(data: object) -> None | Unset | WithdrawalOut:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                withdrawal_type_0 = WithdrawalOut.from_dict(data)

                return withdrawal_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | WithdrawalOut, data)

        withdrawal = _parse_withdrawal(d.pop("withdrawal", UNSET))

        sync_result = cls(
            withdrawal_id=withdrawal_id,
            key_id=key_id,
            status=status,
            code=code,
            detail=detail,
            withdrawal=withdrawal,
        )

        sync_result.additional_properties = d
        return sync_result

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
