from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="SubscriptionIn")


@_attrs_define
class SubscriptionIn:
    """Subscribe an HTTPS endpoint to event types (see ``/v1/asyncapi.json`` for them).

    Attributes:
        url (str):
        events (list[str]):
    """

    url: str
    events: list[str]

    def to_dict(self) -> dict[str, Any]:
        url = self.url

        events = self.events

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "url": url,
                "events": events,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        url = d.pop("url")

        events = cast(list[str], d.pop("events"))

        subscription_in = cls(
            url=url,
            events=events,
        )

        return subscription_in
