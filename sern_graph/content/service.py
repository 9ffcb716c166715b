"""The one place content is written: permission, validation, version check, one transaction,
revision and audit record, then a content event once the transaction has committed."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from sern_graph.accounts.actor import Actor
from sern_graph.accounts.permissions import Permission
from sern_graph.content import events
from sern_graph.content.audit import record_audit
from sern_graph.content.kinds import ContentKind
from sern_graph.content.models import ContentModel, EditorialState, Revision, RevisionAction
from sern_graph.content.snapshots import changed, from_json, row_values, snapshot, working_values
from sern_graph.core.errors import Forbidden, Unauthenticated
from sern_graph.core.validation import FieldError, ValidationFailed


class NotFound(Exception):
    pass


class Conflict(Exception):
    """The entry changed since the version the caller based the change on."""

    def __init__(self, current_version: int) -> None:
        super().__init__(f"The entry is at version {current_version}.")
        self.current_version = current_version


def require(actor: Actor, permission: Permission) -> None:
    """Raises Unauthenticated for anonymous callers, Forbidden when the role lacks `permission`."""
    if actor.can(permission):
        return
    if not actor.is_authenticated:
        raise Unauthenticated()
    raise Forbidden(f"Your role ({actor.role}) may not do this ({permission.value}).")


@dataclass
class _Write:
    """One change to one entry, carried out by `_commit`."""

    kind: ContentKind
    row: ContentModel
    action: RevisionAction
    columns: dict[str, Any] = field(default_factory=dict)
    working: dict[str, Any] = field(default_factory=dict)
    changed_fields: list[str] = field(default_factory=list)


async def create(kind: ContentKind, values: Mapping[str, Any], actor: Actor) -> ContentModel:
    """A new draft entry; raises ValidationFailed with every problem, writing nothing."""
    require(actor, Permission.EDIT)
    complete = {name: values.get(name) for name in kind.fields}
    errors = await kind.validate(complete, None)
    if errors:
        raise ValidationFailed(errors)
    async with in_transaction() as connection:
        try:
            row = await kind.model.create(
                **complete, state=EditorialState.DRAFT, version=1, using_db=connection
            )
        except IntegrityError as error:
            raise _integrity_failure(error) from None
        await _record(kind, row, RevisionAction.CREATE, complete, list(kind.fields), actor, connection)
    await events.emit(events.ContentEvent("create", kind.name, row.id, row.version))
    return row


async def update(
    kind: ContentKind, pk: int, changes: Mapping[str, Any], expected_version: int, actor: Actor
) -> ContentModel:
    """Changes the given fields only. On a published entry the change waits in its draft until
    published; the public keeps seeing the published values. Raises Conflict on a stale version."""
    require(actor, Permission.EDIT)
    row = await _get(kind, pk)
    if row.version != expected_version:
        raise Conflict(row.version)
    before = working_values(kind, row)
    after = {**before, **{name: value for name, value in changes.items() if name in kind.fields}}
    errors = await kind.validate(after, row)
    if errors:
        raise ValidationFailed(errors)
    write = _Write(kind, row, RevisionAction.UPDATE, working=after)
    write.changed_fields = changed(before, after, kind.fields)
    if row.state == EditorialState.PUBLISHED:
        write.columns = {"draft": snapshot(after)}
    else:
        write.columns = dict(after)
    return await _commit(write, expected_version, actor)


async def publish(
    kind: ContentKind, pk: int, actor: Actor, expected_version: int | None = None
) -> ContentModel:
    """Makes the working values public: the pending draft becomes the published entry."""
    require(actor, Permission.PUBLISH)
    row = await _checked(kind, pk, expected_version)
    working = working_values(kind, row)
    errors = await kind.validate(working, row)
    if errors:
        raise ValidationFailed(errors)
    write = _Write(kind, row, RevisionAction.PUBLISH, working=working)
    write.columns = {
        **working,
        "draft": None,
        "state": EditorialState.PUBLISHED,
        "published_at": datetime.now(UTC),
        "publish_at": None,
    }
    write.changed_fields = changed(row_values(kind, row), working, kind.fields)
    return await _commit(write, row.version, actor)


async def unpublish(
    kind: ContentKind, pk: int, actor: Actor, expected_version: int | None = None
) -> ContentModel:
    """Hides the entry from the public; it stays as a draft with the editors' latest values."""
    return await _leave_public(
        kind, pk, actor, expected_version, EditorialState.DRAFT, RevisionAction.UNPUBLISH
    )


async def archive(
    kind: ContentKind, pk: int, actor: Actor, expected_version: int | None = None
) -> ContentModel:
    """Removes the entry from public reads; it and its revisions are kept."""
    return await _leave_public(
        kind, pk, actor, expected_version, EditorialState.ARCHIVED, RevisionAction.ARCHIVE
    )


async def restore_revision(kind: ContentKind, revision: Revision, actor: Actor) -> ContentModel:
    """Brings a revision's values back as the entry's working values (a new draft)."""
    require(actor, Permission.EDIT)
    row = await _get(kind, revision.object_id)
    values = {name: from_json(kind, name, revision.snapshot.get(name)) for name in kind.fields}
    return await update(kind, row.id, values, row.version, actor)


async def set_links(
    kind: ContentKind,
    pk: int,
    relation: str,
    target_ids: list[int],
    actor: Actor,
    expected_version: int | None = None,
) -> ContentModel:
    """Replaces a many-to-many link (an organisation's themes, an event's participants) at once.

    Links take effect immediately, published entry or not; the revision records the new set.
    Callers validate that the targets exist; raises Conflict on a stale version."""
    require(actor, Permission.EDIT)
    row = await _checked(kind, pk, expected_version)
    async with in_transaction() as connection:
        manager = getattr(row, relation)
        await manager.clear(using_db=connection)
        if target_ids:
            related = manager.remote_model
            await manager.add(
                *await related.filter(id__in=target_ids).using_db(connection), using_db=connection
            )
        updated = (
            await kind.model.filter(id=row.id, version=row.version)
            .using_db(connection)
            .update(version=row.version + 1, updated_at=datetime.now(UTC))
        )
        if updated != 1:
            raise Conflict(row.version + 1)
        fresh = await kind.model.get(id=row.id, using_db=connection)
        working = {**working_values(kind, fresh), relation: sorted(target_ids)}
        await _record(kind, fresh, RevisionAction.UPDATE, working, [relation], actor, connection)
    await events.emit(events.ContentEvent("update", kind.name, fresh.id, fresh.version))
    return fresh


async def _leave_public(
    kind: ContentKind,
    pk: int,
    actor: Actor,
    expected_version: int | None,
    state: EditorialState,
    action: RevisionAction,
) -> ContentModel:
    require(actor, Permission.PUBLISH)
    row = await _checked(kind, pk, expected_version)
    working = working_values(kind, row)
    write = _Write(kind, row, action, working=working)
    write.columns = {**working, "draft": None, "state": state, "unpublish_at": None}
    if state == EditorialState.ARCHIVED:
        write.columns["publish_at"] = None
    return await _commit(write, row.version, actor)


async def schedule(
    kind: ContentKind,
    pk: int,
    publish_at: datetime | None,
    unpublish_at: datetime | None,
    actor: Actor,
    expected_version: int | None = None,
) -> ContentModel:
    """Sets when the entry is published and taken down; the scheduler carries it out on time."""
    require(actor, Permission.PUBLISH)
    row = await _checked(kind, pk, expected_version)
    if publish_at is not None and unpublish_at is not None and unpublish_at <= publish_at:
        raise ValidationFailed(
            [FieldError("input.unpublishAt", "END_BEFORE_START", "Take it down after it is published.")]
        )
    if row.state == EditorialState.ARCHIVED and publish_at is not None:
        raise ValidationFailed(
            [FieldError("input.publishAt", "ARCHIVED", "Archived entries are not published.")]
        )
    working = working_values(kind, row)
    write = _Write(kind, row, RevisionAction.UPDATE, working=working)
    write.columns = {"publish_at": publish_at, "unpublish_at": unpublish_at}
    write.changed_fields = [
        name
        for name, value in (("publish_at", publish_at), ("unpublish_at", unpublish_at))
        if getattr(row, name) != value
    ]
    return await _commit(write, row.version, actor)


async def _get(kind: ContentKind, pk: int) -> ContentModel:
    row = await kind.model.get_or_none(id=pk)
    if row is None:
        raise NotFound(f"No {kind.name} with this id.")
    return row


async def _checked(kind: ContentKind, pk: int, expected_version: int | None) -> ContentModel:
    row = await _get(kind, pk)
    if expected_version is not None and row.version != expected_version:
        raise Conflict(row.version)
    return row


async def _commit(write: _Write, expected_version: int, actor: Actor) -> ContentModel:
    """Writes only if the entry is still at `expected_version`, with its revision and audit entry."""
    kind, row = write.kind, write.row
    async with in_transaction() as connection:
        try:
            updated = (
                await kind.model.filter(id=row.id, version=expected_version)
                .using_db(connection)
                .update(**write.columns, version=expected_version + 1, updated_at=datetime.now(UTC))
            )
        except IntegrityError as error:
            raise _integrity_failure(error) from None
        if updated != 1:
            current = await kind.model.get_or_none(id=row.id, using_db=connection)
            raise Conflict(current.version if current else expected_version)
        fresh = await kind.model.get(id=row.id, using_db=connection)
        await _record(kind, fresh, write.action, write.working, write.changed_fields, actor, connection)
    await events.emit(events.ContentEvent(write.action.value, kind.name, fresh.id, fresh.version))
    return fresh


async def _record(
    kind: ContentKind,
    row: ContentModel,
    action: RevisionAction,
    working: Mapping[str, Any],
    changed_fields: list[str],
    actor: Actor,
    connection: Any,
) -> None:
    await Revision.create(
        content_type=kind.name,
        object_id=row.id,
        version=row.version,
        action=action,
        state=row.state,
        snapshot=snapshot(working),
        changed_fields=changed_fields,
        actor_name=actor.name,
        user_id=actor.user_id,
        token_id=actor.token_id,
        using_db=connection,
    )
    await record_audit(
        f"content.{action.value}",
        actor,
        connection,
        content_type=kind.name,
        object_id=row.id,
        details={"version": row.version, "changedFields": changed_fields},
    )


def _integrity_failure(error: IntegrityError) -> ValidationFailed:
    # A uniqueness race the validator could not see (two writers at once); nothing was written.
    return ValidationFailed([FieldError("input", "CONSTRAINT", "The change conflicts with another entry.")])
