from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.signatory_change_out_status import SignatoryChangeOutStatus

if TYPE_CHECKING:
    from ..models.resolution import Resolution
    from ..models.signatory_member import SignatoryMember


T = TypeVar("T", bound="SignatoryChangeOut")


@_attrs_define
class SignatoryChangeOut:
    """A proposed signatory set; in force only once ``confirmed`` by a different user.

    Attributes:
        id (UUID):
        account_id (UUID):
        signatories (list[str]):
        members (list[SignatoryMember]):
        threshold (int):
        resolution (Resolution): A committee resolution (มติที่ประชุม) cited by a decision.
        status (SignatoryChangeOutStatus):
        proposed_by (str):
        proposed_at (datetime.datetime):
        decided_by (None | str):
        decided_at (datetime.datetime | None):
        reason (None | str):
    """

    id: UUID
    account_id: UUID
    signatories: list[str]
    members: list[SignatoryMember]
    threshold: int
    resolution: Resolution
    status: SignatoryChangeOutStatus
    proposed_by: str
    proposed_at: datetime.datetime
    decided_by: None | str
    decided_at: datetime.datetime | None
    reason: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        account_id = str(self.account_id)

        signatories = self.signatories

        members = []
        for members_item_data in self.members:
            members_item = members_item_data.to_dict()
            members.append(members_item)

        threshold = self.threshold

        resolution = self.resolution.to_dict()

        status = self.status.value

        proposed_by = self.proposed_by

        proposed_at = self.proposed_at.isoformat()

        decided_by: None | str
        decided_by = self.decided_by

        decided_at: None | str
        if isinstance(self.decided_at, datetime.datetime):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at

        reason: None | str
        reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "account_id": account_id,
                "signatories": signatories,
                "members": members,
                "threshold": threshold,
                "resolution": resolution,
                "status": status,
                "proposed_by": proposed_by,
                "proposed_at": proposed_at,
                "decided_by": decided_by,
                "decided_at": decided_at,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.resolution import Resolution  # noqa: PLC0415
        from ..models.signatory_member import SignatoryMember  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        account_id = UUID(d.pop("account_id"))

        signatories = cast(list[str], d.pop("signatories"))

        members = []
        _members = d.pop("members")
        for members_item_data in _members:
            members_item = SignatoryMember.from_dict(members_item_data)

            members.append(members_item)

        threshold = d.pop("threshold")

        resolution = Resolution.from_dict(d.pop("resolution"))

        status = SignatoryChangeOutStatus(d.pop("status"))

        proposed_by = d.pop("proposed_by")

        proposed_at = datetime.datetime.fromisoformat(d.pop("proposed_at"))

        def _parse_decided_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        decided_by = _parse_decided_by(d.pop("decided_by"))

        def _parse_decided_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_at_type_0 = datetime.datetime.fromisoformat(data)

                return decided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        decided_at = _parse_decided_at(d.pop("decided_at"))

        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))

        signatory_change_out = cls(
            id=id,
            account_id=account_id,
            signatories=signatories,
            members=members,
            threshold=threshold,
            resolution=resolution,
            status=status,
            proposed_by=proposed_by,
            proposed_at=proposed_at,
            decided_by=decided_by,
            decided_at=decided_at,
            reason=reason,
        )

        signatory_change_out.additional_properties = d
        return signatory_change_out

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
