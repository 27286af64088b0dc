"""Phaen registry service."""

from pathlib import Path

SCHEMA = "registry"
MIGRATIONS_DIR = Path(__file__).parent / "migrations"
