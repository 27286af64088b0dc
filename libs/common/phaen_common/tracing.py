"""OpenTelemetry tracing, only when the ``OTEL_*`` settings ask for it; otherwise nothing is imported.

Set ``OTEL_EXPORTER_OTLP_ENDPOINT`` (or ``OTEL_EXPORTER_OTLP_TRACES_ENDPOINT``, or ``OTEL_TRACES_EXPORTER=otlp``
or ``console``) and each process sends spans: the request (named by its route template), the calls it makes
(the gateway's proxy, the reports service's feeds) and its SQL. ``OTEL_SDK_DISABLED=true`` or
``OTEL_TRACES_EXPORTER=none`` turn it off again. The SDK lives in ``phaen_common.otel``, imported only here.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from fastapi import FastAPI

_ENDPOINTS = ("OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")


def tracing_requested(environ: Mapping[str, str] | None = None) -> bool:
    """True when the ``OTEL_*`` settings ask for traces."""
    env = os.environ if environ is None else environ
    if env.get("OTEL_SDK_DISABLED", "").strip().lower() == "true":
        return False
    exporter = env.get("OTEL_TRACES_EXPORTER", "").strip().lower()
    if exporter == "none":
        return False
    return exporter in ("otlp", "console") or any(env.get(name, "").strip() for name in _ENDPOINTS)


def install_tracing(app: FastAPI, *, service: str) -> bool:
    """Trace ``app`` if asked (outermost middleware); returns whether it did."""
    if not tracing_requested():
        return False
    from phaen_common import otel

    otel.install(app, service=service)
    return True
