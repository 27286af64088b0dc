"""Phaen reports service."""

from pathlib import Path

SCHEMA = "reports"
MIGRATIONS_DIR = Path(__file__).parent / "migrations"
