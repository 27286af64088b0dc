"""Production hashes passwords at full argon2id cost; only development may take the tests' cheap setting.

The test stack (tests/e2e_stack.py) and the gateway tests hash with ``FAST_HASHING`` to save time: these tests
make sure that cheapness cannot reach a deployment.
"""

from __future__ import annotations

import pytest
from pydantic import SecretStr, ValidationError

from phaen_gateway.auth.passwords import make_hasher
from phaen_gateway.config import Settings
from phaen_gateway.testing import FAST_HASHING

SECRETS = {
    "admin_password": SecretStr("a-real-admin-secret-1"),
    "reports_client_secret": SecretStr("a-real-reports-secret-1"),
    "budget_client_secret": SecretStr("a-real-budget-secret-1"),
}


async def test_the_default_cost_is_rfc_9106s_second_recommendation() -> None:
    s = Settings(environment="production", **SECRETS)
    assert (s.password_hash_time_cost, s.password_hash_memory_kib, s.password_hash_parallelism) == (3, 65536, 4)
    assert (await make_hasher(s).hash("x")).startswith("$argon2id$v=19$m=65536,t=3,p=4$")


@pytest.mark.parametrize("environment", ["production", "staging", "uat"])
def test_the_tests_cheap_cost_is_refused_outside_development(environment: str) -> None:
    with pytest.raises(ValidationError, match="password hashing cost"):
        Settings(environment=environment, **SECRETS, **FAST_HASHING)


async def test_development_may_take_the_cheap_cost() -> None:
    s = Settings(environment="development", **FAST_HASHING)
    assert (await make_hasher(s).hash("x")).startswith("$argon2id$v=19$m=8192,t=1,p=1$")
