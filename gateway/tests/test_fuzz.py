"""Property-based fuzzing of the gateway's own routes from its OpenAPI (schemathesis, real PostgreSQL).

Never a 5xx; every status >= 400 is problem+json; status codes, content types and bodies as documented.
Schemathesis drives the app over ASGI in its own event loop (lifespan included).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from pydantic import SecretStr
from schemathesis.checks import not_a_server_error
from schemathesis.config import SchemathesisConfig
from schemathesis.python import asgi as schemathesis_asgi
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
)

from phaen_gateway.auth.people import KnownPeople
from phaen_gateway.config import Settings
from phaen_gateway.main import create_app
from phaen_gateway.openapi import own_openapi
from phaen_gateway.testing import gateway_settings

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    negative_data_rejection,
]
FUZZ = settings(max_examples=8, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
CONFIG = SchemathesisConfig.from_dict({"phases": {"stateful": {"enabled": False}}})

schema = schemathesis.openapi.from_dict(
    own_openapi(create_app(Settings(database_url=SecretStr("postgresql://fuzz@/collect-only")))), config=CONFIG
)


@pytest.fixture(scope="module")
def gateway_api(gateway_db: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    app = create_app(gateway_settings(gateway_db, data_dir=tmp_path_factory.mktemp("gw-fuzz")))
    app.state.people = KnownPeople()  # no registry here: every person id is unknown (422), never a 503
    schemathesis.openapi.from_asgi("/v1/openapi.json", app, config=CONFIG)
    yield app
    schemathesis_asgi.shutdown_lifespans()


@settings(FUZZ)
@schema.parametrize()
def test_gateway_fuzz(case: Any, gateway_api: Any, admin_headers: dict[str, str]) -> None:
    response = case.call(headers=admin_headers, app=gateway_api)
    case.validate_response(response, checks=CHECKS, headers=admin_headers, transport_kwargs={"app": gateway_api})
    if response.status_code >= 400:
        ctype = (response.headers.get("content-type") or [""])[0]
        assert ctype.startswith("application/problem+json"), (
            f"{case.method} {case.formatted_path} -> {response.status_code} with {ctype!r}: {response.text[:300]}"
        )
