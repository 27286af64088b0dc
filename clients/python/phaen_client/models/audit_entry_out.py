from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AuditEntryOut")


@_attrs_define
class AuditEntryOut:
    """
    Attributes:
        seq (int):
        at (datetime.datetime):
        actor (str):
        action (str):
        entity (str):
        entity_id (str):
        outcome (str): ok, or denied for a refused money action
        detail (None | str): the error code of a denied action
        before_digest (None | str):
        after_digest (None | str):
        hash_ (str):
        prev_hash (str):
    """

    seq: int
    at: datetime.datetime
    actor: str
    action: str
    entity: str
    entity_id: str
    outcome: str
    detail: None | str
    before_digest: None | str
    after_digest: None | str
    hash_: str
    prev_hash: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        seq = self.seq

        at = self.at.isoformat()

        actor = self.actor

        action = self.action

        entity = self.entity

        entity_id = self.entity_id

        outcome = self.outcome

        detail: None | str
        detail = self.detail

        before_digest: None | str
        before_digest = self.before_digest

        after_digest: None | str
        after_digest = self.after_digest

        hash_ = self.hash_

        prev_hash = self.prev_hash

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "seq": seq,
                "at": at,
                "actor": actor,
                "action": action,
                "entity": entity,
                "entity_id": entity_id,
                "outcome": outcome,
                "detail": detail,
                "before_digest": before_digest,
                "after_digest": after_digest,
                "hash": hash_,
                "prev_hash": prev_hash,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        seq = d.pop("seq")

        at = datetime.datetime.fromisoformat(d.pop("at"))

        actor = d.pop("actor")

        action = d.pop("action")

        entity = d.pop("entity")

        entity_id = d.pop("entity_id")

        outcome = d.pop("outcome")

        def _parse_detail(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        detail = _parse_detail(d.pop("detail"))

        def _parse_before_digest(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        before_digest = _parse_before_digest(d.pop("before_digest"))

        def _parse_after_digest(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        after_digest = _parse_after_digest(d.pop("after_digest"))

        hash_ = d.pop("hash")

        prev_hash = d.pop("prev_hash")

        audit_entry_out = cls(
            seq=seq,
            at=at,
            actor=actor,
            action=action,
            entity=entity,
            entity_id=entity_id,
            outcome=outcome,
            detail=detail,
            before_digest=before_digest,
            after_digest=after_digest,
            hash_=hash_,
            prev_hash=prev_hash,
        )

        audit_entry_out.additional_properties = d
        return audit_entry_out

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
