from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.import_row_action_type_0 import ImportRowActionType0
from ..models.import_row_status import ImportRowStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.resolve_item import ResolveItem


T = TypeVar("T", bound="ImportRow")


@_attrs_define
class ImportRow:
    """One CSV row: how it resolved and what is wrong with it, if anything.

    Attributes:
        line (int):
        status (ImportRowStatus):
        code (None | str | Unset):
        name_th (None | str | Unset):
        score (float | None | Unset):
        match (None | str | Unset):
        action (ImportRowActionType0 | None | Unset):
        candidates (list[ResolveItem] | Unset):
        errors (list[str] | Unset):
    """

    line: int
    status: ImportRowStatus
    code: None | str | Unset = UNSET
    name_th: None | str | Unset = UNSET
    score: float | None | Unset = UNSET
    match: None | str | Unset = UNSET
    action: ImportRowActionType0 | None | Unset = UNSET
    candidates: list[ResolveItem] | Unset = UNSET
    errors: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        line = self.line

        status = self.status.value

        code: None | str | Unset
        if isinstance(self.code, Unset):
            code = UNSET
        else:
            code = self.code

        name_th: None | str | Unset
        if isinstance(self.name_th, Unset):
            name_th = UNSET
        else:
            name_th = self.name_th

        score: float | None | Unset
        if isinstance(self.score, Unset):
            score = UNSET
        else:
            score = self.score

        match: None | str | Unset
        if isinstance(self.match, Unset):
            match = UNSET
        else:
            match = self.match

        action: None | str | Unset
        if isinstance(self.action, Unset):
            action = UNSET
        elif isinstance(self.action, ImportRowActionType0):
            action = self.action.value
        else:
            action = self.action

        candidates: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.candidates, Unset):
            candidates = []
            for candidates_item_data in self.candidates:
                candidates_item = candidates_item_data.to_dict()
                candidates.append(candidates_item)

        errors: list[str] | Unset = UNSET
        if not isinstance(self.errors, Unset):
            errors = self.errors

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "line": line,
                "status": status,
            }
        )
        if code is not UNSET:
            field_dict["code"] = code
        if name_th is not UNSET:
            field_dict["name_th"] = name_th
        if score is not UNSET:
            field_dict["score"] = score
        if match is not UNSET:
            field_dict["match"] = match
        if action is not UNSET:
            field_dict["action"] = action
        if candidates is not UNSET:
            field_dict["candidates"] = candidates
        if errors is not UNSET:
            field_dict["errors"] = errors

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.resolve_item import ResolveItem  # noqa: PLC0415

        d = dict(src_dict)
        line = d.pop("line")

        status = ImportRowStatus(d.pop("status"))

        def _parse_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        code = _parse_code(d.pop("code", UNSET))

        def _parse_name_th(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name_th = _parse_name_th(d.pop("name_th", UNSET))

        def _parse_score(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        score = _parse_score(d.pop("score", UNSET))

        def _parse_match(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        match = _parse_match(d.pop("match", UNSET))

        def _parse_action(data: object) -> ImportRowActionType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                action_type_0 = ImportRowActionType0(data)

                return action_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ImportRowActionType0 | None | Unset, data)

        action = _parse_action(d.pop("action", UNSET))

        _candidates = d.pop("candidates", UNSET)
        candidates: list[ResolveItem] | Unset = UNSET
        if _candidates is not UNSET:
            candidates = []
            for candidates_item_data in _candidates:
                candidates_item = ResolveItem.from_dict(candidates_item_data)

                candidates.append(candidates_item)

        errors = cast(list[str], d.pop("errors", UNSET))

        import_row = cls(
            line=line,
            status=status,
            code=code,
            name_th=name_th,
            score=score,
            match=match,
            action=action,
            candidates=candidates,
            errors=errors,
        )

        import_row.additional_properties = d
        return import_row

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
