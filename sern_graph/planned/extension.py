"""Runs query operations on the planned path; anything it gives up on runs through graphql-core."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any
from weakref import WeakKeyDictionary

from graphql import ExecutionResult, OperationType
from graphql.execution.executor import Executor
from strawberry.extensions import SchemaExtension
from strawberry.schema import Schema

from sern_graph.planned.executor import FieldPlans, PlannedRun, Unplanned

logger = logging.getLogger(__name__)

_plans: WeakKeyDictionary[Schema, FieldPlans] = WeakKeyDictionary()


@dataclass
class PlannedStats:
    """How many query operations the planned path answered and how many it handed back."""

    answered: int = 0
    handed_back: int = 0


stats = PlannedStats()


def field_plans(schema: Schema) -> FieldPlans:
    plans = _plans.get(schema)
    if plans is None:
        plans = _plans[schema] = FieldPlans(schema)
    return plans


async def execute_planned(
    schema: Schema, context: Any, document: Any, operation_name: str | None, variables: dict[str, Any] | None
) -> dict[str, Any] | None:
    """The operation's data, or None when it must run through graphql-core instead."""
    executor = Executor.build(schema._schema, document, None, context, variables, operation_name)
    if isinstance(executor, list) or executor.operation.operation != OperationType.QUERY:
        return None
    try:
        data = await PlannedRun(schema, field_plans(schema), executor).run()
    except Unplanned as reason:
        stats.handed_back += 1
        logger.debug("Planned execution handed back: %r", reason.__cause__)
        return None
    stats.answered += 1
    return data


class PlannedExecution(SchemaExtension):
    """Answers error-free query operations from the planned executor; leaves the rest untouched."""

    async def on_execute(self) -> AsyncIterator[None]:
        context = self.execution_context
        if context.result is None and context.graphql_document is not None:
            data = await execute_planned(
                context.schema,
                context.context,
                context.graphql_document,
                context.operation_name,
                context.variables,
            )
            if data is not None:
                context.result = ExecutionResult(data=data, errors=None)
        yield
