"""The strawberry schema: the root Query composed from each domain."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import strawberry
from graphql import GraphQLError
from strawberry.extensions import SchemaExtension
from strawberry.tools import merge_types
from strawberry.types import ExecutionContext

from sern_graph.accounts.mutations import AccountMutation
from sern_graph.accounts.queries import AccountQuery
from sern_graph.content.mutations import ContentMutation
from sern_graph.events.mutations import EventMutation
from sern_graph.events.queries import EventQuery
from sern_graph.geography.mutations import GeographyMutation
from sern_graph.geography.queries import GeographyQuery
from sern_graph.network.queries import NetworkQuery
from sern_graph.nodes import NODE_TYPES, NodeQuery
from sern_graph.organisations.membership_mutations import MembershipMutation
from sern_graph.organisations.mutations import OrganisationMutation
from sern_graph.organisations.queries import OrganisationQuery
from sern_graph.people.mutations import PersonMutation
from sern_graph.people.queries import PersonQuery
from sern_graph.projects.mutations import ProjectMutation
from sern_graph.projects.queries import ProjectQuery
from sern_graph.response_cache.graphql import ResponseCacheQuery
from sern_graph.themes.mutations import ThemeMutation
from sern_graph.themes.queries import ThemeQuery

Query = merge_types(
    "Query",
    (
        NodeQuery,
        GeographyQuery,
        OrganisationQuery,
        PersonQuery,
        ProjectQuery,
        ThemeQuery,
        EventQuery,
        NetworkQuery,
        AccountQuery,
        ResponseCacheQuery,
    ),
)
Mutation = merge_types(
    "Mutation",
    (
        OrganisationMutation,
        GeographyMutation,
        MembershipMutation,
        ProjectMutation,
        ThemeMutation,
        EventMutation,
        PersonMutation,
        AccountMutation,
        ContentMutation,
    ),
)
Mutation.__strawberry_definition__.description = (  # type: ignore[attr-defined]
    "Writes, for editors and admins (Authorization: Bearer <token>). Every mutation takes one "
    "`input` and returns the entry with `userErrors`; nothing is written when there are any."
)
Query.__strawberry_definition__.description = (  # type: ignore[attr-defined]
    "The SERN network graph: countries, regions, organisations, people, projects, themes, events."
)


class Schema(strawberry.Schema):
    """Strawberry's schema without its error log: unexpected errors are logged once, when masked
    (`sern_graph.errors`), and the caller's mistakes are not the server's errors."""

    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        # Parse errors skip the extensions' result hooks; give them their code here.
        for error in errors:
            if not (error.extensions or {}).get("code") and error.original_error is None:
                error.extensions = {**(error.extensions or {}), "code": "GRAPHQL_VALIDATION_FAILED"}


def build_schema(
    extensions: Sequence[type[SchemaExtension] | Callable[[], SchemaExtension]] = (),
) -> Schema:
    return Schema(
        query=Query,
        mutation=Mutation,
        types=[node_type for _, node_type in NODE_TYPES.values()],
        extensions=list(extensions),
    )


schema = build_schema()
