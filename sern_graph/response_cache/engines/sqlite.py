"""tortoise.backends.sqlite, observed (see the package docstring)."""

from __future__ import annotations

from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient

from sern_graph.response_cache.engines import observed_client_class


def get_client_class(db_info: dict[str, Any]) -> type[BaseDBAsyncClient]:
    return observed_client_class("tortoise.backends.sqlite", db_info)
