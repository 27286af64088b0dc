"""Only ``PHAEN_ENVIRONMENT=development`` may keep a default or well-known secret (issue 9)."""

from __future__ import annotations

import pytest
from pydantic import SecretStr

from phaen_common.settings import CommonSettings


@pytest.mark.parametrize("environment", ["uat", "staging", "production", "prod", "test", "qa", "dev", ""])
@pytest.mark.parametrize("secret", [None, SecretStr("changeme"), SecretStr("")])
def test_every_environment_but_development_refuses_a_default_secret(environment: str, secret: SecretStr | None) -> None:
    settings = CommonSettings(environment=environment)
    assert settings.is_production
    with pytest.raises(ValueError, match="PHAEN_X must be set to a real secret"):
        settings.refuse_default_secret("PHAEN_X", secret)


@pytest.mark.parametrize("environment", ["development", "Development", " development "])
def test_development_keeps_a_default_secret(environment: str) -> None:
    settings = CommonSettings(environment=environment)
    assert settings.is_development and not settings.is_production
    settings.refuse_default_secret("PHAEN_X", SecretStr("changeme"))
    settings.refuse_default_secret("PHAEN_X", None)


def test_a_real_secret_passes_everywhere() -> None:
    for environment in ("uat", "production", "development"):
        CommonSettings(environment=environment).refuse_default_secret("PHAEN_X", SecretStr("s3cret-from-the-vault-9f2"))
