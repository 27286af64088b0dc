from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.checked_head_out import CheckedHeadOut
    from ..models.finding_out import FindingOut


T = TypeVar("T", bound="VerifyOut")


@_attrs_define
class VerifyOut:
    """
    Attributes:
        ok (bool):
        entries (int): entries checked before the first bad one (all of them when ok)
        last_seq (int): the last seq in the chain
        ledger_entries (int): ledger entries reconciled with their audit entries
        findings (list[FindingOut]): what failed, at most 100 (see findings_total)
        findings_total (int):
        first_bad_seq (int | None | Unset):
        head (CheckedHeadOut | None | Unset): the signed head the chain was checked against
    """

    ok: bool
    entries: int
    last_seq: int
    ledger_entries: int
    findings: list[FindingOut]
    findings_total: int
    first_bad_seq: int | None | Unset = UNSET
    head: CheckedHeadOut | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.checked_head_out import CheckedHeadOut  # noqa: PLC0415

        ok = self.ok

        entries = self.entries

        last_seq = self.last_seq

        ledger_entries = self.ledger_entries

        findings = []
        for findings_item_data in self.findings:
            findings_item = findings_item_data.to_dict()
            findings.append(findings_item)

        findings_total = self.findings_total

        first_bad_seq: int | None | Unset
        if isinstance(self.first_bad_seq, Unset):
            first_bad_seq = UNSET
        else:
            first_bad_seq = self.first_bad_seq

        head: dict[str, Any] | None | Unset
        if isinstance(self.head, Unset):
            head = UNSET
        elif isinstance(self.head, CheckedHeadOut):
            head = self.head.to_dict()
        else:
            head = self.head

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ok": ok,
                "entries": entries,
                "last_seq": last_seq,
                "ledger_entries": ledger_entries,
                "findings": findings,
                "findings_total": findings_total,
            }
        )
        if first_bad_seq is not UNSET:
            field_dict["first_bad_seq"] = first_bad_seq
        if head is not UNSET:
            field_dict["head"] = head

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.checked_head_out import CheckedHeadOut  # noqa: PLC0415
        from ..models.finding_out import FindingOut  # noqa: PLC0415

        d = dict(src_dict)
        ok = d.pop("ok")

        entries = d.pop("entries")

        last_seq = d.pop("last_seq")

        ledger_entries = d.pop("ledger_entries")

        findings = []
        _findings = d.pop("findings")
        for findings_item_data in _findings:
            findings_item = FindingOut.from_dict(findings_item_data)

            findings.append(findings_item)

        findings_total = d.pop("findings_total")

        def _parse_first_bad_seq(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        first_bad_seq = _parse_first_bad_seq(d.pop("first_bad_seq", UNSET))

        def _parse_head(data: object) -> CheckedHeadOut | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                head_type_0 = CheckedHeadOut.from_dict(data)

                return head_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CheckedHeadOut | None | Unset, data)

        head = _parse_head(d.pop("head", UNSET))

        verify_out = cls(
            ok=ok,
            entries=entries,
            last_seq=last_seq,
            ledger_entries=ledger_entries,
            findings=findings,
            findings_total=findings_total,
            first_bad_seq=first_bad_seq,
            head=head,
        )

        verify_out.additional_properties = d
        return verify_out

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
