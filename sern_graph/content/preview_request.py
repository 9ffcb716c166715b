"""Turns preview on for a query operation that asks for it and may: `preview: true` on a root
field, or the `SERN-Preview: true` header. The whole operation is then previewed."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from graphql import BooleanValueNode, FieldNode, OperationDefinitionNode, OperationType, VariableNode
from strawberry.extensions import SchemaExtension

from sern_graph.accounts.permissions import Permission
from sern_graph.content.preview import previewing
from sern_graph.content.service import require

HEADER = "sern-preview"


def _asks_for_preview(operation: OperationDefinitionNode, variables: dict[str, Any]) -> bool:
    for selection in operation.selection_set.selections:
        if not isinstance(selection, FieldNode):
            continue
        for argument in selection.arguments or ():
            if argument.name.value != "preview":
                continue
            value = argument.value
            if isinstance(value, BooleanValueNode) and value.value:
                return True
            if isinstance(value, VariableNode) and variables.get(value.name.value) is True:
                return True
    return False


class PreviewExtension(SchemaExtension):
    def on_execute(self) -> Iterator[None]:
        context = self.execution_context
        operation = next(
            (
                definition
                for definition in (context.graphql_document.definitions if context.graphql_document else ())
                if isinstance(definition, OperationDefinitionNode)
                and (
                    context.operation_name is None
                    or (definition.name and definition.name.value == context.operation_name)
                )
            ),
            None,
        )
        request = getattr(context.context, "request", None)
        header = request.headers.get(HEADER, "").lower() == "true" if request is not None else False
        wanted = (
            operation is not None
            and operation.operation == OperationType.QUERY
            and (header or _asks_for_preview(operation, context.variables or {}))
        )
        if not wanted:
            yield
            return
        require(context.context.actor, Permission.PREVIEW)
        with previewing():
            yield
