from phaen_budget import SCHEMA
from phaen_budget.models import metadata
from phaen_common.migrations import run_env

run_env(metadata, SCHEMA)
