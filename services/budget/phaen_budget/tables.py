"""The shared-library tables that live in the budget schema."""

from phaen_budget import SCHEMA
from phaen_common.idempotency import make_idempotency_table
from phaen_common.outbox import make_outbox_table
from phaen_common.ratelimit import make_rate_counter_table

outbox = make_outbox_table(SCHEMA)
idempotency_keys = make_idempotency_table(SCHEMA)
rate_counters = make_rate_counter_table(SCHEMA)
