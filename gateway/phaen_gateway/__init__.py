"""Phaen gateway: identity (users, partner clients, tokens, signing keys) and routing to the services."""

from pathlib import Path

SCHEMA = "gateway"
MIGRATIONS_DIR = Path(__file__).parent / "migrations"
