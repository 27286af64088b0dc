"""``/healthz`` (alive: cheap, no database) and ``/readyz`` (ready to serve: database, migrations at head, ...).

Kubernetes restarts a pod whose liveness probe fails and takes it out of its Service while its readiness probe
fails: a database outage must do the second, never the first (a restart does not bring the database back).
"""

from __future__ import annotations

import asyncio
import logging
import re
import sys
from collections.abc import Awaitable, Callable
from functools import lru_cache
from pathlib import Path

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import JSONResponse

from phaen_common.errors import problem_body

log = logging.getLogger("phaen.health")

Check = Callable[[FastAPI], Awaitable[bool]]
CHECK_TIMEOUT_SECONDS = 1.5  # under the readiness probe's 2 s timeout


async def database_check(app: FastAPI) -> bool:
    """The service's database answers."""
    return bool(await app.state.db.ping())


@lru_cache(maxsize=8)
def _heads(migrations_dir: str) -> frozenset[str]:
    """The tree's heads, read from the revision files' ``revision``/``down_revision`` lines (Alembic itself, which
    imports every revision module, only if a file does not declare them plainly): Alembic cost 0.2-0.5 s of CPU
    per process on the first ``/readyz``, longer than the check's timeout on a busy machine."""
    return _declared_heads(Path(migrations_dir)) or _alembic_heads(migrations_dir)


def _alembic_heads(migrations_dir: str) -> frozenset[str]:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", migrations_dir)
    return frozenset(ScriptDirectory.from_config(cfg).get_heads())


_DECLARED = re.compile(r"^(revision|down_revision)\s*(?::[^=]*)?=\s*(.+?)\s*$", re.MULTILINE)


def _declared_heads(migrations_dir: Path) -> frozenset[str] | None:
    """Revisions no other revision names as its ``down_revision``; None when a file is not plain enough."""
    import ast

    revisions: set[str] = set()
    parents: set[str] = set()
    for path in sorted((migrations_dir / "versions").glob("*.py")):
        found: dict[str, object] = {}
        for match in _DECLARED.finditer(path.read_text()):
            try:
                found.setdefault(match[1], ast.literal_eval(match[2]))
            except (ValueError, SyntaxError):
                return None
        revision, down = found.get("revision"), found.get("down_revision", ...)
        if not isinstance(revision, str) or down is ...:
            return None
        revisions.add(revision)
        if isinstance(down, str):
            parents.add(down)
        elif isinstance(down, tuple | list) and all(isinstance(d, str) for d in down):
            parents.update(down)  # a merge revision
        elif down is not None:
            return None
    return frozenset(revisions - parents) or None


def migrations_check(migrations_dir: Path, schema: str) -> Check:
    """The schema's Alembic version is the code's head (a pod of a newer release waits for its migration)."""
    from sqlalchemy import text

    sql = text(f'SELECT version_num FROM "{schema}".alembic_version')  # noqa: S608 (our own schema name)

    async def check(app: FastAPI) -> bool:
        async with app.state.db.engine.connect() as conn:
            current = {row[0] for row in (await conn.execute(sql)).all()}
        return current == _heads(str(migrations_dir))

    return check


def default_checks(name: str) -> dict[str, Check]:
    """The database, and the migrations when the service package ``phaen_<name>`` declares its tree."""
    checks: dict[str, Check] = {"database": database_check}
    package = sys.modules.get(f"phaen_{name}")
    migrations_dir = getattr(package, "MIGRATIONS_DIR", None)
    schema = getattr(package, "SCHEMA", None)
    if migrations_dir is not None and schema is not None:
        checks["migrations"] = migrations_check(Path(migrations_dir), schema)
    return checks


async def _run(check: Check, app: FastAPI) -> bool:
    try:
        return await asyncio.wait_for(check(app), CHECK_TIMEOUT_SECONDS)
    except Exception as exc:  # a failing check means "not ready", whatever it raised
        log.warning("readiness check failed: %s", type(exc).__name__)
        return False


def health_router() -> APIRouter:
    """``GET /healthz`` and ``GET /readyz`` (``app.state.readiness_checks`` gate, ``app.state.readiness_info``
    is reported without gating)."""
    router = APIRouter(tags=["health"])

    @router.get("/healthz")
    async def healthz() -> JSONResponse:
        """Alive: the process answers (no database call; the readiness probe checks that)."""
        return JSONResponse({"status": "ok"})

    @router.get("/readyz", include_in_schema=False)
    async def readyz(request: Request) -> JSONResponse:
        app = request.app
        gating: dict[str, Check] = getattr(app.state, "readiness_checks", {})
        info: dict[str, Check] = getattr(app.state, "readiness_info", {})
        names = [*gating, *info]
        results = await asyncio.gather(*(_run(c, app) for c in [*gating.values(), *info.values()]))
        checks = {n: ("ok" if ok else "failing") for n, ok in zip(names, results, strict=True)}
        if all(results[: len(gating)]):
            return JSONResponse({"status": "ok", "checks": checks}, headers={"Cache-Control": "no-store"})
        failing = ", ".join(n for n in gating if checks[n] != "ok")
        body = problem_body(
            status=503,
            code="service_unavailable",
            title="Service temporarily unavailable",
            detail=f"Not ready: {failing}.",
            instance="/readyz",
        )
        return JSONResponse(
            {**body, "checks": checks},
            status_code=503,
            media_type="application/problem+json",
            headers={"Retry-After": "1"},
        )

    return router


def install_health(app: FastAPI, *, name: str) -> None:
    """The two probes, with the service's default readiness checks (an app may add its own)."""
    app.state.readiness_checks = default_checks(name)
    app.state.readiness_info = {}
    app.include_router(health_router())
