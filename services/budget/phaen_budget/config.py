"""Settings of the budget service (env prefix PHAEN_)."""

from __future__ import annotations

from phaen_common.settings import CommonSettings


class Settings(CommonSettings):
    """Budget service settings."""

    budget_port: int = 8002
