from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.revocations_not_before import RevocationsNotBefore


T = TypeVar("T", bound="Revocations")


@_attrs_define
class Revocations:
    """SHA-256 hex digests of revoked subjects whose tokens may still be unexpired.

    Attributes:
        revoked (list[str]):
        not_before (RevocationsNotBefore): digest -> epoch second: the subject's tokens issued before it are refused
            (even re-enabled)
        window_seconds (int): how long a subject stays listed: the access-token life plus leeway
    """

    revoked: list[str]
    not_before: RevocationsNotBefore
    window_seconds: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        revoked = self.revoked

        not_before = self.not_before.to_dict()

        window_seconds = self.window_seconds

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "revoked": revoked,
                "not_before": not_before,
                "window_seconds": window_seconds,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.revocations_not_before import RevocationsNotBefore  # noqa: PLC0415

        d = dict(src_dict)
        revoked = cast(list[str], d.pop("revoked"))

        not_before = RevocationsNotBefore.from_dict(d.pop("not_before"))

        window_seconds = d.pop("window_seconds")

        revocations = cls(
            revoked=revoked,
            not_before=not_before,
            window_seconds=window_seconds,
        )

        revocations.additional_properties = d
        return revocations

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
