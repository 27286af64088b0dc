from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.resolution import Resolution


T = TypeVar("T", bound="AccountCreate")


@_attrs_define
class AccountCreate:
    """
    Attributes:
        signatories (list[str]): gateway user ids (token `sub`)
        resolution (Resolution): A committee resolution (มติที่ประชุม) cited by a decision.
        project_id (UUID):
        bank (str):
        branch (str):
        number (str):
        name (str):
        threshold (int | Unset):  Default: 2.
        type_ (Literal['savings'] | Unset): savings accounts only Default: 'savings'.
        atm_card (bool | Unset): no ATM card, ever Default: False.
    """

    signatories: list[str]
    resolution: Resolution
    project_id: UUID
    bank: str
    branch: str
    number: str
    name: str
    threshold: int | Unset = 2
    type_: Literal["savings"] | Unset = "savings"
    atm_card: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        signatories = self.signatories

        resolution = self.resolution.to_dict()

        project_id = str(self.project_id)

        bank = self.bank

        branch = self.branch

        number = self.number

        name = self.name

        threshold = self.threshold

        type_ = self.type_

        atm_card = self.atm_card

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "signatories": signatories,
                "resolution": resolution,
                "project_id": project_id,
                "bank": bank,
                "branch": branch,
                "number": number,
                "name": name,
            }
        )
        if threshold is not UNSET:
            field_dict["threshold"] = threshold
        if type_ is not UNSET:
            field_dict["type"] = type_
        if atm_card is not UNSET:
            field_dict["atm_card"] = atm_card

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.resolution import Resolution  # noqa: PLC0415

        d = dict(src_dict)
        signatories = cast(list[str], d.pop("signatories"))

        resolution = Resolution.from_dict(d.pop("resolution"))

        project_id = UUID(d.pop("project_id"))

        bank = d.pop("bank")

        branch = d.pop("branch")

        number = d.pop("number")

        name = d.pop("name")

        threshold = d.pop("threshold", UNSET)

        type_ = cast(Literal["savings"] | Unset, d.pop("type", UNSET))
        if type_ != "savings" and not isinstance(type_, Unset):
            raise ValueError(f"type must match const 'savings', got '{type_}'")

        atm_card = d.pop("atm_card", UNSET)

        account_create = cls(
            signatories=signatories,
            resolution=resolution,
            project_id=project_id,
            bank=bank,
            branch=branch,
            number=number,
            name=name,
            threshold=threshold,
            type_=type_,
            atm_card=atm_card,
        )

        account_create.additional_properties = d
        return account_create

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
