"""Tortoise engines that wrap the stock ones and show every statement to the response cache's
recorder (`dependencies.observe_statement`) before sending it.

Reads through the ORM, `values_list`, counts and hand-written SQL all end in the client's
`execute_query` or `execute_query_dict`, so no read path escapes the recorder. Transactions
(writes only) run on the stock engine's own transaction client."""

from __future__ import annotations

import importlib
from functools import cache
from typing import Any

from tortoise import Tortoise
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.backends.base.config_generator import expand_db_url
from tortoise.exceptions import ConfigurationError

from sern_graph.response_cache.dependencies import observe_statement

# Stock engine -> ours; tortoise keeps only `engine` and `credentials` of a connection's config,
# so each stock engine has a module here naming it.
_OBSERVED_ENGINES = {
    "tortoise.backends.sqlite": f"{__name__}.sqlite",
    "tortoise.backends.asyncpg": f"{__name__}.asyncpg",
}


def observed_connection(db_url: str) -> dict[str, Any]:
    """The tortoise connection config for `db_url`, through an observed engine."""
    config = expand_db_url(db_url)
    engine = _OBSERVED_ENGINES.get(config["engine"])
    if engine is None:
        # Unobserved reads would be cached with no dependencies and never purged.
        raise ValueError(f"The response cache cannot observe the {config['engine']} engine.")
    return {**config, "engine": engine}


def observed_client_class(stock_engine: str, db_info: dict[str, Any]) -> type[BaseDBAsyncClient]:
    """The stock engine's client class (as it would choose it for `db_info`), observed."""
    engine = importlib.import_module(stock_engine)
    if hasattr(engine, "get_client_class"):
        stock: type[BaseDBAsyncClient] = engine.get_client_class({**db_info, "engine": stock_engine})
    else:
        stock = engine.client_class
    return _observed(stock)


def statements_observed() -> bool:
    """Whether the default connection goes through an observed engine (`db.connect` sets it up so;
    a connection set up otherwise would let responses be cached without their dependencies)."""
    try:
        connection = Tortoise.get_connection("default")
    except (ConfigurationError, KeyError, RuntimeError):
        return False
    return bool(getattr(connection, "observes_statements", False))


@cache
def _observed(client_class: type[BaseDBAsyncClient]) -> type[BaseDBAsyncClient]:
    class Observed(client_class):  # type: ignore[valid-type, misc]
        observes_statements = True

        async def execute_query(self, query: str, values: list[Any] | None = None) -> Any:
            observe_statement(query)
            return await super().execute_query(query, values)

        async def execute_query_dict(
            self, query: str, values: list[Any] | None = None
        ) -> list[dict[str, Any]]:
            observe_statement(query)
            return await super().execute_query_dict(query, values)  # type: ignore[no-any-return]

    Observed.__name__ = Observed.__qualname__ = f"Observed{client_class.__name__}"
    return Observed
