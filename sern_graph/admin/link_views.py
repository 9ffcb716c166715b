"""Saving an entry's many-to-many links (an organisation's themes) from its page, at once, through
`service.set_links`."""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from sern_graph.admin.content_views import entry_of, entry_url, kind_of
from sern_graph.admin.pages import posted, signed_in
from sern_graph.content import service


async def links_view(request: Request) -> Response:
    """Replaces the links with the posted choice; unknown values are refused (400)."""
    session = await signed_in(request)
    kind = kind_of(request)
    row = await entry_of(kind, request)
    link = next((link for link in kind.links if link.relation == request.path_params["relation"]), None)
    if link is None:
        raise HTTPException(404, "No such link.")
    form = await posted(request, session)
    wanted = set(form.getlist("target"))
    known = {choice.value for choice in await link.choices()}
    if not wanted <= known:
        raise HTTPException(400, f"Choose {link.label.lower()} of the list.")
    version = str(form.get("version", ""))
    try:
        await service.set_links(
            kind.content,
            row.id,
            link.relation,
            sorted(int(value) for value in wanted),
            session.actor,
            int(version) if version.isdigit() else 0,
        )
    except service.Conflict:
        return RedirectResponse(entry_url(kind, row.id, conflict="1"), status_code=303)
    return RedirectResponse(entry_url(kind, row.id, done="linked"), status_code=303)
