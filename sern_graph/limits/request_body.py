"""The GraphQL view's body parsing made strict: any body that is not a JSON object (or a batch
array), or whose `operationName` is not a string, is the caller's mistake, answered 400, never a
server error."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from cross_web import AsyncHTTPRequestAdapter, HTTPException
from strawberry.asgi import GraphQL
from strawberry.http import GraphQLRequestData

ContextT = TypeVar("ContextT")
RootValueT = TypeVar("RootValueT")


class StrictBodyGraphQL(GraphQL[ContextT, RootValueT], Generic[ContextT, RootValueT]):
    def parse_json(self, data: str | bytes) -> Any:
        try:
            return self.decode_json(data)
        except ValueError as error:
            # Also bytes that are not UTF-8, which strawberry lets through as a server error.
            raise HTTPException(400, "Unable to parse request body as JSON") from error

    async def parse_http_body(
        self, request: AsyncHTTPRequestAdapter
    ) -> GraphQLRequestData | list[GraphQLRequestData]:
        is_json_post = request.method == "POST" and "application/json" in (request.content_type or "")
        # Whitespace aside, JSON text is an object or an array exactly when it starts so.
        if is_json_post and (await request.get_body()).lstrip()[:1] not in {b"{", b"["}:
            raise HTTPException(400, "The request body must be a JSON object.")
        parsed = await super().parse_http_body(request)
        for data in parsed if isinstance(parsed, list) else [parsed]:
            # Strawberry passes any JSON value on; an object or array here was a server error.
            if not isinstance(data.operation_name, str | None):
                raise HTTPException(400, "`operationName` must be a string or null.")
        return parsed
