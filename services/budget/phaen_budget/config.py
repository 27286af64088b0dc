"""Settings of the budget service (env prefix PHAEN_)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from pydantic import SecretStr, model_validator

from phaen_common.settings import CommonSettings


class Settings(CommonSettings):
    """Budget service settings."""

    # The registry answers tambon tiers (GET {registry_url}/v1/registry/tambons/{code}).
    registry_url: str = "http://127.0.0.1:8001"
    registry_timeout_seconds: float = 3.0

    # Routing (seed §1.4): a standard proposal within its tier's standard amount stays regional.
    standard_amount_pilot: Decimal = Decimal("20000.00")
    standard_amount_model: Decimal = Decimal("45000.00")

    # A bank fee (recorded by the account's own bank, owed back by CODI) is at most this much each.
    fee_max_amount: Decimal = Decimal("500.00")

    # Evidence attachments (photo or PDF of the paper).
    attachment_max_bytes: int = 10 * 1024 * 1024
    attachments_dir: Path | None = None  # default: $PHAEN_DATA_DIR/attachments
    storage_backend: str = "local"  # only "local" is built; see expenses/storage.py for the S3 extension point

    # Bank statements: a debit matches a ledger entry of the same amount booked within this many days; the
    # body may be at most this large (camt.053 of a busy month is well under 1 MB).
    statement_match_window_days: int = 3
    statement_max_bytes: int = 5 * 1024 * 1024

    # Signatories are checked with the gateway (users) and the registry (persons) as the internal client
    # ``phaen-budget``; the gateway's set-up creates it and writes its secret to
    # $PHAEN_DATA_DIR/budget-client-secret unless PHAEN_BUDGET_CLIENT_SECRET is set.
    budget_client_id: str = "phaen-budget"
    budget_client_secret: SecretStr | None = None
    directory_timeout_seconds: float = 5.0

    # An unpaid withdrawal expires this long after its request (ISO 8601 duration or seconds, e.g. P30D);
    # the sweep persists expiries every ``expiry_sweep_seconds`` (0: no sweep; access still refuses).
    withdrawal_expiry: dt.timedelta = dt.timedelta(days=30)
    expiry_sweep_seconds: float = 60.0

    # Ed25519 private key (PEM) that signs the audit head; generated under data_dir on first use if unset.
    audit_signing_key: SecretStr | None = None
    # The audit head is signed (kept, published, anchored outside the database) this often when the chain
    # has moved, and on every GET /v1/budget/audit/head; 0 turns the periodic signing off.
    audit_head_interval_seconds: float = 60.0

    @model_validator(mode="after")
    def _signatory_bounds(self) -> Settings:
        if self.withdrawal_expiry < dt.timedelta(seconds=1):
            raise ValueError("withdrawal_expiry must be at least one second")
        if self.expiry_sweep_seconds < 0:
            raise ValueError("expiry_sweep_seconds must not be negative")
        if self.budget_client_secret is None:
            path = self.data_dir / "budget-client-secret"
            if path.is_file():
                self.budget_client_secret = SecretStr(path.read_text().strip())
        if self.budget_client_secret is not None:
            self.refuse_default_secret("PHAEN_BUDGET_CLIENT_SECRET", self.budget_client_secret)
        return self

    def tier_standards(self) -> dict[str, Decimal]:
        """The standard amount per tambon tier (tiers without one always route nationally)."""
        return {"pilot": self.standard_amount_pilot, "model": self.standard_amount_model}

    def attachments_root(self) -> Path:
        return self.attachments_dir or (self.data_dir / "attachments")
