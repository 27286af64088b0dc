"""Settings shared by every Phaen process (env prefix ``PHAEN_``)."""

from __future__ import annotations

from pathlib import Path

from pydantic import SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

KNOWN_DEFAULT_SECRETS = {"", "admin", "password", "changeme", "secret", "phaen"}


class CommonSettings(BaseSettings):
    """Base settings: each service subclasses this and adds its own fields."""

    model_config = SettingsConfigDict(env_prefix="PHAEN_", extra="ignore")

    environment: str = "development"
    database_url: SecretStr | None = None
    data_dir: Path = Path(".data")
    db_pool_size: int = 10
    db_max_overflow: int = 10
    # Seconds a request waits for a pooled connection; then 503 with Retry-After. SQLAlchemy's 30 s: a burst of
    # money requests (hundreds of co-signatures at once) queues for its turn rather than being sent back.
    db_pool_timeout_seconds: float = 30.0

    # Token verification: the gateway is the issuer; services fetch its JWKS.
    jwt_issuer: str = "phaen-gateway"
    jwt_audience: str = "phaen"
    jwt_leeway_seconds: int = 30
    gateway_url: str = "http://127.0.0.1:8000"
    jwks_cache_seconds: int = 300
    # How stale a service's copy of the revocation list may be: a disabled user's token is refused within this.
    revocation_cache_seconds: int = 10

    max_body_bytes: int = 10 * 1024 * 1024
    log_level: str = "INFO"
    # When set, ``GET /metrics`` needs ``Authorization: Bearer <this>`` (Prometheus: ``authorization.credentials``).
    metrics_token: SecretStr | None = None

    @model_validator(mode="after")
    def _bounds(self) -> CommonSettings:
        if not 0 <= self.jwt_leeway_seconds <= 30:
            raise ValueError("jwt_leeway_seconds must be between 0 and 30")
        if not 1 <= self.revocation_cache_seconds <= 30:
            raise ValueError("revocation_cache_seconds must be between 1 and 30 (revocation within 30 s)")
        return self

    @property
    def is_development(self) -> bool:
        """Only ``PHAEN_ENVIRONMENT=development`` (the default) may run with default secrets and cheap hashing."""
        return self.environment.strip().lower() == "development"

    @property
    def is_production(self) -> bool:
        """Every environment that is not development (production, staging, uat, test, ...) is held to production
        rules: a named environment is refused a default, not granted one."""
        return not self.is_development

    def require_database_url(self) -> str:
        """The database URL; a process that needs the database refuses to start without one."""
        if not self.database_url:
            raise RuntimeError("PHAEN_DATABASE_URL is not set (make run sets it for you)")
        return self.database_url.get_secret_value()

    def refuse_default_secret(self, name: str, value: SecretStr | None) -> None:
        """Refuse to start outside development with a missing or well-known secret."""
        if self.is_production and (value is None or value.get_secret_value() in KNOWN_DEFAULT_SECRETS):
            raise ValueError(f"{name} must be set to a real secret outside development")
