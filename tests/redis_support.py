"""The Redis on this machine for the tests that use it: its address, one where nothing listens, and
key prefixes that keep each test's keys apart and are cleaned up after it."""

from __future__ import annotations

import uuid

from redis.asyncio import Redis

REDIS_URL = "redis://127.0.0.1:6379/0"
# Nothing listens on port 1: connections are refused at once.
UNREACHABLE_URL = "redis://127.0.0.1:1/0"


def unique_prefix(purpose: str) -> str:
    return f"sern-test-{purpose}-{uuid.uuid4().hex[:12]}"


async def delete_keys(prefix: str) -> None:
    """Deletes every key under `prefix:`."""
    client = Redis.from_url(REDIS_URL)
    try:
        keys = [key async for key in client.scan_iter(match=f"{prefix}:*")]
        if keys:
            await client.delete(*keys)
    finally:
        await client.aclose()
