"""The docs pages (Swagger UI and ReDoc) served from assets inside an installed package, and ``/``.

Bank and government networks block CDNs, so nothing on these pages may load from outside the gateway: the
JavaScript and CSS come from the ``fastapi-offline`` package (it ships both Swagger UI and ReDoc), served
under ``/v1/docs/assets/``.
"""

from __future__ import annotations

from pathlib import Path

import fastapi_offline
from fastapi import APIRouter
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html, get_swagger_ui_oauth2_redirect_html
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse

ASSETS_DIR = Path(fastapi_offline.__file__).parent / "static"
ASSETS_URL = "/v1/docs/assets"
ASSETS = ("swagger-ui-bundle.js", "swagger-ui.css", "redoc.standalone.js", "favicon.png")
MEDIA_TYPES = {".js": "text/javascript", ".css": "text/css", ".png": "image/png"}
DOCS_URL = "/v1/docs"
REDOC_URL = "/v1/redoc"
OAUTH2_REDIRECT_URL = "/v1/docs/oauth2-redirect"
OPENAPI_URL = "/v1/openapi.json"

PUBLIC_PATHS = frozenset({"/", DOCS_URL, REDOC_URL, OAUTH2_REDIRECT_URL, *(f"{ASSETS_URL}/{name}" for name in ASSETS)})


def docs_router() -> APIRouter:
    """``/`` (to the docs), ``/v1/docs`` (Swagger UI, can log in with OAuth2) and ``/v1/redoc``."""
    router = APIRouter(include_in_schema=False)

    @router.get("/")
    async def root() -> RedirectResponse:
        return RedirectResponse(DOCS_URL, status_code=307)

    @router.get(DOCS_URL)
    async def swagger_ui() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=OPENAPI_URL,
            title="Phaen API",
            oauth2_redirect_url=OAUTH2_REDIRECT_URL,
            swagger_js_url=f"{ASSETS_URL}/swagger-ui-bundle.js",
            swagger_css_url=f"{ASSETS_URL}/swagger-ui.css",
            swagger_favicon_url=f"{ASSETS_URL}/favicon.png",
            swagger_ui_parameters={"persistAuthorization": True, "displayRequestDuration": True},
        )

    @router.get(OAUTH2_REDIRECT_URL)
    async def oauth2_redirect() -> HTMLResponse:
        return get_swagger_ui_oauth2_redirect_html()

    @router.get(REDOC_URL)
    async def redoc() -> HTMLResponse:
        return get_redoc_html(
            openapi_url=OPENAPI_URL,
            title="Phaen API",
            redoc_js_url=f"{ASSETS_URL}/redoc.standalone.js",
            redoc_favicon_url=f"{ASSETS_URL}/favicon.png",
            with_google_fonts=False,
        )

    return router


def _asset_route(router: APIRouter, name: str) -> None:
    path = ASSETS_DIR / name
    media_type = MEDIA_TYPES[path.suffix]

    @router.get(f"{ASSETS_URL}/{name}", name=f"docs-asset-{name}")
    async def asset() -> FileResponse:
        # The assets change only with the package: let browsers and proxies keep them for a day.
        return FileResponse(path, media_type=media_type, headers={"Cache-Control": "public, max-age=86400"})


def docs_routes() -> APIRouter:
    """The docs routes and the packaged assets (one route each: any other asset path is a plain 404)."""
    router = docs_router()
    for name in ASSETS:
        _asset_route(router, name)
    return router
