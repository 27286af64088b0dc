"""Import every table module of the registry service so Alembic sees the whole metadata."""

from sqlmodel import SQLModel

from phaen_registry import tables  # noqa: F401

metadata = SQLModel.metadata
