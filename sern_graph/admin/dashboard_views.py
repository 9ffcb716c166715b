"""The admin's front page: how many entries of each content type in each state, and the latest changes;
and, for admins only, the users, tokens and audit log."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from tortoise.functions import Count

from sern_graph.accounts.models import ApiToken, User
from sern_graph.accounts.permissions import Permission
from sern_graph.admin.pages import render, require_permission, signed_in
from sern_graph.admin.registry import ADMIN_KINDS_BY_NAME
from sern_graph.content.models import AuditEvent, EditorialState, Revision
from sern_graph.kinds import KINDS

LATEST = 15
AUDIT_PAGE = 100


async def dashboard_view(request: Request) -> Response:
    await signed_in(request)
    counts = []
    for name, kind in KINDS.items():
        rows = await kind.model.annotate(count=Count("id")).group_by("state").values("state", "count")
        by_state = {str(row["state"]): int(row["count"]) for row in rows}
        counts.append((name, ADMIN_KINDS_BY_NAME.get(name), by_state, sum(by_state.values())))
    latest = await Revision.all().order_by("-id").limit(LATEST)
    context = {
        "counts": counts,
        "states": list(EditorialState),
        "latest": latest,
        "by_name": ADMIN_KINDS_BY_NAME,
        "title": "Dashboard",
    }
    return render(request, "dashboard.html", context)


async def accounts_view(request: Request) -> Response:
    session = await signed_in(request)
    require_permission(session, Permission.MANAGE_ACCOUNTS)
    users = await User.all().order_by("username")
    tokens = await ApiToken.all().order_by("-id").select_related("created_by")
    return render(request, "accounts.html", {"users": users, "tokens": tokens, "title": "Users and tokens"})


async def audit_view(request: Request) -> Response:
    session = await signed_in(request)
    require_permission(session, Permission.READ_AUDIT)
    events = await AuditEvent.all().order_by("-id").limit(AUDIT_PAGE)
    return render(request, "audit.html", {"events": events, "title": "Audit log"})
