from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.budget_event_payload import BudgetEventPayload


T = TypeVar("T", bound="BudgetEvent")


@_attrs_define
class BudgetEvent:
    """One event of a service's feed, with the CloudEvents 1.0 attributes (``payload`` is the ``data``).

    Attributes:
        pos (int):
        event_id (UUID):
        type_ (str):
        entity (str):
        entity_id (str):
        occurred_at (datetime.datetime):
        payload (BudgetEventPayload):
        id (str): CloudEvents id (the event id).
        specversion (str):
        time (datetime.datetime):
        subject (str): ``entity/entity_id``: events of one subject are delivered in order.
        datacontenttype (str):
        dataschema (None | str): The payload's model and version (``urn:phaen:event:<type>:v<n>``); none for an untyped
            event.
        source (str | Unset): CloudEvents source: the producing service, e.g. /v1/budget Default: ''.
    """

    pos: int
    event_id: UUID
    type_: str
    entity: str
    entity_id: str
    occurred_at: datetime.datetime
    payload: BudgetEventPayload
    id: str
    specversion: str
    time: datetime.datetime
    subject: str
    datacontenttype: str
    dataschema: None | str
    source: str | Unset = ""
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        pos = self.pos

        event_id = str(self.event_id)

        type_ = self.type_

        entity = self.entity

        entity_id = self.entity_id

        occurred_at = self.occurred_at.isoformat()

        payload = self.payload.to_dict()

        id = self.id

        specversion = self.specversion

        time = self.time.isoformat()

        subject = self.subject

        datacontenttype = self.datacontenttype

        dataschema: None | str
        dataschema = self.dataschema

        source = self.source

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
                "id": id,
                "specversion": specversion,
                "time": time,
                "subject": subject,
                "datacontenttype": datacontenttype,
                "dataschema": dataschema,
            }
        )
        if source is not UNSET:
            field_dict["source"] = source

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.budget_event_payload import BudgetEventPayload  # noqa: PLC0415

        d = dict(src_dict)
        pos = d.pop("pos")

        event_id = UUID(d.pop("event_id"))

        type_ = d.pop("type")

        entity = d.pop("entity")

        entity_id = d.pop("entity_id")

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        payload = BudgetEventPayload.from_dict(d.pop("payload"))

        id = d.pop("id")

        specversion = d.pop("specversion")

        time = datetime.datetime.fromisoformat(d.pop("time"))

        subject = d.pop("subject")

        datacontenttype = d.pop("datacontenttype")

        def _parse_dataschema(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        dataschema = _parse_dataschema(d.pop("dataschema"))

        source = d.pop("source", UNSET)

        budget_event = cls(
            pos=pos,
            event_id=event_id,
            type_=type_,
            entity=entity,
            entity_id=entity_id,
            occurred_at=occurred_at,
            payload=payload,
            id=id,
            specversion=specversion,
            time=time,
            subject=subject,
            datacontenttype=datacontenttype,
            dataschema=dataschema,
            source=source,
        )

        budget_event.additional_properties = d
        return budget_event

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
