from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.subdistrict_out_region import SubdistrictOutRegion
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.network_summary import NetworkSummary


T = TypeVar("T", bound="SubdistrictOut")


@_attrs_define
class SubdistrictOut:
    """
    Attributes:
        code (str):
        name_th (str):
        name_en (str):
        district_code (str):
        province_code (str):
        region (SubdistrictOutRegion):
        postal_codes (list[str]):
        network (NetworkSummary | None | Unset):
    """

    code: str
    name_th: str
    name_en: str
    district_code: str
    province_code: str
    region: SubdistrictOutRegion
    postal_codes: list[str]
    network: NetworkSummary | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.network_summary import NetworkSummary  # noqa: PLC0415

        code = self.code

        name_th = self.name_th

        name_en = self.name_en

        district_code = self.district_code

        province_code = self.province_code

        region = self.region.value

        postal_codes = self.postal_codes

        network: dict[str, Any] | None | Unset
        if isinstance(self.network, Unset):
            network = UNSET
        elif isinstance(self.network, NetworkSummary):
            network = self.network.to_dict()
        else:
            network = self.network

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "name_th": name_th,
                "name_en": name_en,
                "district_code": district_code,
                "province_code": province_code,
                "region": region,
                "postal_codes": postal_codes,
            }
        )
        if network is not UNSET:
            field_dict["network"] = network

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.network_summary import NetworkSummary  # noqa: PLC0415

        d = dict(src_dict)
        code = d.pop("code")

        name_th = d.pop("name_th")

        name_en = d.pop("name_en")

        district_code = d.pop("district_code")

        province_code = d.pop("province_code")

        region = SubdistrictOutRegion(d.pop("region"))

        postal_codes = cast(list[str], d.pop("postal_codes"))

        def _parse_network(data: object) -> NetworkSummary | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                network_type_0 = NetworkSummary.from_dict(data)

                return network_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(NetworkSummary | None | Unset, data)

        network = _parse_network(d.pop("network", UNSET))

        subdistrict_out = cls(
            code=code,
            name_th=name_th,
            name_en=name_en,
            district_code=district_code,
            province_code=province_code,
            region=region,
            postal_codes=postal_codes,
            network=network,
        )

        subdistrict_out.additional_properties = d
        return subdistrict_out

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
