"""The common settings: a process that needs the database refuses to start without its URL."""

from __future__ import annotations

import pytest
from pydantic import SecretStr

from phaen_common.settings import CommonSettings


def test_require_database_url_returns_the_url():
    settings = CommonSettings(database_url=SecretStr("postgresql://db/phaen"))
    assert settings.require_database_url() == "postgresql://db/phaen"


@pytest.mark.parametrize("value", [None, SecretStr("")])
def test_require_database_url_refuses_a_missing_url(value):
    with pytest.raises(RuntimeError, match="PHAEN_DATABASE_URL is not set"):
        CommonSettings(database_url=value).require_database_url()
