"""Does a request go anywhere? An unknown path is a 404, even without a token (not a 401)."""

from __future__ import annotations

from collections.abc import Callable

from starlette.routing import Match
from starlette.types import ASGIApp, Scope


def route_matcher(app: ASGIApp) -> Callable[[Scope], bool]:
    """A check that tells whether any route of ``app`` matches the request's path (any method).

    The token check asks it only for requests it would refuse, so a request with a token pays nothing.
    A path that matches with another method is known: it needs a token and then answers 405.
    """

    def known(scope: Scope) -> bool:
        router = getattr(app, "router", None)
        for route in getattr(router, "routes", ()):
            match, _ = route.matches(scope)
            if match is not Match.NONE:
                return True
        return False

    return known
