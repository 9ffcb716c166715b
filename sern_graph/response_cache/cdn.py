"""Tells a CDN which tags to purge: POST {"tags": [...]} to `SERN_CDN_PURGE_URL`.

Best effort: a CDN that is down or slow costs the write at most TIMEOUT seconds and a log line,
never the write itself; its cached copies then age out (`Cache-Control: max-age`)."""

from __future__ import annotations

import asyncio
import logging
import urllib.request
from typing import Any

import orjson

logger = logging.getLogger(__name__)

TIMEOUT = 3.0


def _post(url: str, body: bytes) -> None:
    request = urllib.request.Request(
        url, data=body, headers={"Content-Type": "application/json"}, method="POST"
    )
    with urllib.request.urlopen(request, timeout=TIMEOUT):
        pass


async def purge_cdn(url: str, tags: list[str] | None) -> bool:
    """Sends the purge; None tags ask for everything (`{"everything": true}`). Whether it arrived."""
    payload: dict[str, Any] = {"tags": tags} if tags is not None else {"everything": True}
    try:
        await asyncio.wait_for(asyncio.to_thread(_post, url, orjson.dumps(payload)), TIMEOUT + 1)
    except (OSError, TimeoutError, ValueError) as error:
        logger.warning("CDN purge of %s failed: %s", tags, error)
        return False
    return True
