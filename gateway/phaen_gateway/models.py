"""Import every table module of the gateway so Alembic sees the whole metadata."""

from sqlmodel import SQLModel

from phaen_gateway.auth import limits, models  # noqa: F401

metadata = SQLModel.metadata
