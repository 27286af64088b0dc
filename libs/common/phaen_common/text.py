"""Request text that PostgreSQL can store: no NUL, no unpaired surrogates (both were 500s on write)."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, model_validator


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
        return refuse_unstorable_text(data)


StorableText = Annotated[str, AfterValidator(refuse_unstorable_text)]
"""A query parameter compared in SQL (a NUL in it was a 500)."""
