"""Import every table module of the registry service so Alembic sees the whole metadata."""

from sqlmodel import SQLModel

from phaen_registry import tables  # noqa: F401
from phaen_registry.committees import models as _committees  # noqa: F401
from phaen_registry.facilitators import models as _facilitators  # noqa: F401
from phaen_registry.geography import models as _geography  # noqa: F401
from phaen_registry.partners import models as _partners  # noqa: F401
from phaen_registry.people import models as _people  # noqa: F401
from phaen_registry.tambons import models as _tambons  # noqa: F401

metadata = SQLModel.metadata
