"""A gateway configured for ``uat`` with the well-known admin password does not start (issue 9)."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from phaen_gateway.config import Settings


def test_uat_with_changeme_refuses_to_start(monkeypatch: pytest.MonkeyPatch) -> None:
    """The case issue 9 found: a gateway configured for uat with the well-known admin password does not start."""
    monkeypatch.setenv("PHAEN_ENVIRONMENT", "uat")
    monkeypatch.setenv("PHAEN_ADMIN_PASSWORD", "changeme")
    with pytest.raises(ValidationError, match="PHAEN_ADMIN_PASSWORD must be set to a real secret"):
        Settings()
    monkeypatch.setenv("PHAEN_ENVIRONMENT", "development")
    assert Settings().admin_password is not None
