"""The load generator, run as a process of its own: `python -m bench.load URL QUERY.graphql [VARS.json]`.

Prints one JSON object: sequential latency (median of N) and, with C concurrent connections for a
bounded number of requests or seconds, latency median and p99 and throughput.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import httpx


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


async def post(client: httpx.AsyncClient, body: bytes) -> float:
    started = time.perf_counter()
    response = await client.post("/graphql", content=body, headers={"content-type": "application/json"})
    elapsed = time.perf_counter() - started
    if response.status_code != 200 or b'"errors"' in response.content[:200]:
        raise RuntimeError(f"bad answer {response.status_code}: {response.text[:300]}")
    return elapsed


async def measure(
    url: str, body: bytes, *, sequential: int, concurrency: int, requests: int, seconds: float, warmup: int
) -> dict[str, Any]:
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=120) as client:
        for _ in range(warmup):
            await post(client, body)
        single = [await post(client, body) for _ in range(sequential)]
        latencies: list[float] = []
        deadline = time.perf_counter() + seconds
        remaining = requests

        async def worker() -> None:
            nonlocal remaining
            while remaining > 0 and time.perf_counter() < deadline:
                remaining -= 1
                latencies.append(await post(client, body))

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        wall = time.perf_counter() - started
    return {
        "sequential_median_ms": statistics.median(single) * 1000,
        "sequential_n": len(single),
        "load_requests": len(latencies),
        "load_seconds": wall,
        "load_median_ms": statistics.median(latencies) * 1000,
        "load_p99_ms": percentile(latencies, 0.99) * 1000,
        "throughput_rps": len(latencies) / wall,
        "concurrency": concurrency,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("url")
    parser.add_argument("query", type=Path)
    parser.add_argument("variables", type=Path, nargs="?")
    parser.add_argument("--sequential", type=int, default=20)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--warmup", type=int, default=3)
    args = parser.parse_args()
    variables = json.loads(args.variables.read_text()) if args.variables else {}
    body = json.dumps({"query": args.query.read_text(), "variables": variables}).encode()
    result = asyncio.run(
        measure(
            args.url,
            body,
            sequential=args.sequential,
            concurrency=args.concurrency,
            requests=args.requests,
            seconds=args.seconds,
            warmup=args.warmup,
        )
    )
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
