"""Settings of the budget service (env prefix PHAEN_)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from pydantic import SecretStr

from phaen_common.settings import CommonSettings


class Settings(CommonSettings):
    """Budget service settings."""

    # The registry answers tambon tiers (GET {registry_url}/v1/registry/tambons/{code}).
    registry_url: str = "http://127.0.0.1:8001"
    registry_timeout_seconds: float = 3.0

    # Routing (seed §1.4): a standard proposal within its tier's standard amount stays regional.
    standard_amount_pilot: Decimal = Decimal("20000.00")
    standard_amount_model: Decimal = Decimal("45000.00")

    # Evidence attachments (photo or PDF of the paper).
    attachment_max_bytes: int = 10 * 1024 * 1024
    attachments_dir: Path | None = None  # default: $PHAEN_DATA_DIR/attachments
    storage_backend: str = "local"  # only "local" is built; see expenses/storage.py for the S3 extension point

    # Bank statements: a debit matches a ledger entry of the same amount booked within this many days; the
    # body may be at most this large (camt.053 of a busy month is well under 1 MB).
    statement_match_window_days: int = 3
    statement_max_bytes: int = 5 * 1024 * 1024

    # Ed25519 private key (PEM) that signs the audit head; generated under data_dir on first use if unset.
    audit_signing_key: SecretStr | None = None
    # The audit head is signed (kept, published, anchored outside the database) this often when the chain
    # has moved, and on every GET /v1/budget/audit/head; 0 turns the periodic signing off.
    audit_head_interval_seconds: float = 60.0

    def tier_standards(self) -> dict[str, Decimal]:
        """The standard amount per tambon tier (tiers without one always route nationally)."""
        return {"pilot": self.standard_amount_pilot, "model": self.standard_amount_model}

    def attachments_root(self) -> Path:
        return self.attachments_dir or (self.data_dir / "attachments")
