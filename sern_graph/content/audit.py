"""The admins' log: one audit event per write, with who made it, with which token, in which request."""

from __future__ import annotations

from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient

from sern_graph.accounts.actor import Actor
from sern_graph.content.models import AuditEvent
from sern_graph.core.request_id import current_request_id


async def record_audit(
    action: str,
    actor: Actor,
    connection: BaseDBAsyncClient | None,
    *,
    content_type: str | None = None,
    object_id: int | None = None,
    details: dict[str, Any] | None = None,
) -> AuditEvent:
    """Records `action` (e.g. `content.publish`) by `actor`; call it inside the write's transaction
    (`connection`, or None for the current one) so the event stands or falls with the write."""
    return await AuditEvent.create(
        action=action,
        content_type=content_type,
        object_id=object_id,
        actor_name=actor.name,
        user_id=actor.user_id,
        token_id=actor.token_id,
        request_id=current_request_id.get(),
        details=details if details is not None else {},
        using_db=connection,
    )
