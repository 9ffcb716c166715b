"""Posted forms (application/x-www-form-urlencoded), read without a multipart parser."""

from __future__ import annotations

from urllib.parse import parse_qsl

from starlette.datastructures import MultiDict
from starlette.exceptions import HTTPException
from starlette.requests import Request

MAX_BODY_BYTES = 1_000_000


async def read_form(request: Request) -> MultiDict:
    """The posted fields; 413 for a body too large, 415 for another encoding."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip()
    # An empty POST has no content type; it is an empty form (refused by the CSRF check).
    if content_type not in {"application/x-www-form-urlencoded", ""}:
        raise HTTPException(415, "Forms are posted as application/x-www-form-urlencoded.")
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BODY_BYTES:
            raise HTTPException(413, "The form is too large.")
    return MultiDict(parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True))
