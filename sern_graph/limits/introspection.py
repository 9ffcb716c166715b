"""Introspection: nested no deeper than graphql-core's limit for everyone (with our error code), and
off for anonymous callers when the settings say so (tokens keep it, so their tools still work)."""

from __future__ import annotations

from collections.abc import Iterator

from graphql import ASTValidationRule, GraphQLError
from graphql.validation import MaxIntrospectionDepthRule, NoSchemaIntrospectionCustomRule
from strawberry.extensions import SchemaExtension


class IntrospectionDepthRule(MaxIntrospectionDepthRule):
    """`__schema { types { fields { type { fields ... } } } }` grows with the schema's size at every
    level, and the depth limit does not count introspection fields."""

    def report_error(self, error: GraphQLError) -> None:
        error.extensions = {**(error.extensions or {}), "code": "QUERY_TOO_DEEP"}
        super().report_error(error)


class NoIntrospectionRule(NoSchemaIntrospectionCustomRule):
    def report_error(self, error: GraphQLError) -> None:
        error.message = "Introspection is disabled for anonymous callers; send an API token to use it."
        error.extensions = {**(error.extensions or {}), "code": "INTROSPECTION_DISABLED"}
        super().report_error(error)


_EVERYONE: tuple[type[ASTValidationRule], ...] = (IntrospectionDepthRule,)
_ANONYMOUS_WITHOUT_INTROSPECTION = (*_EVERYONE, NoIntrospectionRule)


class IntrospectionPolicy(SchemaExtension):
    """Adds the introspection rules for the caller; the rule classes are fixed, so the validation
    cache keeps one entry per document and caller class."""

    def __init__(self, anonymous_introspection: bool) -> None:
        self.anonymous_introspection = anonymous_introspection

    def on_operation(self) -> Iterator[None]:
        context = self.execution_context
        actor = getattr(context.context, "actor", None)
        anonymous = actor is None or not actor.is_authenticated
        refused = anonymous and not self.anonymous_introspection
        extra = _ANONYMOUS_WITHOUT_INTROSPECTION if refused else _EVERYONE
        # graphql-core's own depth rule is among the specified rules; ours replaces it to add the code.
        kept = tuple(rule for rule in context.validation_rules if rule is not MaxIntrospectionDepthRule)
        context.validation_rules = (*kept, *extra)
        yield
