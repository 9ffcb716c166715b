"""The token limit: graphql-core's parser stops at `max_tokens`; its syntax error gets our code."""

from __future__ import annotations

from collections.abc import AsyncIterator

from graphql import GraphQLError
from strawberry.extensions import SchemaExtension

CODE = "TOO_MANY_TOKENS"
# The parser's message when it gives up: "Document contains more than N tokens. Parsing aborted."
_PARSER_MESSAGE = "Document contains more than"


class TokenLimit(SchemaExtension):
    def __init__(self, max_tokens: int) -> None:
        self.max_tokens = max_tokens

    async def on_operation(self) -> AsyncIterator[None]:
        self.execution_context.parse_options["max_tokens"] = self.max_tokens
        try:
            yield
        except GraphQLError as raised:
            # With the parser cache, the parse error leaves the parsing hook as an exception.
            self._label(raised)
            raise
        for error in self.execution_context.pre_execution_errors or ():
            self._label(error)

    def _label(self, error: GraphQLError) -> None:
        if _PARSER_MESSAGE in error.message:
            error.extensions = {**(error.extensions or {}), "code": CODE, "limit": self.max_tokens}
