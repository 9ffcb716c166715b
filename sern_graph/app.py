"""create_app(settings) -> Starlette: routes, middleware, lifespan."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress

import orjson
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.authentication import AuthenticationMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Mount, Route
from starlette.websockets import WebSocket
from strawberry.extensions import ParserCache, ValidationCache
from strawberry.schema import Schema

from sern_graph import db, health, schema
from sern_graph.accounts.actor import ANONYMOUS, Actor
from sern_graph.accounts.authentication import TokenBackend, refuse
from sern_graph.admin import ADMIN_PATH, admin_app, close_admin
from sern_graph.content import scheduling
from sern_graph.content.event_relay import RedisEventRelay
from sern_graph.content.preview_request import PreviewExtension
from sern_graph.context import Context
from sern_graph.core.admission import ExecutionSlots
from sern_graph.core.batching import BatchingExtension
from sern_graph.core.gc_tuning import tune_garbage_collector
from sern_graph.core.http_cache import HttpCacheMiddleware
from sern_graph.core.request_id import RequestIdMiddleware
from sern_graph.errors import ErrorPolicy
from sern_graph.graphiql import EXAMPLE_QUERY, assets_app, render_graphiql_page
from sern_graph.kinds import KINDS
from sern_graph.limits.body_size import BodySizeLimit
from sern_graph.limits.cost import PageSizes
from sern_graph.limits.cost_limit import CostLimit
from sern_graph.limits.document_limits import DocumentLimits, MeasureCache, ShapeLimits
from sern_graph.limits.introspection import IntrospectionPolicy
from sern_graph.limits.operations import OperationNameRequired
from sern_graph.limits.request_body import StrictBodyGraphQL
from sern_graph.limits.text import NulTextRefusal
from sern_graph.limits.timeout import ExecutionTimeLimit
from sern_graph.limits.tokens import TokenLimit
from sern_graph.observability.operations import ObservedGraphQL, OperationRecorder
from sern_graph.observability.stack import Observability
from sern_graph.persisted import PersistedQueryGraphQL
from sern_graph.persisted.redis_store import RedisDocumentStore
from sern_graph.planned.extension import PlannedExecution
from sern_graph.response_cache.cache import ResponseCache
from sern_graph.response_cache.invalidation import purge_on_content_events
from sern_graph.response_cache.view import ResponseCachingGraphQL
from sern_graph.security.stack import Security
from sern_graph.settings import Settings, get_settings


class SernGraphQL(
    StrictBodyGraphQL[Context, None],
    ObservedGraphQL[Context, None],
    PersistedQueryGraphQL[Context, None],
    ResponseCachingGraphQL[Context, None],
):
    """Strawberry's ASGI view with our context, an offline GraphiQL page and the response cache
    (consulted after the persisted-query checks); bodies that are not JSON objects are refused first."""

    def __init__(self, schema: Schema, settings: Settings) -> None:
        super().__init__(
            schema,
            graphql_ide="graphiql",
            allow_queries_via_get=True,
            trusted_documents=settings.trusted_documents,
            persisted_queries=(
                RedisDocumentStore(settings.redis_url, settings.persisted_queries_prefix)
                if settings.redis_url
                else None
            ),
        )
        self.settings = settings

    async def close(self) -> None:
        """Closes the Redis clients of the response cache and the persisted documents."""
        if self.response_cache is not None:
            await self.response_cache.close()
        if isinstance(self.persisted_queries, RedisDocumentStore):
            await self.persisted_queries.close()

    async def get_context(self, request: Request | WebSocket, response: Response | WebSocket) -> Context:
        actor = request.scope.get("user")
        return Context(
            settings=self.settings,
            request=request,
            actor=actor if isinstance(actor, Actor) else ANONYMOUS,
        )

    def encode_json(self, data: object) -> bytes:
        return orjson.dumps(data)

    async def render_graphql_ide(self, request: Request) -> Response:
        return HTMLResponse(
            render_graphiql_page(
                endpoint=request.url.path,
                assets_url="/graphiql-assets",
                example_query=EXAMPLE_QUERY,
            )
        )


def build_schema(settings: Settings) -> Schema:
    """The schema with the request limits and caches from the settings."""
    planned = [PlannedExecution] if settings.planned_execution else []
    slots = asyncio.Semaphore(settings.max_concurrent_operations)
    shape = ShapeLimits(settings.max_query_depth, settings.max_aliases, settings.max_repeated_fields)
    measures = MeasureCache()
    sizes = PageSizes(settings.default_page_size, settings.max_page_size, settings.query_cost_list_size)
    return schema.build_schema(
        [
            # First, so it sees the operation's name and type whatever the others do.
            OperationRecorder,
            lambda: TokenLimit(settings.max_tokens),
            lambda: IntrospectionPolicy(settings.anonymous_introspection),
            lambda: ParserCache(maxsize=256),
            # Before the validation cache: it refuses the shapes that make validation slow.
            lambda: DocumentLimits(shape, measures),
            lambda: ValidationCache(maxsize=256),
            BatchingExtension,
            # Cost before the slots, so a refused operation never waits; the time limit after them,
            # so it counts execution only (limits/timeout.py).
            OperationNameRequired,
            lambda: CostLimit(settings.max_query_cost, sizes),
            NulTextRefusal,
            lambda: ExecutionSlots(slots),
            lambda: ExecutionTimeLimit(settings.execution_timeout),
            PreviewExtension,
            ErrorPolicy,
            # Last, so it runs inside the others' execution hooks (preview, error policy).
            *planned,
        ]
    )


def create_app(settings: Settings | None = None, *, manage_database: bool = True) -> Starlette:
    """The ASGI app; with `manage_database`, its lifespan opens and closes the tortoise connections,
    runs the publishing scheduler and, with Redis, relays content events between replicas."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        if not manage_database:
            yield
            return
        await db.connect(settings)
        tune_garbage_collector(settings.gc_gen0_threshold)
        if relay is not None:
            await relay.start()
        scheduler = None
        if settings.scheduler_interval > 0:
            kinds = list(KINDS.values())
            scheduler = asyncio.create_task(scheduling.run_forever(kinds, settings.scheduler_interval))
        try:
            yield
        finally:
            if scheduler is not None:
                scheduler.cancel()
                with suppress(asyncio.CancelledError):
                    await scheduler
            await close_clients()
            await db.disconnect()

    graphql = SernGraphQL(build_schema(settings), settings)
    graphql.response_cache = ResponseCache.from_settings(settings, str(graphql.schema))
    if graphql.response_cache is not None:
        graphql.response_cache.stop_purging = purge_on_content_events(graphql.response_cache)
    security = Security(settings, "/graphql")
    observability = Observability(settings)
    observability.observe(graphql)
    admin = admin_app(settings)
    relay = RedisEventRelay(settings.redis_url, settings.events_channel) if settings.redis_url else None
    if settings.redis_url:
        observability.observe_redis(
            {
                "response_cache": lambda: graphql.response_cache and graphql.response_cache.store,
                "persisted_queries": lambda: graphql.persisted_queries,
                "rate_limits": lambda: security.buckets,
                "admin": lambda: admin.state.admin.store,
                "events": lambda: relay,
            }
        )
    app = Starlette(
        debug=settings.debug,
        routes=[
            Route("/graphql", graphql, methods=["GET", "POST"]),
            Mount("/graphiql-assets", app=assets_app(), name="graphiql-assets"),
            Mount(ADMIN_PATH, app=admin, name="admin"),
            *health.routes(),
        ],
        middleware=[
            Middleware(RequestIdMiddleware),
            *observability.middleware,
            *security.before_auth,
            Middleware(BodySizeLimit, max_bytes=settings.max_body_bytes, path="/graphql"),
            Middleware(HttpCacheMiddleware),
            Middleware(AuthenticationMiddleware, backend=TokenBackend(), on_error=refuse),
            *security.after_auth,
        ],
        lifespan=lifespan,
    )

    async def close_clients() -> None:
        """Closes the app's Redis clients: at shutdown, or by a test that skipped the lifespan."""
        if relay is not None:
            await relay.close()
        await graphql.close()
        await security.close()
        await close_admin(admin)

    app.state.close_clients = close_clients
    app.state.security = security
    app.state.graphql = graphql
    app.state.metrics = observability.metrics
    return app
