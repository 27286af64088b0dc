from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.freshness import Freshness
    from ..models.source_rebuilt import SourceRebuilt


T = TypeVar("T", bound="RebuildResult")


@_attrs_define
class RebuildResult:
    """What a rebuild replayed, and the read model's freshness after it.

    Attributes:
        sources (list[SourceRebuilt]):
        freshness (Freshness): ``as_of``: the time of the last successful poll of every source (the oldest of them).
    """

    sources: list[SourceRebuilt]
    freshness: Freshness
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        sources = []
        for sources_item_data in self.sources:
            sources_item = sources_item_data.to_dict()
            sources.append(sources_item)

        freshness = self.freshness.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "sources": sources,
                "freshness": freshness,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.freshness import Freshness  # noqa: PLC0415
        from ..models.source_rebuilt import SourceRebuilt  # noqa: PLC0415

        d = dict(src_dict)
        sources = []
        _sources = d.pop("sources")
        for sources_item_data in _sources:
            sources_item = SourceRebuilt.from_dict(sources_item_data)

            sources.append(sources_item)

        freshness = Freshness.from_dict(d.pop("freshness"))

        rebuild_result = cls(
            sources=sources,
            freshness=freshness,
        )

        rebuild_result.additional_properties = d
        return rebuild_result

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
