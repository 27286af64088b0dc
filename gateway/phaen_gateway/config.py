"""Settings of the gateway (env prefix PHAEN_)."""

from __future__ import annotations

from pydantic import SecretStr, model_validator

from phaen_common.settings import CommonSettings

# The hard cap on an access token's life: TokenVerifier refuses longer-lived tokens anyway.
MAX_ACCESS_TOKEN_TTL = 3600
UPSTREAMS = ("registry", "budget", "reports")
# Paths outside a service's own prefix, and the service that answers them (webhooks and events live in reports).
ROUTED = {"/v1/webhooks/{path:path}": "reports", "/v1/asyncapi.json": "reports"}
# Their API paths belong in the aggregated OpenAPI with the service's own.
ROUTED_API_PREFIXES = {"/v1/webhooks/": "reports"}


class Settings(CommonSettings):
    """Gateway settings."""

    admin_password: SecretStr | None = None
    # The internal client the reports service uses to read the event feeds (client_id ``phaen-reports``).
    reports_client_secret: SecretStr | None = None
    # The internal client the budget service uses to check signatories (client_id ``phaen-budget``).
    budget_client_secret: SecretStr | None = None

    registry_url: str = "http://127.0.0.1:8001"
    budget_url: str = "http://127.0.0.1:8002"
    reports_url: str = "http://127.0.0.1:8003"
    # Per-route upstream timeouts (seconds to wait for the service to answer). Reads and money actions answer
    # in milliseconds, so a frozen service is a 504 within seconds; only rendered documents (PDF, XLSX, the
    # audit package) get the long one.
    registry_timeout: float = 5.0
    budget_timeout: float = 10.0
    reports_timeout: float = 10.0
    document_timeout: float = 60.0
    upstream_connect_timeout: float = 2.0
    # Idle upstream connections are dropped before the services' own keep-alive (uvicorn: 5 s) can close them
    # under the gateway: a connection closed by the server just as it is reused would be a needless 503.
    upstream_keepalive_seconds: float = 4.0
    openapi_fetch_timeout: float = 15.0  # a service builds its document on first request: seconds on a busy host
    # Linking a user to a registry person asks the registry (before anything is written).
    person_check_timeout: float = 5.0
    upstream_retry_after: int = 5

    access_token_ttl: int = 900
    refresh_token_ttl: int = 7 * 24 * 3600
    # How often the gateway re-reads signing keys from the database (another instance may rotate them).
    key_reload_seconds: int = 30
    # A rotated-in key signs only once this old: longer than the services' 5 s JWKS refetch floor.
    key_activation_delay_seconds: float = 10.0

    # argon2id cost (RFC 9106 second recommendation by default); tests lower it, production may not.
    password_hash_time_cost: int = 3
    password_hash_memory_kib: int = 65536
    password_hash_parallelism: int = 4

    # Browser origins allowed to call the API (CORS). Empty: no cross-origin browser access at all.
    cors_allow_origins: tuple[str, ...] = ()

    # Abuse limits (``limits`` rate strings; counts shared by every replica through PostgreSQL).
    login_limit_account_address: str = "5/5 minutes"
    login_limit_address: str = "30/5 minutes"
    login_limit_account: str = "50/10 minutes"
    client_rate_limit: str = "1200/minute"
    # Password hashes at once per process (argon2id at 64 MiB ~175 ms each), and how many may wait.
    password_hash_concurrency: int = 2
    password_hash_queue: int = 16

    @model_validator(mode="after")
    def _gateway_bounds(self) -> Settings:
        from limits import parse

        for name in ("login_limit_account_address", "login_limit_address", "login_limit_account", "client_rate_limit"):
            item = parse(getattr(self, name))
            if item.get_expiry() > 3600:
                raise ValueError(f"{name}: a window longer than an hour would lock people out for too long")
        for origin in self.cors_allow_origins:
            if origin == "*" or not origin.startswith(("https://", "http://")) or origin.endswith("/"):
                raise ValueError(f"cors_allow_origins: {origin!r} is not an origin like https://app.example.org")
        if not 1 <= self.password_hash_concurrency <= 64 or not 0 <= self.password_hash_queue <= 1024:
            raise ValueError("password_hash_concurrency must be 1-64 and password_hash_queue 0-1024")
        if not 60 <= self.access_token_ttl <= MAX_ACCESS_TOKEN_TTL:
            raise ValueError("access_token_ttl must be between 60 and 3600 seconds")
        if not 0 <= self.key_activation_delay_seconds <= 60:
            raise ValueError("key_activation_delay_seconds must be between 0 and 60")
        if self.refresh_token_ttl < self.access_token_ttl:
            raise ValueError("refresh_token_ttl must not be shorter than access_token_ttl")
        for name in (*UPSTREAMS, "document"):
            if getattr(self, f"{name}_timeout") <= 0:
                raise ValueError(f"{name}_timeout must be positive")
        if self.is_production and (self.password_hash_memory_kib < 19456 or self.password_hash_time_cost < 2):
            raise ValueError("password hashing cost is below the OWASP minimum (19 MiB, t=2)")
        # Unset secrets are generated at bootstrap; a well-known one is refused outside development.
        for name in ("admin_password", "reports_client_secret", "budget_client_secret"):
            value = getattr(self, name)
            if value is not None:
                self.refuse_default_secret(f"PHAEN_{name.upper()}", value)
        return self

    def upstream(self, name: str, *, document: bool = False) -> tuple[str, float]:
        """Base URL and read timeout of one upstream service (the long one for a rendered document)."""
        timeout = float(getattr(self, f"{name}_timeout"))
        if document:
            timeout = max(timeout, self.document_timeout)
        return getattr(self, f"{name}_url").rstrip("/"), timeout

    @property
    def gateway_revocation_cache_seconds(self) -> float:
        """The gateway reads its own list from the database: a few seconds at most."""
        return float(min(self.revocation_cache_seconds, 5))
