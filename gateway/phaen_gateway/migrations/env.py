from phaen_common.migrations import run_env
from phaen_gateway import SCHEMA
from phaen_gateway.models import metadata

run_env(metadata, SCHEMA)
