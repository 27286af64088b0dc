from phaen_common.migrations import run_env

from phaen_budget import SCHEMA
from phaen_budget.models import metadata

run_env(metadata, SCHEMA)
