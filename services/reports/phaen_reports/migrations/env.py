from phaen_common.migrations import run_env
from phaen_reports import SCHEMA
from phaen_reports.models import metadata

run_env(metadata, SCHEMA)
