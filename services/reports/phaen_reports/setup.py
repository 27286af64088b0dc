"""``python -m phaen_reports.setup``: run the reports service's migrations (idempotent)."""

from __future__ import annotations

import sys

from phaen_common.migrations import upgrade
from phaen_reports import MIGRATIONS_DIR, SCHEMA
from phaen_reports.config import Settings


def main() -> int:
    settings = Settings(feed_enabled=False)
    if settings.database_url is None:
        print("PHAEN_DATABASE_URL is not set", file=sys.stderr)
        return 2
    upgrade(MIGRATIONS_DIR, settings.database_url.get_secret_value(), SCHEMA)
    print(f"schema {SCHEMA} migrated")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
