"""Refuses a document with several operations and no `operationName`, as graphql-core would:
strawberry otherwise picks the first operation and runs it."""

from __future__ import annotations

from collections.abc import Iterator

from graphql import GraphQLError, OperationDefinitionNode
from strawberry.extensions import SchemaExtension

MESSAGE = "Must provide operation name if query contains multiple operations."


class OperationNameRequired(SchemaExtension):
    def on_execute(self) -> Iterator[None]:
        context = self.execution_context
        document = context.graphql_document
        # `operation_name` falls back to the first operation's name; only the provided one counts.
        provided = context._provided_operation_name
        if provided is None and document is not None:
            operations = [node for node in document.definitions if isinstance(node, OperationDefinitionNode)]
            if len(operations) > 1:
                raise GraphQLError(MESSAGE, extensions={"code": "GRAPHQL_VALIDATION_FAILED"})
        yield
