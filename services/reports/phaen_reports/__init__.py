"""Phaen reports service."""

from pathlib import Path

from phaen_common.db import use_naming_convention

SCHEMA = "reports"
MIGRATIONS_DIR = Path(__file__).parent / "migrations"

# Before any table of this service is defined: constraints get the stable PostgreSQL names.
use_naming_convention()
