"""``python -m phaen_budget.setup``: run the budget service's migrations (idempotent)."""

from __future__ import annotations

import sys

from phaen_budget import MIGRATIONS_DIR, SCHEMA
from phaen_budget.config import Settings
from phaen_common.migrations import upgrade


def main() -> int:
    settings = Settings()
    if settings.database_url is None:
        print("PHAEN_DATABASE_URL is not set", file=sys.stderr)
        return 2
    upgrade(MIGRATIONS_DIR, settings.database_url.get_secret_value(), SCHEMA)
    print("budget: migrations at head")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
