"""The budget service app."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from datetime import timedelta

from fastapi import APIRouter, FastAPI, Request

from phaen_budget.accounts.router import router as accounts_router
from phaen_budget.alerts.router import router as alerts_router
from phaen_budget.audit import heads as audit_heads
from phaen_budget.audit import service as audit
from phaen_budget.audit.router import router as audit_router
from phaen_budget.audit.signing import load_signer
from phaen_budget.config import Settings
from phaen_budget.core.tiers import HttpTierLookup
from phaen_budget.devicekeys.router import router as devicekeys_router
from phaen_budget.expenses.router import router as expenses_router
from phaen_budget.expenses.storage import make_storage
from phaen_budget.grants import errors as grant_errors
from phaen_budget.grants.router import router as grants_router
from phaen_budget.projects.router import router as projects_router
from phaen_budget.proposals.router import router as proposals_router
from phaen_budget.signatories.directory import HttpDirectory
from phaen_budget.signatories.router import router as signatories_router
from phaen_budget.statements.router import router as statements_router
from phaen_budget.tables import outbox
from phaen_budget.tranches.router import router as tranches_router
from phaen_budget.withdrawals import service as withdrawals
from phaen_budget.withdrawals.router import router as withdrawals_router
from phaen_common.errors import ProblemError, register_thai, responses
from phaen_common.outbox import events_router
from phaen_common.web import create_service_app

PREFIX = "/v1/budget"

log = logging.getLogger("phaen.budget")


class MethodNotAllowed(ProblemError):
    status, code, title = 405, "method_not_allowed", "Method not allowed"


def _no_delete_router() -> APIRouter:
    """Nothing is ever deleted here: DELETE on any budget path is a 405."""
    router = APIRouter()

    @router.delete(PREFIX + "/{path:path}", include_in_schema=False, responses=responses(MethodNotAllowed))
    async def no_delete(path: str, request: Request) -> None:
        raise MethodNotAllowed(
            "Nothing is deleted in the budget service: void or cancel instead.", headers={"Allow": "GET, POST, PUT"}
        )

    return router


async def _startup(app: FastAPI) -> None:
    settings: Settings = app.state.settings
    audit.install_hooks()
    if not hasattr(app.state, "tiers"):
        app.state.tiers = HttpTierLookup(settings.registry_url, timeout=settings.registry_timeout_seconds)
    if not hasattr(app.state, "storage"):
        app.state.storage = make_storage(settings.storage_backend, settings.attachments_root())
    if not hasattr(app.state, "audit_signer"):
        app.state.audit_signer = load_signer(settings)
    if settings.audit_head_interval_seconds > 0:
        app.state.audit_head_task = asyncio.create_task(
            audit_heads.sign_periodically(app, settings.audit_head_interval_seconds)
        )
    if not hasattr(app.state, "directory"):
        app.state.directory = HttpDirectory(
            gateway_url=settings.gateway_url,
            registry_url=settings.registry_url,
            client_id=settings.budget_client_id,
            client_secret=settings.budget_client_secret,
            client_secret_file=settings.data_dir / "budget-client-secret",
            timeout=settings.directory_timeout_seconds,
        )
    if settings.expiry_sweep_seconds > 0:
        app.state.expiry_sweep = asyncio.create_task(_sweep(app, timedelta(seconds=settings.expiry_sweep_seconds)))


async def _sweep(app: FastAPI, every: timedelta) -> None:
    """Persist withdrawal expiries in the background (signing an expired one is refused even before)."""
    while True:
        await asyncio.sleep(every.total_seconds())
        try:
            count = await withdrawals.expire_due(db=app.state.db)
            if count:
                log.info("expired %d withdrawals", count)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # the database may be restarting: the next round tries again
            log.warning("withdrawal expiry sweep failed: %s", type(exc).__name__)


async def _shutdown(app: FastAPI) -> None:
    for name in ("audit_head_task", "expiry_sweep"):
        task = getattr(app.state, name, None)
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
    directory = getattr(app.state, "directory", None)
    if isinstance(directory, HttpDirectory):
        await directory.aclose()
    tiers = getattr(app.state, "tiers", None)
    if isinstance(tiers, HttpTierLookup):
        await tiers.aclose()


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the budget service."""
    settings = settings or Settings()
    # Packages whose errors module declares THAI (the others still register theirs on import).
    register_thai(grant_errors.THAI)
    routers = [
        grants_router,
        projects_router,
        tranches_router,
        proposals_router,
        accounts_router,
        signatories_router,
        withdrawals_router,
        devicekeys_router,
        statements_router,
        alerts_router,
        expenses_router,
        audit_router,
        events_router(PREFIX, outbox),
        _no_delete_router(),
    ]
    from phaen_budget.withdrawals.fast import SignFastPath

    return create_service_app(
        name="budget",
        prefix=PREFIX,
        settings=settings,
        routers=routers,
        on_startup=_startup,
        on_shutdown=_shutdown,
        # The co-signature's usual shape, answered before FastAPI's routing (the route stays the documented one).
        after_auth=[(SignFastPath, {})],
        description="Grants, projects, proposals, tranches, co-signed accounts, expenses "
        "and a hash-chained audit trail.",
    )
