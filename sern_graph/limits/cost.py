"""A query's cost, estimated before it runs from its selection set and the page sizes it asks for.

Every field costs 1 for each object it is resolved on. A connection multiplies the cost of its
`edges` by the page size asked for (`first`/`last`, else the default page size; at most the maximum,
as a larger page is refused anyway). A plain list (countries, themes, a person's board seats) is
short by design and counts as `plain_list` items: counting it as a full page instead would price
the whole-network query, plain lists nested three deep, a thousand times over what it reads. So
the estimate depends on the document and its variables only, never on the data: the whole-network
query costs as much on an empty database as on a full one.

Fragments are costed once per page size they are spread under, so the walk stays linear in the
document's size even when fragments spread each other many times over.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLField,
    GraphQLInterfaceType,
    GraphQLNamedType,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionNode,
    SelectionSetNode,
    get_named_type,
    get_nullable_type,
    is_list_type,
)
from graphql.type.introspection import SchemaMetaFieldDef, TypeMetaFieldDef
from graphql.utilities import value_from_ast_untyped

PAGE_ARGUMENTS = ("first", "last")


@dataclass(frozen=True)
class PageSizes:
    """Items a list is assumed to return: a connection without `first`/`last` (`default`), at
    most (`maximum`), and a plain list (`plain_list`)."""

    default: int
    maximum: int
    plain_list: int


class CostEstimate:
    """The cost of the operations of one document under one set of variables."""

    def __init__(
        self,
        schema: GraphQLSchema,
        document: DocumentNode,
        variables: Mapping[str, Any] | None,
        sizes: PageSizes,
    ) -> None:
        self.schema = schema
        self.sizes = sizes
        self.variables: dict[str, Any] = dict(variables or {})
        self.fragments = {
            definition.name.value: definition
            for definition in document.definitions
            if isinstance(definition, FragmentDefinitionNode)
        }
        self._fragment_costs: dict[tuple[str, int | None], int] = {}

    def operation(self, operation: OperationDefinitionNode) -> int:
        for definition in operation.variable_definitions or ():
            name = definition.variable.name.value
            if name not in self.variables and definition.default_value is not None:
                self.variables[name] = value_from_ast_untyped(definition.default_value)
        root = self.schema.get_root_type(operation.operation)
        if root is None:
            return 0
        return self._selections(operation.selection_set, root, None)

    def _selections(self, selection_set: SelectionSetNode, parent: GraphQLNamedType, page: int | None) -> int:
        total = 0
        for selection in selection_set.selections:
            if not self._included(selection):
                continue
            if isinstance(selection, FieldNode):
                total += self._field(selection, parent, page)
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                narrowed = self.schema.get_type(condition.name.value) if condition else parent
                total += self._selections(selection.selection_set, narrowed or parent, page)
            elif isinstance(selection, FragmentSpreadNode):
                total += self._fragment(selection.name.value, page)
        return total

    def _fragment(self, name: str, page: int | None) -> int:
        key = (name, page)
        cost = self._fragment_costs.get(key)
        if cost is None:
            # A cycle (refused by validation before we get here) would count nothing more.
            self._fragment_costs[key] = 0
            fragment = self.fragments.get(name)
            condition = self.schema.get_type(fragment.type_condition.name.value) if fragment else None
            cost = self._selections(fragment.selection_set, condition, page) if fragment and condition else 0
            self._fragment_costs[key] = cost
        return cost

    def _field(self, node: FieldNode, parent: GraphQLNamedType, page: int | None) -> int:
        definition = self._definition(node.name.value, parent)
        if definition is None:
            return 1
        arguments = {
            argument.name.value: value_from_ast_untyped(argument.value, self.variables)
            for argument in node.arguments or ()
        }
        items = 1
        if is_list_type(get_nullable_type(definition.type)):
            items = page if page is not None else self._list_size(arguments)
        if node.selection_set is None:
            return items
        named = get_named_type(definition.type)
        child_page = self._page_size(arguments) if _is_connection(named) else None
        return items * (1 + self._selections(node.selection_set, named, child_page))

    def _definition(self, name: str, parent: GraphQLNamedType) -> GraphQLField | None:
        if name == "__schema":
            return SchemaMetaFieldDef
        if name == "__type":
            return TypeMetaFieldDef
        if isinstance(parent, GraphQLObjectType | GraphQLInterfaceType):
            found: GraphQLField | None = parent.fields.get(name)
            return found
        return None

    def _page_size(self, arguments: Mapping[str, Any]) -> int:
        asked = [value for name in PAGE_ARGUMENTS if isinstance(value := arguments.get(name), int)]
        if not asked:
            return self.sizes.default
        return max(0, min(max(asked), self.sizes.maximum))

    def _list_size(self, arguments: Mapping[str, Any]) -> int:
        if any(isinstance(arguments.get(name), int) for name in PAGE_ARGUMENTS):
            return self._page_size(arguments)
        return self.sizes.plain_list

    def _included(self, selection: SelectionNode) -> bool:
        for directive in selection.directives or ():
            name = directive.name.value
            if name not in {"skip", "include"}:
                continue
            condition = next(
                (
                    value_from_ast_untyped(argument.value, self.variables)
                    for argument in directive.arguments or ()
                    if argument.name.value == "if"
                ),
                None,
            )
            if (name == "skip" and condition is True) or (name == "include" and condition is False):
                return False
        return True


def _is_connection(named: GraphQLNamedType) -> bool:
    return isinstance(named, GraphQLObjectType) and {"edges", "pageInfo"} <= named.fields.keys()


def operation_cost(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    variables: Mapping[str, Any] | None,
    sizes: PageSizes,
) -> int:
    """The estimated cost of running `operation` of `document` with `variables`."""
    return CostEstimate(schema, document, variables, sizes).operation(operation)
