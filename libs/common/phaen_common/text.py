"""Request text that PostgreSQL can store: no NUL, no unpaired surrogates (both were 500s on write)."""

from __future__ import annotations

from typing import Annotated, Any

import orjson
from pydantic import AfterValidator, BaseModel, model_validator

# How deep a request body may nest (objects and arrays), and how large the free-form part of a stored body
# (the extra fields a model allows) may be once serialised. An activity report nested hundreds of levels
# deep was a 500 (the audit digest's encoder gives up at 255); one of 9 MB was stored as is.
MAX_JSON_DEPTH = 32
MAX_FREE_FORM_BYTES = 64 * 1024


def json_depth(value: Any) -> int:
    """How deep ``value`` nests (a scalar is 0, ``[]`` is 1); iterative, so any depth is measured safely."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            depth += 1
            stack.extend((v, depth) for v in item.values())
        elif isinstance(item, list | tuple):
            depth += 1
            stack.extend((v, depth) for v in item)
        deepest = max(deepest, depth)
    return deepest


def refuse_unstorable_text(value: Any) -> Any:
    """Raise ValueError for a NUL character (PostgreSQL text cannot hold it) or an unpaired surrogate (not
    encodable as UTF-8) anywhere in ``value``; both were 500s when the row was written."""
    if isinstance(value, str):
        if "\x00" in value:
            raise ValueError("text may not contain the NUL character")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise ValueError("text must be valid Unicode (no unpaired surrogates)") from None
    elif isinstance(value, dict):
        for key, item in value.items():
            refuse_unstorable_text(key)
            refuse_unstorable_text(item)
    elif isinstance(value, list | tuple):
        for item in value:
            refuse_unstorable_text(item)
    return value


class Input(BaseModel):
    """A request body (checked as a whole before field validation)."""

    @model_validator(mode="before")
    @classmethod
    def _storable_text(cls, data: Any) -> Any:
        if json_depth(data) > MAX_JSON_DEPTH:
            raise ValueError(f"the body may nest at most {MAX_JSON_DEPTH} levels deep")
        return refuse_unstorable_text(data)

    @model_validator(mode="after")
    def _bounded_free_form(self) -> Any:
        extra = self.model_extra
        if extra and len(orjson.dumps(extra, default=str)) > MAX_FREE_FORM_BYTES:
            raise ValueError(f"the extra fields may take at most {MAX_FREE_FORM_BYTES} bytes")
        return self


StorableText = Annotated[str, AfterValidator(refuse_unstorable_text)]
"""A query parameter compared in SQL (a NUL in it was a 500)."""
