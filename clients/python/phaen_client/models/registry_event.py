from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.registry_event_payload import RegistryEventPayload


T = TypeVar("T", bound="RegistryEvent")


@_attrs_define
class RegistryEvent:
    """One event of a service's feed.

    Attributes:
        pos (int):
        event_id (UUID):
        type_ (str):
        entity (str):
        entity_id (str):
        occurred_at (datetime.datetime):
        payload (RegistryEventPayload):
    """

    pos: int
    event_id: UUID
    type_: str
    entity: str
    entity_id: str
    occurred_at: datetime.datetime
    payload: RegistryEventPayload
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        pos = self.pos

        event_id = str(self.event_id)

        type_ = self.type_

        entity = self.entity

        entity_id = self.entity_id

        occurred_at = self.occurred_at.isoformat()

        payload = self.payload.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "pos": pos,
                "event_id": event_id,
                "type": type_,
                "entity": entity,
                "entity_id": entity_id,
                "occurred_at": occurred_at,
                "payload": payload,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.registry_event_payload import RegistryEventPayload  # noqa: PLC0415

        d = dict(src_dict)
        pos = d.pop("pos")

        event_id = UUID(d.pop("event_id"))

        type_ = d.pop("type")

        entity = d.pop("entity")

        entity_id = d.pop("entity_id")

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        payload = RegistryEventPayload.from_dict(d.pop("payload"))

        registry_event = cls(
            pos=pos,
            event_id=event_id,
            type_=type_,
            entity=entity,
            entity_id=entity_id,
            occurred_at=occurred_at,
            payload=payload,
        )

        registry_event.additional_properties = d
        return registry_event

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
