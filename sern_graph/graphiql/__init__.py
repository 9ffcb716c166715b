"""Self-hosted GraphiQL: a page and pinned assets that need no internet access."""

from sern_graph.graphiql.example import EXAMPLE_QUERY
from sern_graph.graphiql.page import ASSETS_DIR, assets_app, render_graphiql_page

__all__ = ["ASSETS_DIR", "EXAMPLE_QUERY", "assets_app", "render_graphiql_page"]
