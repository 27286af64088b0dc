"""Settings of the registry service (env prefix PHAEN_)."""

from __future__ import annotations

from phaen_common.settings import CommonSettings


class Settings(CommonSettings):
    """Registry service settings."""
