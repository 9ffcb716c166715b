"""Cache keys: the normalized document, operation, variables, locale, visibility class and day."""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from dataclasses import dataclass
from datetime import date
from typing import Any

import orjson
from graphql import (
    ArgumentNode,
    BooleanValueNode,
    FieldNode,
    GraphQLError,
    OperationDefinitionNode,
    OperationType,
    Visitor,
    parse,
    print_ast,
    visit,
)

# Distinct documents whose parse is remembered; a frontend sends tens to hundreds.
MAX_DOCUMENTS = 1_000


@dataclass(frozen=True)
class Document:
    """What the cache needs of a request's document, worked out once per distinct text."""

    # The document as graphql-core prints it: the same for texts that differ only in layout.
    normalized: str
    operations: dict[str | None, OperationType]
    # Some field has a `preview` argument that is not literally false.
    mentions_preview: bool
    # Some field is `__schema` or `__type`: the answer depends on who may introspect.
    introspects: bool = False

    def operation_type(self, operation_name: str | None) -> OperationType | None:
        if operation_name is None and len(self.operations) == 1:
            return next(iter(self.operations.values()))
        return self.operations.get(operation_name) if operation_name is not None else None


class _PreviewFinder(Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.found = False
        self.introspects = False

    def enter_field(self, node: FieldNode, *_: Any) -> None:
        if node.name.value in {"__schema", "__type"}:
            self.introspects = True

    def enter_argument(self, node: ArgumentNode, *_: Any) -> None:
        if node.name.value == "preview" and not (
            isinstance(node.value, BooleanValueNode) and not node.value.value
        ):
            self.found = True


def _read(query: str, max_tokens: int) -> Document | None:
    try:
        ast = parse(query, no_location=True, max_tokens=max_tokens)
    except GraphQLError:
        return None
    operations = {
        (definition.name.value if definition.name else None): definition.operation
        for definition in ast.definitions
        if isinstance(definition, OperationDefinitionNode)
    }
    finder = _PreviewFinder()
    visit(ast, finder)
    return Document(print_ast(ast), operations, finder.found, finder.introspects)


class Documents:
    """Parsed documents by their raw text, the least recently used forgotten first."""

    def __init__(self, max_tokens: int, maxsize: int = MAX_DOCUMENTS) -> None:
        self.max_tokens = max_tokens
        self.maxsize = maxsize
        self._documents: OrderedDict[str, Document | None] = OrderedDict()

    def get(self, query: str) -> Document | None:
        """The document, or None when it does not parse (the request then runs uncached)."""
        if query in self._documents:
            self._documents.move_to_end(query)
            return self._documents[query]
        document = self._documents[query] = _read(query, self.max_tokens)
        while len(self._documents) > self.maxsize:
            self._documents.popitem(last=False)
        return document


def cache_key(
    schema_version: str,
    document: Document,
    operation_name: str | None,
    variables: dict[str, Any] | None,
    locale: str | None,
    visibility: str,
    today: date,
) -> str | None:
    """A hex digest naming the response; None when the variables are not plain JSON."""
    parts = [schema_version, document.normalized, operation_name, variables or {}, locale, visibility]
    try:
        encoded = orjson.dumps([*parts, today.isoformat()], option=orjson.OPT_SORT_KEYS)
    except orjson.JSONEncodeError:
        return None
    return hashlib.sha256(encoded).hexdigest()
