"""Settings of the reports service (env prefix PHAEN_)."""

from __future__ import annotations

from pydantic import SecretStr, model_validator

from phaen_common.settings import CommonSettings


class Settings(CommonSettings):
    """Reports service settings."""

    # A read replica for the report queries (CloudNativePG's ``-ro`` service); the primary if unset.
    database_read_url: SecretStr | None = None

    # The event feeds this service projects (never their tables).
    registry_url: str = "http://127.0.0.1:8001"
    budget_url: str = "http://127.0.0.1:8002"
    # The gateway client the consumer authenticates as (role service_events -> scope events:read).
    # The gateway's bootstrap creates it under this id; its secret is PHAEN_REPORTS_CLIENT_SECRET, else
    # the one the gateway wrote to $PHAEN_DATA_DIR/reports-client-secret.
    reports_client_id: str = "phaen-reports"
    reports_client_secret: SecretStr | None = None

    # The background consumer; tests turn it off and drive catch-up themselves.
    feed_enabled: bool = True
    feed_poll_seconds: float = 0.5  # while no LISTEN connection, or a source fails
    # With LISTEN/NOTIFY the consumer fetches when a feed has news, and every this many seconds anyway (a missed
    # notification is caught up then).
    feed_listen: bool = True
    feed_fallback_seconds: float = 30.0
    feed_page_size: int = 1000
    feed_timeout_seconds: float = 5.0
    # A source not heard from for this long makes reports say stale: true.
    stale_after_seconds: float = 30.0
    # Rendered documents use this timezone for month boundaries and dates.
    timezone: str = "Asia/Bangkok"

    # Webhooks: the background sender, and its timing (seconds). Loopback targets only in development.
    webhooks_enabled: bool = True
    webhook_poll_seconds: float = 0.5
    webhook_fallback_seconds: float = 30.0  # idle: the longest sleep (retries due sooner wake it sooner)
    webhook_timeout_seconds: float = 10.0
    webhook_retry_base_seconds: float = 5.0
    webhook_retry_max_seconds: float = 3600.0
    webhook_retry_window_seconds: float = 86400.0
    webhook_secret_grace_seconds: float = 86400.0

    @model_validator(mode="after")
    def _feed_bounds(self) -> Settings:
        if not 0.05 <= self.feed_poll_seconds <= 60:
            raise ValueError("feed_poll_seconds must be between 0.05 and 60")
        if not 0.05 <= self.feed_fallback_seconds <= 3600:
            raise ValueError("feed_fallback_seconds must be between 0.05 and 3600")
        if not 1 <= self.feed_page_size <= 1000:
            raise ValueError("feed_page_size must be between 1 and 1000 (the feeds' maximum)")
        if self.reports_client_secret is None:
            path = self.data_dir / "reports-client-secret"
            if path.is_file():
                self.reports_client_secret = SecretStr(path.read_text().strip())
        if self.feed_enabled:
            self.refuse_default_secret("PHAEN_REPORTS_CLIENT_SECRET", self.reports_client_secret)
        return self
