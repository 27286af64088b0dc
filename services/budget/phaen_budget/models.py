"""Import every table module of the budget service so Alembic sees the whole metadata."""

from sqlmodel import SQLModel

from phaen_budget import tables  # noqa: F401

metadata = SQLModel.metadata
