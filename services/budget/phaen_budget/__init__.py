"""Phaen budget service."""

from pathlib import Path

SCHEMA = "budget"
MIGRATIONS_DIR = Path(__file__).parent / "migrations"
