"""Typed settings from SERN_* environment variables; no I/O at import."""

from __future__ import annotations

from functools import lru_cache
from typing import Annotated, Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

Locale = Literal["sv", "it", "en"]
LOCALES: tuple[Locale, ...] = ("sv", "it", "en")
LogFormat = Literal["text", "json"]
# Who may run only registered documents: nobody, anonymous callers, or every caller but admins.
TrustedDocumentsMode = Literal["off", "anonymous", "all"]


class Settings(BaseSettings):
    """Everything the service can be configured with; the defaults serve the embedded SQLite database."""

    model_config = SettingsConfigDict(env_prefix="SERN_", frozen=True)

    database_url: str = Field(
        default="sqlite://sern.db",
        description="sqlite://<relative file>, sqlite:///<absolute path> or postgres://user@host/db",
    )
    database_pool_min: int = Field(default=1, ge=1, description="PostgreSQL connections kept open.")
    database_pool_max: int = Field(default=10, ge=1, description="Most PostgreSQL connections at once.")
    default_locale: Locale = "en"
    # NoDecode: from the environment the value is a comma-separated list, not JSON.
    fallback_locales: Annotated[tuple[Locale, ...], NoDecode] = Field(
        default=("en", "sv", "it"),
        description="Order in which locales are tried when a text is missing in the requested one.",
    )
    default_page_size: int = Field(default=20, ge=1)
    max_page_size: int = Field(default=100, ge=1)
    host: str = "127.0.0.1"
    port: int = 8000
    seed_on_start: bool = Field(
        default=True, description="`serve` migrates and seeds an empty database on start."
    )
    migrate_on_start: bool = Field(
        default=True,
        description="`serve` applies pending migrations before it listens (off where a migration job "
        "runs them, as in docker-compose.yml).",
    )
    debug: bool = False
    trusted_documents: TrustedDocumentsMode = Field(
        default="off",
        description="Who may run registered (trusted) documents only: off, anonymous or all but admins.",
    )
    scheduler_interval: float = Field(
        default=30, ge=0, description="Seconds between scheduled-publishing rounds; 0 turns it off."
    )
    max_query_depth: int = Field(default=12, ge=1, description="Deepest selection nesting allowed.")
    max_aliases: int = Field(default=30, ge=1, description="Most aliases allowed in one document.")
    max_tokens: int = Field(default=5000, ge=1, description="Most tokens allowed in one document.")
    max_repeated_fields: int = Field(
        default=20, ge=1, description="Most fields sharing one response name in one selection set."
    )
    max_query_cost: int = Field(
        default=50_000_000, ge=1, description="Highest estimated cost of an operation (limits/cost.py)."
    )
    query_cost_list_size: int = Field(
        default=20, ge=1, description="Items a plain (non-connection) list counts as in the query cost."
    )
    execution_timeout: float = Field(
        default=30, gt=0, description="Seconds an operation may execute before it is stopped (TIMEOUT)."
    )
    max_body_bytes: int = Field(
        default=1_048_576, ge=1, description="Largest request body accepted at /graphql (413 beyond)."
    )
    anonymous_introspection: bool = Field(
        default=True, description="Callers without a token may introspect the schema (tokens always may)."
    )
    response_cache: bool = Field(
        default=True, description="Cache whole responses of public query operations (docs/caching.md)."
    )
    response_cache_max_entries: int = Field(
        default=10_000, ge=1, description="Most responses the in-process cache keeps (LRU)."
    )
    response_cache_max_bytes: int = Field(
        default=128 * 2**20, ge=1, description="Most bytes of encoded responses the in-process cache keeps."
    )
    response_cache_ttl: int = Field(
        default=86_400, ge=1, description="Seconds a response lives in Redis at most (a safety net)."
    )
    response_cache_prefix: str = Field(
        default="sern:rc", description="Prefix of the response cache's Redis keys."
    )
    persisted_queries_prefix: str = Field(
        default="sern:apq", description="Prefix of the Redis keys of persisted (APQ) documents."
    )
    redis_url: str | None = Field(
        default=None,
        description="redis://host:port/db: response cache, rate limits, admin sign-in state and content "
        "events shared by replicas (unset: each process keeps its own).",
    )
    cdn_purge_url: str | None = Field(
        default=None, description='Receives POST {"tags": [...]} after each content event, for a CDN purge.'
    )
    max_concurrent_operations: int = Field(
        default=4, ge=1, description="Operations executing at once per process; the rest wait their turn."
    )
    gc_gen0_threshold: int = Field(
        default=50_000,
        ge=0,
        description="Allocations between young-generation garbage collections (0: Python's default).",
    )
    admin_secret_key: str | None = Field(
        default=None,
        description="Signs the admin UI's session cookies; unset: a random key per process (sessions "
        "end on restart and are not shared by replicas).",
    )
    planned_execution: bool = Field(
        default=True,
        description="Run error-free queries on the planned read path (off: graphql-core runs every query).",
    )
    rate_limit: bool = Field(
        default=True, description="Limit requests to /graphql per client address and per token."
    )
    rate_limit_per_address: int = Field(
        default=600, ge=1, description="Requests a minute from one client address (without a valid token)."
    )
    rate_limit_address_burst: int = Field(
        default=120, ge=1, description="Requests one client address may make at once before the rate applies."
    )
    rate_limit_per_token: int = Field(
        default=1200, ge=1, description="Requests a minute with one token, unless the token sets its own."
    )
    rate_limit_token_burst: int = Field(
        default=240, ge=1, description="Requests one token may make at once (at most a minute's worth)."
    )
    # NoDecode: from the environment these lists are comma-separated, not JSON.
    rate_limit_exempt: Annotated[tuple[str, ...], NoDecode] = Field(
        default=("127.0.0.1/32", "::1/128"),
        description="Client addresses or networks never rate limited (the host itself: scripts, the bench).",
    )
    rate_limit_prefix: str = Field(default="sern:rl", description="Prefix of the rate limits' Redis keys.")
    trusted_proxies: Annotated[tuple[str, ...], NoDecode] = Field(
        default=(),
        description="Addresses or networks of proxies whose X-Forwarded-For names the client address.",
    )
    log_format: LogFormat = Field(
        default="text",
        description="Log lines as readable text or as one JSON object per line (with the request id).",
    )
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = Field(
        default="INFO", description="The least severe log level written."
    )
    metrics_token: str | None = Field(
        default=None,
        description="When set, /metrics answers only requests with `Authorization: Bearer <token>`.",
    )
    shutdown_timeout: int = Field(
        default=20,
        gt=0,
        description="Seconds `serve` waits for in-flight requests after SIGTERM before closing them.",
    )
    events_channel: str = Field(
        default="sern:events",
        description="Redis pub/sub channel that carries content events between replicas.",
    )
    admin_state_prefix: str = Field(
        default="sern:admin",
        description="Prefix of the admin UI's Redis keys (ended sessions, sign-in lock-outs).",
    )
    cors_origins: Annotated[tuple[str, ...], NoDecode] = Field(
        default=(),
        description="Browser origins (scheme://host[:port]) allowed to call /graphql; '*' allows any.",
    )

    @field_validator("rate_limit_exempt", "trusted_proxies", "cors_origins", mode="before")
    @classmethod
    def _split_list(cls, value: object) -> object:
        if isinstance(value, str):
            return tuple(part.strip() for part in value.split(",") if part.strip())
        return value

    @field_validator("fallback_locales", mode="before")
    @classmethod
    def _split_locales(cls, value: object) -> object:
        if isinstance(value, str):
            return tuple(part.strip() for part in value.split(",") if part.strip())
        return value

    @field_validator("database_url")
    @classmethod
    def _normalise_database_url(cls, value: str) -> str:
        # tortoise names the PostgreSQL scheme postgres://; accept the other common spelling too.
        if value.startswith("postgresql://"):
            return "postgres://" + value.removeprefix("postgresql://")
        return value


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
