from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.resolution import Resolution


T = TypeVar("T", bound="AccountOut")


@_attrs_define
class AccountOut:
    """
    Attributes:
        id (UUID):
        project_id (UUID):
        bank (str):
        branch (str):
        number (str): shown in full to admin, secretariat, auditor and bank; else last 4 digits
        name (str):
        type_ (str):
        atm_card (bool):
        threshold (int):
        signatories (list[str]):
        resolution (Resolution): A committee resolution (มติที่ประชุม) cited by a decision.
        balance (str): sum of the ledger
        interest_balance (str): the interest part of the balance, kept apart
        grant_balance (str):
        reserved (str): approved, unpaid withdrawals
        available (str): balance less approved, unpaid withdrawals
        available_interest (str):
        fees_owed_by_codi (str): bank fees debited from the account so far, which CODI pays back (seed: CODI pays
            transfer fees)
        created_at (datetime.datetime):
    """

    id: UUID
    project_id: UUID
    bank: str
    branch: str
    number: str
    name: str
    type_: str
    atm_card: bool
    threshold: int
    signatories: list[str]
    resolution: Resolution
    balance: str
    interest_balance: str
    grant_balance: str
    reserved: str
    available: str
    available_interest: str
    fees_owed_by_codi: str
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        project_id = str(self.project_id)

        bank = self.bank

        branch = self.branch

        number = self.number

        name = self.name

        type_ = self.type_

        atm_card = self.atm_card

        threshold = self.threshold

        signatories = self.signatories

        resolution = self.resolution.to_dict()

        balance = self.balance

        interest_balance = self.interest_balance

        grant_balance = self.grant_balance

        reserved = self.reserved

        available = self.available

        available_interest = self.available_interest

        fees_owed_by_codi = self.fees_owed_by_codi

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "project_id": project_id,
                "bank": bank,
                "branch": branch,
                "number": number,
                "name": name,
                "type": type_,
                "atm_card": atm_card,
                "threshold": threshold,
                "signatories": signatories,
                "resolution": resolution,
                "balance": balance,
                "interest_balance": interest_balance,
                "grant_balance": grant_balance,
                "reserved": reserved,
                "available": available,
                "available_interest": available_interest,
                "fees_owed_by_codi": fees_owed_by_codi,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.resolution import Resolution  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        project_id = UUID(d.pop("project_id"))

        bank = d.pop("bank")

        branch = d.pop("branch")

        number = d.pop("number")

        name = d.pop("name")

        type_ = d.pop("type")

        atm_card = d.pop("atm_card")

        threshold = d.pop("threshold")

        signatories = cast(list[str], d.pop("signatories"))

        resolution = Resolution.from_dict(d.pop("resolution"))

        balance = d.pop("balance")

        interest_balance = d.pop("interest_balance")

        grant_balance = d.pop("grant_balance")

        reserved = d.pop("reserved")

        available = d.pop("available")

        available_interest = d.pop("available_interest")

        fees_owed_by_codi = d.pop("fees_owed_by_codi")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        account_out = cls(
            id=id,
            project_id=project_id,
            bank=bank,
            branch=branch,
            number=number,
            name=name,
            type_=type_,
            atm_card=atm_card,
            threshold=threshold,
            signatories=signatories,
            resolution=resolution,
            balance=balance,
            interest_balance=interest_balance,
            grant_balance=grant_balance,
            reserved=reserved,
            available=available,
            available_interest=available_interest,
            fees_owed_by_codi=fees_owed_by_codi,
            created_at=created_at,
        )

        account_out.additional_properties = d
        return account_out

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
