"""Refuses an operation whose estimated cost (`cost.py`) is over the limit, before it executes."""

from __future__ import annotations

from collections.abc import Iterator

from graphql.utilities import get_operation_ast
from strawberry.extensions import SchemaExtension

from sern_graph.limits.cost import PageSizes, operation_cost
from sern_graph.limits.errors import LimitExceeded


class CostLimit(SchemaExtension):
    """Placed before the execution slots, so a refused operation never waits for one."""

    def __init__(self, max_cost: int, sizes: PageSizes) -> None:
        self.max_cost = max_cost
        self.sizes = sizes

    def on_execute(self) -> Iterator[None]:
        context = self.execution_context
        document = context.graphql_document
        operation = get_operation_ast(document, context.operation_name) if document is not None else None
        if document is not None and operation is not None:
            cost = operation_cost(context.schema._schema, document, operation, context.variables, self.sizes)
            if cost > self.max_cost:
                raise LimitExceeded(
                    f"The query's estimated cost is {cost}; at most {self.max_cost} is allowed. Ask for "
                    "smaller pages (`first`), fewer nested lists, or split the query.",
                    code="QUERY_TOO_COMPLEX",
                    limit=self.max_cost,
                    value=cost,
                )
        yield
