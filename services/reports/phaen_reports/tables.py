"""The shared-library tables that live in the reports schema."""

from phaen_common.idempotency import make_idempotency_table
from phaen_common.outbox import make_outbox_table
from phaen_reports import SCHEMA

outbox = make_outbox_table(SCHEMA)
idempotency_keys = make_idempotency_table(SCHEMA)
