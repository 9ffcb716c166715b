"""The list, create and edit pages of every content type, and its workflow buttons. Every write
is a call to the content service with the signed-in editor as the actor."""

from __future__ import annotations

from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from sern_graph.admin.editing import FormState, columns_of, load_choices, posted_values, shown_values
from sern_graph.admin.kinds import AdminKind
from sern_graph.admin.listing import ListRequest, list_page
from sern_graph.admin.pages import ADMIN_PATH, posted, render, signed_in
from sern_graph.admin.registry import ADMIN_KINDS
from sern_graph.admin.related import child_rows, link_boxes
from sern_graph.content import service
from sern_graph.content.models import ContentModel, EditorialState
from sern_graph.core.validation import ValidationFailed

NOTICES = {
    "created": "Created as a draft.",
    "saved": "Saved.",
    "published": "Published: the public sees it now.",
    "unpublished": "Unpublished: it is a draft again and hidden from the public.",
    "archived": "Archived: withdrawn from the public; its history is kept.",
    "restored": "The revision is restored as the working version.",
    "linked": "Links saved. They apply at once, to the published entry too.",
}
CONFLICT = (
    "Someone else saved this entry meanwhile (it is now at version {version}). Nothing was "
    "overwritten. Copy what you need of your changes, open the current version and apply them again."
)
ACTIONS = {
    "publish": (service.publish, "published"),
    "unpublish": (service.unpublish, "unpublished"),
    "archive": (service.archive, "archived"),
}


def kind_of(request: Request) -> AdminKind:
    kind = ADMIN_KINDS.get(request.path_params["kind"])
    if kind is None:
        raise HTTPException(404, "No such content type.")
    return kind


def entry_url(kind: AdminKind, pk: int, **query: str) -> str:
    suffix = "?" + "&".join(f"{name}={value}" for name, value in query.items()) if query else ""
    return f"{ADMIN_PATH}/{kind.slug}/{pk}{suffix}"


async def entry_of(kind: AdminKind, request: Request) -> ContentModel:
    row = await kind.content.model.filter(id=request.path_params["pk"]).select_related(*kind.related).first()
    if row is None:
        raise HTTPException(404, f"No {kind.singular} with this id.")
    return row


async def list_view(request: Request) -> Response:
    await signed_in(request)
    kind = kind_of(request)
    wanted = ListRequest.of(kind, request.query_params)
    page = await list_page(kind, wanted)
    filters = [(f, await f.choices()) for f in kind.filters]
    context = {"kind": kind, "list": wanted, "page": page, "filters": filters, "states": list(EditorialState)}
    return render(request, "list.html", context)


async def new_view(request: Request) -> Response:
    await signed_in(request)
    kind = kind_of(request)
    # Links from a parent's page name it (`?project_id=7`): the new row starts attached to it.
    given = {name: value for name, value in request.query_params.items() if name.endswith("_id")}
    values = shown_values(kind, None)
    values.update({name: value for name, value in given.items() if name in values})
    return await _form_page(request, kind, None, FormState(values))


async def create_view(request: Request) -> Response:
    session = await signed_in(request)
    kind = kind_of(request)
    form = await posted(request, session)
    state = FormState(posted_values(kind, form))
    columns, errors = await columns_of(kind, form, await load_choices(kind), new=True)
    if not errors:
        try:
            row = await service.create(kind.content, columns, session.actor)
        except ValidationFailed as failure:
            errors = failure.errors
        else:
            return RedirectResponse(entry_url(kind, row.id, done="created"), status_code=303)
    state.place(kind, errors)
    return await _form_page(request, kind, None, state, status_code=422)


async def edit_view(request: Request) -> Response:
    await signed_in(request)
    kind = kind_of(request)
    row = await entry_of(kind, request)
    notices = [NOTICES[done]] if (done := request.query_params.get("done", "")) in NOTICES else []
    state = FormState(shown_values(kind, row))
    if request.query_params.get("conflict"):
        state.general.append(CONFLICT.format(version=row.version))
    return await _form_page(request, kind, row, state, notices=notices)


async def update_view(request: Request) -> Response:
    session = await signed_in(request)
    kind = kind_of(request)
    row = await entry_of(kind, request)
    form = await posted(request, session)
    version = _version(form.get("version", ""))
    state = FormState(posted_values(kind, form))
    columns, errors = await columns_of(kind, form, await load_choices(kind), new=False)
    if not errors:
        try:
            await service.update(kind.content, row.id, columns, version, session.actor)
        except ValidationFailed as failure:
            errors = failure.errors
        except service.Conflict as conflict:
            state.general.append(CONFLICT.format(version=conflict.current_version))
            return await _form_page(
                request, kind, row, state, version=version, status_code=409, conflict=True
            )
        else:
            return RedirectResponse(entry_url(kind, row.id, done="saved"), status_code=303)
    state.place(kind, errors)
    return await _form_page(request, kind, row, state, version=version, status_code=422)


async def action_view(request: Request) -> Response:
    """Publish, unpublish or archive, based on the version the editor saw."""
    session = await signed_in(request)
    kind = kind_of(request)
    row = await entry_of(kind, request)
    form = await posted(request, session)
    action = ACTIONS.get(request.path_params["action"])
    if action is None:
        raise HTTPException(404, "No such action.")
    write, done = action
    try:
        await write(kind.content, row.id, session.actor, _version(form.get("version", "")))
    except service.Conflict:
        return RedirectResponse(entry_url(kind, row.id, conflict="1"), status_code=303)
    except ValidationFailed as failure:
        state = FormState(shown_values(kind, row))
        state.place(kind, failure.errors)
        return await _form_page(request, kind, row, state, status_code=422)
    return RedirectResponse(entry_url(kind, row.id, done=done), status_code=303)


def _version(text: Any) -> int:
    return int(text) if str(text).isdigit() else 0


async def _form_page(
    request: Request,
    kind: AdminKind,
    row: ContentModel | None,
    state: FormState,
    *,
    version: int | None = None,
    notices: list[str] | None = None,
    status_code: int = 200,
    conflict: bool = False,
) -> Response:
    context = {
        "kind": kind,
        "row": row,
        "form": state,
        "choices": await load_choices(kind),
        "version": version if version is not None else (row.version if row else 0),
        "notices": notices or [],
        "conflict": conflict,
        "title": kind.title(row) if row is not None else f"New {kind.singular}",
        "links": await link_boxes(kind, row) if row is not None else [],
        "children": await child_rows(kind, row) if row is not None else [],
    }
    return render(request, "form.html", context, status_code=status_code)
