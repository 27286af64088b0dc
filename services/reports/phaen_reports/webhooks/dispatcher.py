"""Sending queued deliveries: signed per Standard Webhooks, in order per subject, retried with backoff.

Each round claims due deliveries (the oldest pending one of each subscription and subject only) with a
lease, so several processes never send the same delivery at once and no row lock is held across the HTTP
call. A 2xx answer delivers it; anything else (an error status, a timeout, a refused connection) schedules a
retry, ``base * 2^(attempts-1)`` seconds later (capped, with jitter), until the retry window (24 h by
default) has passed: then the delivery fails, its subscription is disabled and an alert is raised.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import logging
import random
import time
from dataclasses import dataclass
from typing import Any

import aiohttp
from sqlalchemy import insert, select, text, update
from sqlalchemy.ext.asyncio import AsyncSession
from standardwebhooks import Webhook

from phaen_common.auth import RevocationSource
from phaen_common.db import Database
from phaen_common.events.envelope import STRUCTURED_CONTENT_TYPE
from phaen_reports import SCHEMA
from phaen_reports.webhooks.models import WebhookAttempt, WebhookDelivery, WebhookSubscription
from phaen_reports.webhooks.ssrf import GuardedResolver, Refused, parse_target

log = logging.getLogger("phaen.reports.webhooks")

_delivery = WebhookDelivery.__table__  # type: ignore[attr-defined]
_attempt = WebhookAttempt.__table__  # type: ignore[attr-defined]
_subscription = WebhookSubscription.__table__  # type: ignore[attr-defined]

# The oldest pending delivery of each (subscription, subject) that is due, of an active subscription.
_CLAIM = text(f"""
    WITH due AS (
        SELECT d.id FROM "{SCHEMA}".webhook_delivery d
        JOIN "{SCHEMA}".webhook_subscription s ON s.id = d.subscription_id AND s.status = 'active'
        WHERE d.status = 'pending' AND d.next_attempt_at <= now()
          AND NOT EXISTS (
              SELECT 1 FROM "{SCHEMA}".webhook_delivery e
              WHERE e.subscription_id = d.subscription_id AND e.subject = d.subject
                AND e.status = 'pending' AND e.seq < d.seq)
        ORDER BY d.seq LIMIT :n
        FOR UPDATE OF d SKIP LOCKED)
    UPDATE "{SCHEMA}".webhook_delivery w SET next_attempt_at = now() + CAST(:lease AS interval)
    FROM due WHERE w.id = due.id
    RETURNING w.id, w.subscription_id, w.event_id, w.body, w.attempts, w.window_from, w.seq
""")  # noqa: S608  (identifiers are our own schema name)


_NEXT_DUE = text(f"""
    SELECT min(d.next_attempt_at) - now() FROM "{SCHEMA}".webhook_delivery d
    JOIN "{SCHEMA}".webhook_subscription s ON s.id = d.subscription_id AND s.status = 'active'
    WHERE d.status = 'pending'
""")  # noqa: S608  (identifiers are our own schema name)


@dataclass(frozen=True)
class Policy:
    """Timing of deliveries and retries (durations, never amounts)."""

    timeout: dt.timedelta = dt.timedelta(seconds=10)
    retry_base: dt.timedelta = dt.timedelta(seconds=5)
    retry_max: dt.timedelta = dt.timedelta(hours=1)
    window: dt.timedelta = dt.timedelta(hours=24)
    poll: dt.timedelta = dt.timedelta(seconds=0.5)  # the shortest sleep between rounds
    fallback: dt.timedelta = dt.timedelta(seconds=30)  # the longest: another replica's delivery waits at most this
    batch: int = 50
    development: bool = True

    def backoff(self, attempts: int) -> dt.timedelta:
        """The wait before the next try after ``attempts`` failed ones (exponential, +-10 % jitter)."""
        delay = min(self.retry_base * 2 ** max(attempts - 1, 0), self.retry_max)
        return delay * random.uniform(0.9, 1.1)  # noqa: S311  (jitter, not security)


def sign(*, secrets: list[str], msg_id: str, at: dt.datetime, body: str) -> str:
    """The ``webhook-signature`` header: one ``v1,<sig>`` per valid secret (during rotation, two)."""
    return " ".join(Webhook(secret).sign(msg_id=msg_id, timestamp=at, data=body) for secret in secrets)


def secrets_of(sub: Any, now: dt.datetime) -> list[str]:
    out = [sub.secret]
    if sub.previous_secret and sub.previous_secret_until and sub.previous_secret_until > now:
        out.append(sub.previous_secret)
    return out


class AppRevocations:
    """The revocation list of the app's token verifier (set after start-up), looked up at each check."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def is_revoked(self, sub: str, iat: int | None = None) -> bool:
        source = getattr(getattr(self.app.state, "verifier", None), "revocations", None)
        return bool(source is not None and await source.is_revoked(sub, iat))


class Dispatcher:
    """Delivers queued webhooks in the background (started by the app's lifespan)."""

    def __init__(self, db: Database, policy: Policy, revocations: RevocationSource | None = None) -> None:
        self.db = db
        self.policy = policy
        # The gateway's revocation list: a subscriber whose client or user is disabled stops receiving.
        self.revocations = revocations
        self._task: asyncio.Task[None] | None = None
        self._http: aiohttp.ClientSession | None = None
        self._wake = asyncio.Event()

    def _client(self) -> aiohttp.ClientSession:
        if self._http is None or self._http.closed:
            connector = aiohttp.TCPConnector(resolver=GuardedResolver(development=self.policy.development), limit=50)
            self._http = aiohttp.ClientSession(connector=connector, trust_env=False)
        return self._http

    async def run_once(self) -> int:
        """Claim due deliveries and send them (different subjects at once). Returns how many were tried."""
        async with self.db.sessionmaker() as session, session.begin():
            claimed = (
                (
                    await session.execute(
                        _CLAIM, {"n": self.policy.batch, "lease": self.policy.timeout + dt.timedelta(seconds=30)}
                    )
                )
                .mappings()
                .all()
            )
            if not claimed:
                return 0
            subs = {
                s.id: s
                for s in (
                    await session.execute(
                        select(WebhookSubscription).where(
                            WebhookSubscription.id.in_({c["subscription_id"] for c in claimed})  # type: ignore[attr-defined]
                        )
                    )
                ).scalars()
            }
        revoked = {sid for sid, sub in subs.items() if await self._revoked(sub)}
        if revoked:
            await self._disable_revoked(revoked)
        await asyncio.gather(
            *(
                self._deliver(dict(c), subs[c["subscription_id"]])
                for c in claimed
                if c["subscription_id"] not in revoked
            )
        )
        return len(claimed)

    async def _revoked(self, sub: WebhookSubscription) -> bool:
        """Whether the subscriber's access was revoked after it subscribed."""
        if self.revocations is None:
            return False
        # Whole seconds, like a token's iat; a fraction is dropped (earlier: in doubt, revoked).
        return await self.revocations.is_revoked(sub.owner, int(sub.created_at.timestamp()))

    async def _disable_revoked(self, ids: set[Any]) -> None:
        async with self.db.sessionmaker() as session, session.begin():
            await session.execute(
                update(_subscription)
                .where(_subscription.c.id.in_(ids), _subscription.c.status == "active")
                .values(
                    status="disabled",
                    disabled_at=dt.datetime.now(dt.UTC),
                    disabled_reason="the subscriber's access was revoked",
                )
            )
        log.warning("webhook subscriptions disabled: their subscriber was revoked: %s", sorted(map(str, ids)))

    async def _deliver(self, d: dict[str, Any], sub: WebhookSubscription) -> None:
        now = dt.datetime.now(dt.UTC)
        body = json.dumps(d["body"], ensure_ascii=False, separators=(",", ":"))
        msg_id = str(d["event_id"])
        headers = {
            "webhook-id": msg_id,
            "webhook-timestamp": str(int(now.timestamp())),
            "webhook-signature": sign(secrets=secrets_of(sub, now), msg_id=msg_id, at=now, body=body),
            "content-type": f"{STRUCTURED_CONTENT_TYPE}; charset=utf-8",
            "user-agent": "Phaen-Webhooks/1.0",
        }
        started = time.monotonic()
        status: int | None = None
        error: str | None = None
        try:
            parse_target(sub.url, development=self.policy.development)
            async with self._client().post(
                sub.url,
                data=body.encode(),
                headers=headers,
                allow_redirects=False,
                timeout=aiohttp.ClientTimeout(total=self.policy.timeout.total_seconds()),
            ) as resp:
                status = resp.status
                await resp.content.read(4096)
        except Refused as exc:
            error = f"refused: {exc}"
        except TimeoutError:
            error = "timed out"
        except (aiohttp.ClientError, OSError) as exc:
            error = f"{type(exc).__name__}: {exc}"[:300]
        await self._record(d, sub, status=status, error=error, ms=int((time.monotonic() - started) * 1000))

    async def _record(
        self, d: dict[str, Any], sub: WebhookSubscription, *, status: int | None, error: str | None, ms: int
    ) -> None:
        now = dt.datetime.now(dt.UTC)
        ok = status is not None and 200 <= status < 300
        attempts = d["attempts"] + 1
        values: dict[str, Any] = {
            "attempts": attempts,
            "last_attempt_at": now,
            "last_status": status,
            "last_error": None if ok else (error or f"answered {status}"),
        }
        gave_up = False
        if ok:
            values |= {"status": "delivered", "delivered_at": now}
        elif now - d["window_from"] >= self.policy.window:
            values |= {"status": "failed"}
            gave_up = True
        else:
            values |= {"next_attempt_at": now + self.policy.backoff(attempts)}
        async with self.db.sessionmaker() as session, session.begin():
            await session.execute(update(_delivery).where(_delivery.c.id == d["id"]).values(**values))
            await session.execute(
                insert(_attempt).values(
                    delivery_id=d["id"], attempted_at=now, status=status, error=values["last_error"], duration_ms=ms
                )
            )
            if gave_up:
                await self._disable(session, sub, d, reason=values["last_error"], now=now)

    async def _disable(
        self, session: AsyncSession, sub: WebhookSubscription, d: dict[str, Any], *, reason: str, now: dt.datetime
    ) -> None:
        window = self.policy.window.total_seconds()
        span = f"{window / 3600:g} h" if window >= 3600 else f"{window:g} s"
        why = f"delivery of event {d['event_id']} failed for {span} (last: {reason})"[:500]
        await session.execute(
            update(_subscription)
            .where(_subscription.c.id == sub.id, _subscription.c.status == "active")
            .values(status="disabled", disabled_at=now, disabled_reason=why)
        )
        # The alert: operators watch for this line (and the subscription says why it stopped).
        log.error(
            "webhook alert: subscription %s disabled: %s",
            sub.id,
            why,
            extra={"alert": "webhook_disabled", "subscription_id": str(sub.id), "event_id": str(d["event_id"])},
        )

    def wake(self) -> None:
        """Look for due deliveries now (the feed consumer has just queued some)."""
        self._wake.set()

    async def _next_due_in(self) -> dt.timedelta:
        """How long until the earliest pending delivery of an active subscription is due (the fallback if none)."""
        async with self.db.sessionmaker() as session:
            due_in: dt.timedelta | None = (await session.execute(_NEXT_DUE)).scalar_one_or_none()
        return self.policy.fallback if due_in is None else due_in

    async def _run(self) -> None:
        while True:
            wait = self.policy.poll
            try:
                while await self.run_once():
                    pass
                # Idle: sleep until the next retry is due, a wake-up, or the fallback, whichever comes first.
                wait = min(self.policy.fallback, max(self.policy.poll, await self._next_due_in()))
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # the database may be restarting: keep going, never die
                log.warning("webhook round failed: %s", type(exc).__name__)
            try:
                await asyncio.wait_for(self._wake.wait(), timeout=wait.total_seconds())
            except TimeoutError:
                pass
            self._wake.clear()

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name="reports-webhooks")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            try:
                await self._task
            except asyncio.CancelledError:
                pass
            self._task = None
        if self._http is not None:
            await self._http.close()
            self._http = None


def new_secret() -> str:
    """A Standard Webhooks secret: ``whsec_`` and 32 random bytes in base64."""
    import base64
    import secrets

    return "whsec_" + base64.b64encode(secrets.token_bytes(32)).decode()
