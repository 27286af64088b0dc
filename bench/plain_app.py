"""A plain FastAPI endpoint, the floor every figure is compared with (served by uvicorn as ``make run`` serves).

Command: ``python -m uvicorn plain_app:create_app --factory`` (from ``bench/``).
"""

from __future__ import annotations

from fastapi import FastAPI


def create_app() -> FastAPI:
    app = FastAPI()

    @app.get("/plain")
    async def plain() -> dict[str, str]:
        return {"code": "100101", "name_en": "Phra Borom Maha Ratchawang", "region": "central"}

    @app.get("/healthz")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    return app
