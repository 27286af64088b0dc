from phaen_common.migrations import run_env
from phaen_registry import SCHEMA
from phaen_registry.models import metadata

run_env(metadata, SCHEMA)
