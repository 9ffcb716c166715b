"""A request refused before GraphQL runs, answered in the shape of a GraphQL error so clients
read it like any other: `{"errors": [{"message", "extensions": {"code", ...}}]}`."""

from __future__ import annotations

from typing import Any

import orjson
from starlette.types import Send


async def send_refusal(
    send: Send,
    status: int,
    code: str,
    message: str,
    *,
    headers: list[tuple[bytes, bytes]] | None = None,
    **extensions: Any,
) -> None:
    body = orjson.dumps({"errors": [{"message": message, "extensions": {"code": code, **extensions}}]})
    start_headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
        *(headers or []),
    ]
    await send({"type": "http.response.start", "status": status, "headers": start_headers})
    await send({"type": "http.response.body", "body": body})
