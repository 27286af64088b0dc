"""Import every table module of the reports service so Alembic sees the whole metadata."""

from sqlmodel import SQLModel

from phaen_reports import tables  # noqa: F401

metadata = SQLModel.metadata
