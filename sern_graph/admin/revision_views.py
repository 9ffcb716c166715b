"""An entry's revision history (who, when, what changed), the difference between two revisions,
and restoring one (through the content service, as a new working version)."""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from sern_graph.admin.content_views import entry_of, entry_url, kind_of
from sern_graph.admin.diff import difference, labels_and_choices
from sern_graph.admin.kinds import AdminKind
from sern_graph.admin.pages import posted, render, signed_in
from sern_graph.content import service
from sern_graph.content.models import ContentModel, Revision
from sern_graph.core.validation import ValidationFailed


async def _revisions(kind: AdminKind, row: ContentModel) -> list[Revision]:
    return list(
        await Revision.filter(content_type=kind.content.name, object_id=row.id).order_by("-version", "-id")
    )


async def history_view(request: Request) -> Response:
    await signed_in(request)
    kind = kind_of(request)
    row = await entry_of(kind, request)
    revisions = await _revisions(kind, row)
    labels, _ = await labels_and_choices(kind)
    context = {"kind": kind, "row": row, "revisions": revisions, "labels": labels, "title": kind.title(row)}
    return render(request, "revisions.html", context)


async def diff_view(request: Request) -> Response:
    await signed_in(request)
    kind = kind_of(request)
    row = await entry_of(kind, request)
    by_id = {revision.id: revision for revision in await _revisions(kind, row)}
    older, newer = (by_id.get(_int(request.query_params.get(name))) for name in ("from", "to"))
    if older is None or newer is None:
        raise HTTPException(404, "Choose two revisions of this entry.")
    if older.version > newer.version:
        older, newer = newer, older
    context = {
        "kind": kind,
        "row": row,
        "older": older,
        "newer": newer,
        "changes": await difference(kind, older, newer),
        "title": kind.title(row),
    }
    return render(request, "diff.html", context)


async def restore_view(request: Request) -> Response:
    session = await signed_in(request)
    kind = kind_of(request)
    row = await entry_of(kind, request)
    await posted(request, session)
    revision = await Revision.get_or_none(
        id=request.path_params["revision"], content_type=kind.content.name, object_id=row.id
    )
    if revision is None:
        raise HTTPException(404, "No such revision of this entry.")
    try:
        await service.restore_revision(kind.content, revision, session.actor)
    except ValidationFailed as failure:
        # E.g. its slug is taken by another entry now; nothing was written.
        message = " ".join(error.message for error in failure.errors)
        context = {
            "title": "Not restored",
            "message": f"Version {revision.version} cannot be restored: {message}",
        }
        return render(request, "error.html", context, status_code=422)
    return RedirectResponse(entry_url(kind, row.id, done="restored"), status_code=303)


def _int(text: str | None) -> int:
    return int(text) if text and text.isdigit() else 0
