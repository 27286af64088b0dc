"""CachedRevocations: one read per interval, the last list kept when a read fails, invalidate forces a read."""

from __future__ import annotations

from phaen_common.auth import CachedRevocations, SourceUnavailable, sub_digest


class _Source(CachedRevocations):
    def __init__(self, answers: list[set[str] | None]) -> None:
        super().__init__(cache_seconds=30)
        self.answers = answers
        self.loads = 0

    async def _load(self) -> set[str]:
        answer = self.answers[self.loads]
        self.loads += 1
        if answer is None:
            raise SourceUnavailable("test list")
        return answer


async def test_a_list_is_read_once_per_interval_and_again_when_invalidated():
    source = _Source([{sub_digest("u-1")}, set()])
    for _ in range(3):
        assert await source.is_revoked("u-1") is True
    assert source.loads == 1
    source.invalidate()
    assert await source.is_revoked("u-1") is False
    assert source.loads == 2


async def test_a_failed_read_keeps_the_last_list_and_waits_for_the_retry_floor():
    source = _Source([{sub_digest("u-1")}, None, set()])
    assert await source.is_revoked("u-1") is True
    source.fetched_at -= 30  # thirty seconds later: the cached list has expired
    source.attempted_at -= 30
    for _ in range(3):
        assert await source.is_revoked("u-1") is True
    assert source.loads == 2
    source.attempted_at -= source.retry_floor
    assert await source.is_revoked("u-1") is False
    assert source.loads == 3
