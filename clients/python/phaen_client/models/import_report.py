from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.import_row import ImportRow


T = TypeVar("T", bound="ImportReport")


@_attrs_define
class ImportReport:
    """
    Attributes:
        dry_run (bool):
        applied (bool):
        total (int):
        ok (int):
        unresolved (int):
        ambiguous (int):
        invalid (int):
        rows (list[ImportRow]):
    """

    dry_run: bool
    applied: bool
    total: int
    ok: int
    unresolved: int
    ambiguous: int
    invalid: int
    rows: list[ImportRow]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        dry_run = self.dry_run

        applied = self.applied

        total = self.total

        ok = self.ok

        unresolved = self.unresolved

        ambiguous = self.ambiguous

        invalid = self.invalid

        rows = []
        for rows_item_data in self.rows:
            rows_item = rows_item_data.to_dict()
            rows.append(rows_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dry_run": dry_run,
                "applied": applied,
                "total": total,
                "ok": ok,
                "unresolved": unresolved,
                "ambiguous": ambiguous,
                "invalid": invalid,
                "rows": rows,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.import_row import ImportRow  # noqa: PLC0415

        d = dict(src_dict)
        dry_run = d.pop("dry_run")

        applied = d.pop("applied")

        total = d.pop("total")

        ok = d.pop("ok")

        unresolved = d.pop("unresolved")

        ambiguous = d.pop("ambiguous")

        invalid = d.pop("invalid")

        rows = []
        _rows = d.pop("rows")
        for rows_item_data in _rows:
            rows_item = ImportRow.from_dict(rows_item_data)

            rows.append(rows_item)

        import_report = cls(
            dry_run=dry_run,
            applied=applied,
            total=total,
            ok=ok,
            unresolved=unresolved,
            ambiguous=ambiguous,
            invalid=invalid,
            rows=rows,
        )

        import_report.additional_properties = d
        return import_report

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
