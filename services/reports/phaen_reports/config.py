"""Settings of the reports service (env prefix PHAEN_)."""

from __future__ import annotations

from phaen_common.settings import CommonSettings


class Settings(CommonSettings):
    """Reports service settings."""

    reports_port: int = 8003
