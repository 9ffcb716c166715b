"""Root fields of accounts administration: users, API tokens and the audit log (admins), the caller."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

import strawberry
from strawberry.types import Info
from tortoise.expressions import Q

from sern_graph.accounts import models
from sern_graph.accounts.permissions import Permission
from sern_graph.accounts.types import ApiToken, AuditEvent, Caller, User
from sern_graph.content import models as content_models
from sern_graph.content.service import require
from sern_graph.context import Context
from sern_graph.core.ids import decode_global_id
from sern_graph.core.pagination import (
    AfterArg,
    BeforeArg,
    Connection,
    FirstArg,
    LastArg,
    connection,
    paginate,
)
from sern_graph.response_cache.dependencies import depends_on_caller


@strawberry.input(description="Which audit events to list; every condition given must hold.")
class AuditEventFilter:
    content_type: str | None = strawberry.field(
        default=None, description="Only writes to this type, e.g. `Organisation`, `User` or `ApiToken`."
    )
    object_id: strawberry.ID | None = strawberry.field(
        default=None, description="Only writes to this object (its global ID)."
    )
    action: str | None = strawberry.field(
        default=None, description="Only this action, e.g. `content.publish` or `accounts.token.revoke`."
    )
    since: datetime | None = strawberry.field(
        default=None, description="Only writes at or after this time (UTC when it has no offset)."
    )
    until: datetime | None = strawberry.field(
        default=None, description="Only writes before this time (UTC when it has no offset)."
    )

    def condition(self) -> Q:
        """The filter as a query condition; raises UserInputError for a malformed object ID."""
        condition = Q()
        if self.content_type is not None:
            condition &= Q(content_type=self.content_type)
        if self.object_id is not None:
            content_type, pk = decode_global_id(self.object_id, argument="filter.objectId")
            condition &= Q(content_type=content_type, object_id=pk)
        if self.action is not None:
            condition &= Q(action=self.action)
        if self.since is not None:
            condition &= Q(created_at__gte=_aware(self.since))
        if self.until is not None:
            condition &= Q(created_at__lt=_aware(self.until))
        return condition


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


AuditEventFilterArg = Annotated[
    AuditEventFilter | None, strawberry.argument(description="Which events to list; default: all.")
]


@strawberry.type
class AccountQuery:
    @strawberry.field(description="API tokens, newest first; never their secrets. Admins only.")
    async def api_tokens(
        self,
        info: Info[Context, None],
        first: FirstArg = None,
        after: AfterArg = None,
        last: LastArg = None,
        before: BeforeArg = None,
    ) -> Connection[ApiToken]:
        require(info.context.actor, Permission.MANAGE_ACCOUNTS)
        args = info.context.page_args(first, after, last, before)
        rows = models.ApiToken.all().select_related("created_by").order_by("-created_at", "-id")
        return connection(await paginate(rows, args), lambda row: ApiToken(row=row))

    @strawberry.field(description="Users, by username. Admins only.")
    async def users(
        self,
        info: Info[Context, None],
        first: FirstArg = None,
        after: AfterArg = None,
        last: LastArg = None,
        before: BeforeArg = None,
    ) -> Connection[User]:
        require(info.context.actor, Permission.MANAGE_ACCOUNTS)
        args = info.context.page_args(first, after, last, before)
        page = await paginate(models.User.all().order_by("username"), args)
        return connection(page, lambda row: User(row=row))

    @strawberry.field(description="Every write (content and accounts), newest first. Admins only.")
    async def audit_log(
        self,
        info: Info[Context, None],
        first: FirstArg = None,
        after: AfterArg = None,
        last: LastArg = None,
        before: BeforeArg = None,
        filter: AuditEventFilterArg = None,
    ) -> Connection[AuditEvent]:
        require(info.context.actor, Permission.READ_AUDIT)
        args = info.context.page_args(first, after, last, before)
        condition = filter.condition() if filter is not None else Q()
        rows = content_models.AuditEvent.filter(condition).order_by("-created_at", "-id")
        return connection(await paginate(rows, args), lambda row: AuditEvent(row=row))

    @strawberry.field(description="Who is calling, and what they may do; for every caller.")
    def me(self, info: Info[Context, None]) -> Caller:
        depends_on_caller()
        return Caller(actor=info.context.actor)
