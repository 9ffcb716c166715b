"""Scheduled publishing: entries whose `publishAt` or `unpublishAt` has come are carried out.

The running service calls `run_due` every `SERN_SCHEDULER_INTERVAL` seconds and once on start-up,
so times that passed while it was down are caught up. Several replicas may run it at once: the
version check lets one of them win and the others skip the entry.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable
from datetime import UTC, datetime

from sern_graph.accounts.actor import Actor
from sern_graph.accounts.permissions import Permission
from sern_graph.content import service
from sern_graph.content.kinds import ContentKind
from sern_graph.content.models import EditorialState
from sern_graph.core.validation import ValidationFailed

logger = logging.getLogger(__name__)
SCHEDULER = Actor(name="scheduler", permissions=frozenset({Permission.PUBLISH, Permission.EDIT}))


async def run_due(kinds: list[ContentKind], now: datetime | None = None) -> int:
    """Publishes and takes down what is due; returns how many entries changed."""
    now = now or datetime.now(UTC)
    done = 0
    for kind in kinds:
        due_publish = kind.model.filter(publish_at__lte=now).exclude(state=EditorialState.ARCHIVED)
        for row in await due_publish:
            done += await _carry_out(service.publish(kind, row.id, SCHEDULER, row.version), kind, row.id)
        for row in await kind.model.filter(unpublish_at__lte=now, state=EditorialState.PUBLISHED):
            done += await _carry_out(service.unpublish(kind, row.id, SCHEDULER, row.version), kind, row.id)
    return done


async def _carry_out(write: Awaitable[object], kind: ContentKind, pk: int) -> int:
    try:
        await write
    except service.Conflict:
        return 0  # another replica (or an editor) got there first
    except ValidationFailed as failure:
        logger.warning("Scheduled change of %s %s refused: %s", kind.name, pk, failure)
        return 0
    return 1


async def run_forever(kinds: list[ContentKind], interval: float) -> None:
    while True:
        try:
            changed = await run_due(kinds)
            if changed:
                logger.info("Scheduler carried out %d scheduled change(s)", changed)
        except Exception:
            logger.exception("Scheduler round failed")
        await asyncio.sleep(interval)
