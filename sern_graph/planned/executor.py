"""A breadth-first executor for query operations that calls our resolvers without graphql-core's
per-field machinery.

graphql-core and strawberry spend tens of microseconds of Python on every field (resolve info,
argument conversion, extension hooks, awaitable checks, path tracking); a whole-network query
resolves hundreds of thousands of fields. This executor walks the same validated document with
graphql-core's own field collection (fragments, aliases, `@skip`/`@include` behave identically),
calls the same strawberry resolver functions with the same converted arguments, and serialises
leaves with the schema's own scalars and enums. Async resolvers (the links, which wait on the
request's batch loaders) run as tasks counted by the request's batcher, exactly as under
graphql-core, so batches and SQL statements are the same as before.

It answers only when the whole operation completed without an error. On the first error,
unexpected value or unsupported feature it gives up (`Unplanned`) and the operation runs again
through graphql-core, which then produces exactly the errors and partial data it always did.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from inspect import isawaitable
from typing import Any

from graphql import (
    GraphQLAbstractType,
    GraphQLEnumType,
    GraphQLField,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLScalarType,
    GraphQLSchema,
)
from graphql.execution.collect_fields import FieldDetailsList, GroupedFieldSet, collect_fields
from graphql.execution.executor import Executor
from graphql.execution.values import get_argument_values
from strawberry.schema import Schema
from strawberry.schema.schema_converter import GraphQLCoreConverter
from strawberry.types.arguments import convert_arguments
from strawberry.types.field import StrawberryField

from sern_graph.core.batching import tracked


class Unplanned(Exception):
    """The operation leaves the planned path; graphql-core runs it instead."""


@dataclass(frozen=True, slots=True)
class ResolverInfo:
    """What our resolvers take from `info`: the request context (they use nothing else)."""

    context: Any


@dataclass(frozen=True, slots=True)
class FieldPlan:
    """How to resolve one field of one object type, worked out once per schema."""

    definition: GraphQLField
    field: StrawberryField
    # The resolver function, or None for a plain attribute (`python_name`).
    resolver: Callable[..., Any] | None
    passes_self: bool
    info_parameter: str | None
    has_arguments: bool


def _plan_field(definition: GraphQLField) -> FieldPlan:
    field = (definition.extensions or {}).get(GraphQLCoreConverter.DEFINITION_BACKREF)
    if not isinstance(field, StrawberryField) or field.extensions or field.permission_classes:
        raise Unplanned
    resolver = field.base_resolver
    if resolver is None:
        return FieldPlan(definition, field, None, False, None, False)
    if resolver.parent_parameter is not None or resolver.root_parameter is not None:
        raise Unplanned
    function = resolver.wrapped_func
    if not callable(function):  # a staticmethod/classmethod object: let strawberry handle it
        raise Unplanned
    info = resolver.info_parameter
    return FieldPlan(
        definition,
        field,
        function,
        resolver.self_parameter is not None,
        info.name if info is not None else None,
        bool(field.arguments),
    )


class FieldPlans:
    """Field plans of one schema, built on first use."""

    def __init__(self, schema: Schema) -> None:
        self.schema = schema
        self._plans: dict[tuple[str, str], FieldPlan] = {}

    def get(self, object_type: GraphQLObjectType, name: str) -> FieldPlan:
        key = (object_type.name, name)
        plan = self._plans.get(key)
        if plan is None:
            definition = object_type.fields.get(name)
            if definition is None:  # introspection (`__schema`, `__type`) or unknown
                raise Unplanned
            plan = self._plans[key] = _plan_field(definition)
        return plan


class PlannedRun:
    """One operation's execution on the planned path."""

    def __init__(self, schema: Schema, plans: FieldPlans, executor: Executor[Any]) -> None:
        self.schema = schema
        self.graphql_schema: GraphQLSchema = schema._schema
        self.plans = plans
        self.executor = executor
        self.info = ResolverInfo(executor.context_value)
        self.batcher = getattr(executor.context_value, "batcher", None)
        self.scalar_registry = schema.schema_converter.scalar_registry
        self.config = schema.config
        self.running: set[asyncio.Task[None]] = set()
        self.failure: BaseException | None = None

    async def run(self) -> dict[str, Any]:
        executor = self.executor
        root_type = self.graphql_schema.query_type
        if root_type is None:
            raise Unplanned
        collected = collect_fields(
            self.graphql_schema, executor.fragments, executor.variable_values, root_type, executor.operation
        )
        if collected.new_defer_usages:
            raise Unplanned
        data: dict[str, Any] = {}
        try:
            self.complete_fields(root_type, executor.root_value, collected.grouped_field_set, data)
        except Unplanned as error:
            self.failure = error
        # Resolvers started while others wait, as under graphql-core: the batcher then groups
        # the same loads into the same batches. Every started resolver is awaited, even after a
        # failure, so none outlives the request.
        while self.running:
            started = list(self.running)
            await asyncio.gather(*started, return_exceptions=True)
            self.running.difference_update(started)
        if self.failure is not None:
            raise Unplanned from self.failure
        return data

    def start(
        self,
        awaitable: Awaitable[Any],
        return_type: GraphQLOutputType,
        details: FieldDetailsList,
        out: dict[str, Any],
        key: str,
    ) -> None:
        out[key] = None  # keeps the response's key order; filled in when the resolver is done
        self.running.add(asyncio.ensure_future(self.finish(awaitable, return_type, details, out, key)))

    async def finish(
        self,
        awaitable: Awaitable[Any],
        return_type: GraphQLOutputType,
        details: FieldDetailsList,
        out: dict[str, Any],
        key: str,
    ) -> None:
        try:
            value = await self.track(awaitable)
            if self.failure is None:
                out[key] = self.complete_value(return_type, details, value)
        except Exception as error:  # noqa: BLE001 - any failure hands the operation to graphql-core
            if self.failure is None:
                self.failure = error

    def track(self, awaitable: Awaitable[Any]) -> Awaitable[Any]:
        return tracked(self.batcher, awaitable) if self.batcher is not None else awaitable

    def complete_fields(
        self, object_type: GraphQLObjectType, source: Any, fields: GroupedFieldSet, out: dict[str, Any]
    ) -> None:
        for key, details in fields.items():
            node = details[0].node
            name = node.name.value
            if name == "__typename":
                out[key] = object_type.name
                continue
            plan = self.plans.get(object_type, name)
            value = self.resolve(plan, source, details)
            if isawaitable(value):
                self.start(value, plan.definition.type, details, out, key)
            else:
                out[key] = self.complete_value(plan.definition.type, details, value)

    def resolve(self, plan: FieldPlan, source: Any, details: FieldDetailsList) -> Any:
        if plan.resolver is None:
            return getattr(source, plan.field.python_name)
        kwargs: dict[str, Any] = {}
        if plan.has_arguments:
            detail = details[0]
            raw = get_argument_values(
                plan.definition, detail.node, self.executor.variable_values, detail.fragment_variable_values
            )
            kwargs = convert_arguments(raw, plan.field.arguments, self.scalar_registry, self.config)
        if plan.info_parameter is not None:
            kwargs[plan.info_parameter] = self.info
        try:
            if plan.passes_self:
                return plan.resolver(source, **kwargs)
            return plan.resolver(**kwargs)
        except Exception as error:
            raise Unplanned from error

    def complete_value(self, return_type: GraphQLOutputType, details: FieldDetailsList, value: Any) -> Any:
        if isinstance(return_type, GraphQLNonNull):
            if value is None:
                raise Unplanned
            return_type = return_type.of_type
        if value is None:
            return None
        if isinstance(return_type, GraphQLObjectType):
            return self.complete_object(return_type, details, value)
        if isinstance(return_type, GraphQLScalarType | GraphQLEnumType):
            serialized = return_type.serialize(value)
            if serialized is None:
                raise Unplanned
            return serialized
        if isinstance(return_type, GraphQLList):
            item_type = return_type.of_type
            return [self.complete_value(item_type, details, item) for item in value]
        if isinstance(return_type, GraphQLAbstractType):
            return self.complete_object(self.runtime_type(return_type, value), details, value)
        raise Unplanned

    def complete_object(
        self, object_type: GraphQLObjectType, details: FieldDetailsList, value: Any
    ) -> dict[str, Any]:
        out: dict[str, Any] = {}
        fields = self.executor.collect_subfields(object_type, details).grouped_field_set
        self.complete_fields(object_type, value, fields, out)
        return out

    def runtime_type(self, abstract: GraphQLAbstractType, value: Any) -> GraphQLObjectType:
        definition = getattr(type(value), "__strawberry_definition__", None)
        name = getattr(definition, "name", None)
        runtime = self.graphql_schema.get_type(name) if isinstance(name, str) else None
        if not isinstance(runtime, GraphQLObjectType) or not self.graphql_schema.is_sub_type(
            abstract, runtime
        ):
            raise Unplanned
        return runtime
