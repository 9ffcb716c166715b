"""Refuses text with the NUL character (U+0000) before it executes: PostgreSQL cannot store or
compare it, so it would otherwise fail as a server error there (and pass on SQLite)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from graphql import DocumentNode, StringValueNode, Visitor, visit
from strawberry.extensions import SchemaExtension

from sern_graph.core.errors import UserInputError

MESSAGE = "Text may not contain the NUL character (U+0000)."


class _FindsNul(Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.found = False

    def enter_string_value(self, node: StringValueNode, *_: Any) -> None:
        if "\x00" in node.value:
            self.found = True


def has_nul(value: object) -> bool:
    """Whether a variable's value holds NUL anywhere (in a string, a list or an input object)."""
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(has_nul(key) or has_nul(item) for key, item in value.items())
    if isinstance(value, list):
        return any(has_nul(item) for item in value)
    return False


def document_has_nul(document: DocumentNode) -> bool:
    finder = _FindsNul()
    visit(document, finder)
    return finder.found


class NulTextRefusal(SchemaExtension):
    def on_execute(self) -> Iterator[None]:
        context = self.execution_context
        document = context.graphql_document
        if (document is not None and document_has_nul(document)) or has_nul(context.variables):
            raise UserInputError(MESSAGE)
        yield
