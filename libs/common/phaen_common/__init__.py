"""The small library every Phaen process shares: settings, database, errors, money, auth, outbox."""

from sqlmodel import SQLModel

from phaen_common.db import NAMING_CONVENTION

SQLModel.metadata.naming_convention = NAMING_CONVENTION
