"""Print the route tables of docs/CONTRACT.md from the apps themselves (no database needed).

    .venv/bin/python scripts/contract_routes.py > /tmp/routes.md

Each row: method, path, the scopes that may call it (any one of them; "token" = any valid token, "public" = no
token), the summary, and the statuses the OpenAPI documents. Paste the output over the "Routes" section.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI

from phaen_common.web import AuthMiddleware, ScopeGuard


def _routes(routes: list[Any]) -> list[Any]:
    """Every endpoint of an app, through included routers (FastAPI includes them lazily)."""
    out: list[Any] = []
    for route in routes:
        if hasattr(route, "effective_candidates"):
            out.extend(_routes(route.effective_candidates()))
        elif hasattr(route, "dependant") and hasattr(route, "methods"):
            out.append(route)
    return out


def scopes_by_operation(app: FastAPI) -> dict[tuple[str, str], set[str]]:
    """(METHOD, path) -> the scopes any one of which a caller needs (empty: any valid token)."""
    found: dict[tuple[str, str], set[str]] = {}
    for route in _routes(app.routes):
        scopes: set[str] = set()
        stack: list[Any] = [route.dependant]
        while stack:
            dep = stack.pop()
            if isinstance(dep.call, ScopeGuard):
                scopes |= dep.call.scopes
            stack.extend(dep.dependencies)
        for method in route.methods:
            found[(method, route.path)] = scopes
    return found


def public_paths(app: FastAPI) -> frozenset[str]:
    """The paths the app's token check lets through without a token."""
    for middleware in app.user_middleware:
        if middleware.cls is AuthMiddleware:
            return frozenset(middleware.kwargs["public_paths"])
    return frozenset()


def table(app: FastAPI, spec: dict[str, Any]) -> list[str]:
    """Markdown rows for every operation in an app's OpenAPI document."""
    scopes = scopes_by_operation(app)
    public = public_paths(app)
    rows = ["| method | path | scope | what | statuses |", "|---|---|---|---|---|"]
    for path, operations in spec["paths"].items():
        for method, op in operations.items():
            if method not in ("get", "post", "put", "patch", "delete"):
                continue
            needed = scopes.get((method.upper(), path), set())
            who = "public" if path in public else " / ".join(f"`{s}`" for s in sorted(needed)) or "any token"
            what = (op.get("summary") or "").replace("|", "/")
            statuses = ", ".join(sorted(op.get("responses", {})))
            rows.append(f"| {method.upper()} | `{path}` | {who} | {what} | {statuses} |")
    return rows


def main() -> None:
    import phaen_budget.main as budget
    import phaen_gateway.main as gateway
    import phaen_registry.main as registry
    import phaen_reports.main as reports
    from phaen_gateway.openapi import own_openapi

    gw = gateway.create_app(gateway.Settings())
    apps = {"Gateway (auth)": (gw, own_openapi(gw))}
    for title, app in (
        ("Registry", registry.create_app(registry.Settings())),
        ("Budget", budget.create_app(budget.Settings())),
        ("Reports", reports.create_app(reports.Settings(feed_enabled=False))),
    ):
        apps[title] = (app, app.openapi())
    for title, (app, spec) in apps.items():
        print(f"### {title}\n")
        print("\n".join(table(app, spec)))
        print()


if __name__ == "__main__":
    main()
