"""Schemathesis over the budget service's own OpenAPI, in-process on the real database, as admin.

Never a 5xx; every status, content type and body as documented; every error a problem+json.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.config import SchemathesisConfig
from schemathesis.python import asgi as schemathesis_asgi
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
)

from phaen_budget.main import create_app
from phaen_budget.signatories.directory import FixedDirectory

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    negative_data_rejection,
]


@pytest.fixture(scope="module", autouse=True)
def _stop_apps() -> Iterator[None]:
    yield
    schemathesis_asgi.shutdown_lifespans()


@pytest.fixture(scope="module")
def budget_api(settings, keys, tiers) -> Any:
    app = create_app(settings)
    app.state.verifier = keys.verifier()
    app.state.tiers = tiers
    app.state.directory = FixedDirectory(everyone=True)
    config = SchemathesisConfig.from_dict({"phases": {"stateful": {"enabled": False}}})
    return schemathesis.openapi.from_asgi("/v1/budget/openapi.json", app, config=config)


def test_budget_fuzz(budget_api: Any, keys) -> None:
    """Every operation, a few generated cases each (schemathesis' pytest plugin needs pytest < 9)."""
    headers = keys.auth(roles=["admin"], sub="fuzz-admin")
    operations = [result.ok() for result in budget_api.get_all_operations()]
    assert len(operations) > 30

    for operation in operations:

        @settings(max_examples=10, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
        @given(case=operation.as_strategy())
        def check(case: Any) -> None:
            response = case.call(headers=headers)
            case.validate_response(response, checks=CHECKS, headers=headers)
            if response.status_code >= 400:
                ctype = (response.headers.get("content-type") or [""])[0]
                assert ctype.startswith("application/problem+json"), (
                    case.method,
                    case.formatted_path,
                    response.text[:300],
                )

        check()
