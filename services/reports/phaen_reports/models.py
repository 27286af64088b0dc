"""Import every table module of the reports service so Alembic sees the whole metadata."""

from sqlmodel import SQLModel

from phaen_reports.projections import models as projection_models  # noqa: F401
from phaen_reports.webhooks import models as webhook_models  # noqa: F401

metadata = SQLModel.metadata
