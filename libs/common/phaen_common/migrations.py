"""Alembic: one tree per service, each in its own PostgreSQL schema with its own version table."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import MetaData, create_engine, text

from phaen_common.db import to_sync_url


def alembic_config(migrations_dir: Path, url: str, schema: str) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir))
    cfg.set_main_option("sqlalchemy.url", to_sync_url(url).replace("%", "%%"))
    cfg.attributes["schema"] = schema
    return cfg


def upgrade(migrations_dir: Path, url: str, schema: str, revision: str = "head") -> None:
    """Run ``alembic upgrade head`` for one service."""
    from alembic import command

    command.upgrade(alembic_config(migrations_dir, url, schema), revision)


def compare_options(schema: str) -> dict[str, Any]:
    """Alembic options that confine autogenerate (and the drift check) to one service's schema."""

    def include_object(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
        if type_ == "table":
            return getattr(obj, "schema", None) == schema
        return True

    def include_name(name: str | None, type_: str, parent_names: Any) -> bool:
        if type_ == "schema":
            return name == schema
        return True

    return {
        "version_table_schema": schema,
        "include_schemas": True,
        "include_object": include_object,
        "include_name": include_name,
        "compare_type": True,
    }


def drift(url: str, schema: str, metadata: MetaData) -> list[Any]:
    """What ``alembic revision --autogenerate`` would write for one migrated schema: empty when the models match."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    engine = create_engine(to_sync_url(url))
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"target_metadata": metadata, **compare_options(schema)})
            return list(compare_metadata(context, metadata))
    finally:
        engine.dispose()


def run_env(metadata: MetaData, schema: str) -> None:
    """The body of every service's ``migrations/env.py`` (online mode, psycopg)."""
    from alembic import context

    config = context.config
    schema = config.attributes.get("schema", schema)
    url = config.get_main_option("sqlalchemy.url")
    if not url:
        import os

        env_url = os.environ.get("PHAEN_DATABASE_URL")
        if not env_url:
            raise RuntimeError("set PHAEN_DATABASE_URL to run alembic by hand")
        url = to_sync_url(env_url)
    engine = create_engine(url)

    with engine.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{schema}"'))
        conn.commit()
        context.configure(
            connection=conn,
            target_metadata=metadata,
            **compare_options(schema),
        )
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()
