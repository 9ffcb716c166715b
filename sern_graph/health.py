"""Liveness and readiness probes for orchestrators and load balancers.

`/healthz` answers while the process serves requests. `/readyz` answers 200 only while the
database answers and has had every migration this package ships, so a replica started before the
migration job finished turns ready once the job has run. Migrations do not un-apply under a running
process: once complete, they are not checked again and a healthy probe costs one `SELECT 1`. A
database with migrations this package does not know (a newer release's, during a rolling deploy)
is ready: old replicas keep serving until they are replaced.
"""

from __future__ import annotations

import asyncio

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from tortoise import Tortoise

from sern_graph import db

# Probes give up on their own after a few seconds (docker-compose: 4 s); a 503 before then beats a
# request that hangs (tortoise's SQLite client can wait forever on a file it once failed to open).
CHECK_TIMEOUT_S = 3.0


async def healthz(_: Request) -> Response:
    return JSONResponse({"status": "ok"})


class Readiness:
    """The readiness verdict of one app; remembers that every shipped migration was applied."""

    def __init__(self) -> None:
        self.migrations_applied = False

    async def readyz(self, _: Request) -> Response:
        pending: list[str] = []
        try:
            async with asyncio.timeout(CHECK_TIMEOUT_S):
                await Tortoise.get_connection("default").execute_query("SELECT 1")
                if not self.migrations_applied:
                    pending = await db.pending_migrations()
        # Whatever failed (refused, timed out, a bad file), the probe only needs "not ready": no detail.
        except Exception:  # noqa: BLE001
            return JSONResponse({"status": "unavailable", "database": "unavailable"}, status_code=503)
        if pending:
            return JSONResponse(
                {"status": "unavailable", "database": "ok", "migrations": {"pending": pending}},
                status_code=503,
            )
        self.migrations_applied = True
        return JSONResponse({"status": "ok", "database": "ok", "migrations": "ok"})


def routes() -> list[Route]:
    """`/healthz` and `/readyz`, with a readiness verdict of their own (one per app)."""
    return [Route("/healthz", healthz), Route("/readyz", Readiness().readyz)]
