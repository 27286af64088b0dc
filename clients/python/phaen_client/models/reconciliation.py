from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.computed import Computed
    from ..models.discrepancy import Discrepancy


T = TypeVar("T", bound="Reconciliation")


@_attrs_define
class Reconciliation:
    """
    Attributes:
        computed (Computed):
        discrepancies (list[Discrepancy]):
    """

    computed: Computed
    discrepancies: list[Discrepancy]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        computed = self.computed.to_dict()

        discrepancies = []
        for discrepancies_item_data in self.discrepancies:
            discrepancies_item = discrepancies_item_data.to_dict()
            discrepancies.append(discrepancies_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "computed": computed,
                "discrepancies": discrepancies,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.computed import Computed  # noqa: PLC0415
        from ..models.discrepancy import Discrepancy  # noqa: PLC0415

        d = dict(src_dict)
        computed = Computed.from_dict(d.pop("computed"))

        discrepancies = []
        _discrepancies = d.pop("discrepancies")
        for discrepancies_item_data in _discrepancies:
            discrepancies_item = Discrepancy.from_dict(discrepancies_item_data)

            discrepancies.append(discrepancies_item)

        reconciliation = cls(
            computed=computed,
            discrepancies=discrepancies,
        )

        reconciliation.additional_properties = d
        return reconciliation

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
