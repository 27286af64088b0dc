"""argon2id hashing of passwords and client secrets, off the event loop."""

from __future__ import annotations

import asyncio
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from phaen_gateway.auth.limits import HashingGate
from phaen_gateway.config import Settings


class Hasher:
    """Hashes and verifies secrets; verification of an unknown account costs the same as a known one."""

    def __init__(
        self,
        *,
        time_cost: int = 3,
        memory_kib: int = 65536,
        parallelism: int = 4,
        concurrency: int = 2,
        queue: int = 16,
    ) -> None:
        self._ph = PasswordHasher(time_cost=time_cost, memory_cost=memory_kib, parallelism=parallelism)
        self._dummy = self._ph.hash(secrets.token_urlsafe(16))
        self.gate = HashingGate(concurrency=concurrency, queue=queue)

    async def hash(self, secret: str) -> str:
        return await self.gate.run(lambda: asyncio.to_thread(self._ph.hash, secret))

    def _verify(self, hashed: str, secret: str) -> bool:
        try:
            return self._ph.verify(hashed, secret)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False

    async def verify(self, hashed: str | None, secret: str) -> bool:
        """True when ``secret`` matches ``hashed``; with ``hashed=None`` burns the same time and says False."""
        ok = await self.gate.run(lambda: asyncio.to_thread(self._verify, hashed or self._dummy, secret))
        return ok and hashed is not None

    def needs_rehash(self, hashed: str) -> bool:
        return self._ph.check_needs_rehash(hashed)


def make_hasher(settings: Settings) -> Hasher:
    """The hasher at the configured argon2id cost."""
    return Hasher(
        time_cost=settings.password_hash_time_cost,
        memory_kib=settings.password_hash_memory_kib,
        parallelism=settings.password_hash_parallelism,
        concurrency=settings.password_hash_concurrency,
        queue=settings.password_hash_queue,
    )
