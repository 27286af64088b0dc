"""The client rate counted in memory and stored in batches: exact in one replica, shared across replicas."""

from __future__ import annotations

from limits import parse

from phaen_gateway.auth.limits import BatchedRate


class _SharedCounts:
    """Stands in for the PostgreSQL storage: one count per key, as the upsert keeps it."""

    def __init__(self) -> None:
        self.counts: dict[str, int] = {}
        self.calls = 0

    async def incr(self, key: str, expiry: int, amount: int = 1) -> int:
        self.calls += 1
        self.counts[key] = self.counts.get(key, 0) + amount
        return self.counts[key]


async def test_one_replica_counts_exactly_and_stores_one_upsert_per_client() -> None:
    shared = _SharedCounts()
    rate = BatchedRate(shared, parse("10/minute"), flush_seconds=3600)  # type: ignore[arg-type]
    answers = [rate.hit("client-a") for _ in range(12)]
    assert answers[:10] == [None] * 10
    assert all(isinstance(a, int) and a >= 1 for a in answers[10:])  # 429 with Retry-After
    assert rate.hit("client-b") is None  # another client is untouched
    await rate.flush()
    assert shared.calls == 2  # one upsert per client, not one per request
    assert sorted(shared.counts.values()) == [1, 10]


async def test_a_replica_learns_the_others_hits_at_its_flush() -> None:
    shared = _SharedCounts()
    one = BatchedRate(shared, parse("10/minute"), flush_seconds=3600)  # type: ignore[arg-type]
    two = BatchedRate(shared, parse("10/minute"), flush_seconds=3600)  # type: ignore[arg-type]
    for _ in range(6):
        assert one.hit("client-a") is None
    await one.flush()
    assert two.hit("client-a") is None
    await two.flush()  # brings back the 6 of the first replica: 7 in all
    for _ in range(3):
        assert two.hit("client-a") is None
    assert two.hit("client-a") is not None  # the 11th request across both replicas is refused
