"""Runs the benchmark: generate, floor, server under load, statement counts, memory; writes the results."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
from tortoise.context import TortoiseContext

from bench import generate
from bench.floor import SERIALISER, open_floor
from sern_graph import db
from sern_graph.app import create_app
from sern_graph.settings import Settings
from tests.sql_counter import count_statements

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
QUERY_DIR = BENCH_DIR / "queries"
RESULTS_DIR = BENCH_DIR / "results"
DOCS = ROOT / "docs" / "benchmarks.md"
# Hand-written: what changed between runs and why; appended to the generated page.
HISTORY = Path(__file__).parent / "HISTORY.md"
QUERIES = ("Q1", "Q2", "Q3", "Q4")


def query(name: str) -> tuple[str, dict[str, Any]]:
    """A reference query's document and variables."""
    variables_file = QUERY_DIR / f"{name}.json"
    variables = json.loads(variables_file.read_text()) if variables_file.exists() else {}
    return (QUERY_DIR / f"{name}.graphql").read_text(), variables


async def in_process(url: str, names: tuple[str, ...] = QUERIES) -> dict[str, tuple[int, dict[str, Any]]]:
    """Each query once through the app in-process: (SQL statements sent, data)."""
    # Uncached: the second request of each query must run, so its statements can be counted.
    settings = Settings(database_url=url, scheduler_interval=0, seed_on_start=False, response_cache=False)
    async with TortoiseContext() as context:
        await context.init(config=db.tortoise_config(settings))
        app = create_app(settings, manage_database=False)
        results: dict[str, tuple[int, dict[str, Any]]] = {}
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://bench"
        ) as client:
            for name in names:
                document, variables = query(name)
                await client.post("/graphql", json={"query": document, "variables": variables})  # warm
                with count_statements() as statements:
                    response = await client.post("/graphql", json={"query": document, "variables": variables})
                body: dict[str, Any] = response.json()
                if body.get("errors"):
                    raise RuntimeError(f"{name}: {body['errors']}")
                results[name] = (len(statements), body["data"])
        return results


async def floor_figures(
    url: str, *, sequential: int, requests: int, seconds: float
) -> dict[str, dict[str, Any]]:
    """Sequential latency (median) and throughput of the hand-written SQL, one connection, this process."""
    floor = await open_floor(url)
    figures: dict[str, dict[str, Any]] = {}
    try:
        for name in QUERIES:
            _, variables = query(name)
            for _ in range(3):
                size = len(await floor.run(name, variables))
            single = []
            for _ in range(sequential):
                started = time.perf_counter()
                await floor.run(name, variables)
                single.append(time.perf_counter() - started)
            count, started = 0, time.perf_counter()
            while count < requests and time.perf_counter() - started < seconds:
                await floor.run(name, variables)
                count += 1
            wall = time.perf_counter() - started
            figures[name] = {
                "median_ms": statistics.median(single) * 1000,
                "throughput_rps": count / wall,
                "response_bytes": size,
            }
    finally:
        await floor.close()
    return figures


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def pinned(core: int, command: list[str]) -> list[str]:
    taskset = shutil.which("taskset")
    return [taskset, "-c", str(core), *command] if taskset and (os.cpu_count() or 1) > 1 else command


def peak_memory_kib(pid: int) -> int | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def serve_and_load(
    url: str, args: argparse.Namespace, log: Path, *, cached: bool
) -> tuple[dict[str, dict[str, Any]], int | None]:
    """`sern-graph serve` on one core; the load generator (another process, another core) per query.
    With `cached`, the response cache is on and each query's answer is in it before the load."""
    port = free_port()
    env = {
        **os.environ,
        "SERN_DATABASE_URL": url,
        "SERN_SEED_ON_START": "false",
        "SERN_SCHEDULER_INTERVAL": "0",
        "SERN_PORT": str(port),
        "SERN_RESPONSE_CACHE": "true" if cached else "false",
    }
    executable = Path(sys.executable).parent / "sern-graph"
    with log.open("wb") as output:
        server = subprocess.Popen(
            pinned(0, [str(executable), "serve", "--port", str(port)]), env=env, stdout=output, stderr=output
        )
        try:
            base = f"http://127.0.0.1:{port}"
            deadline = time.monotonic() + 120
            while True:
                if server.poll() is not None:
                    raise RuntimeError(f"the server stopped; see {log}")
                try:
                    if httpx.post(f"{base}/graphql", json={"query": "{__typename}"}).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                if time.monotonic() > deadline:
                    raise RuntimeError(f"the server did not start; see {log}")
                time.sleep(0.2)
            figures: dict[str, dict[str, Any]] = {}
            for name in QUERIES:
                if cached:
                    document, variables = query(name)
                    httpx.post(
                        f"{base}/graphql", json={"query": document, "variables": variables}, timeout=600
                    )
                command = [sys.executable, "-m", "bench.load", base, str(QUERY_DIR / f"{name}.graphql")]
                if (QUERY_DIR / f"{name}.json").exists():
                    command.append(str(QUERY_DIR / f"{name}.json"))
                command += [
                    f"--sequential={args.sequential}",
                    f"--concurrency={args.concurrency}",
                    f"--requests={args.requests}",
                    f"--seconds={args.seconds}",
                ]
                done = subprocess.run(
                    pinned(1, command), cwd=ROOT, capture_output=True, check=True, text=True
                )
                figures[name] = json.loads(done.stdout)
            return figures, peak_memory_kib(server.pid)
        finally:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()


def machine() -> dict[str, Any]:
    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "nproc": os.cpu_count(),
        "cpu": model,
        "python": platform.python_version(),
        "os": platform.platform(),
    }


async def run_one(database: str, scale: float, args: argparse.Namespace) -> dict[str, Any]:
    print(f"== {database}, scale {scale:g}", flush=True)
    url, generation = await generate.ensure(database, scale)
    print(f"   data ready in {generation:.1f} s", flush=True)
    answers = await in_process(url)
    floor = await floor_figures(url, sequential=args.sequential, requests=args.requests, seconds=args.seconds)
    print("   floor measured", flush=True)
    RESULTS_DIR.mkdir(exist_ok=True)
    stamp = datetime.now(UTC)
    server, peak = serve_and_load(
        url, args, RESULTS_DIR / f"server-{database}-scale{scale:g}.log", cached=False
    )
    print("   server measured", flush=True)
    cached, _ = serve_and_load(
        url, args, RESULTS_DIR / f"server-{database}-scale{scale:g}-cached.log", cached=True
    )
    rows = {}
    for name in QUERIES:
        ours, base, hit = server[name], floor[name], cached[name]
        rows[name] = {
            "statements": answers[name][0],
            "floor": base,
            "server": ours,
            "latency_ratio": ours["sequential_median_ms"] / base["median_ms"],
            "loaded_latency_ratio": ours["load_median_ms"] / base["median_ms"],
            "throughput_ratio": ours["throughput_rps"] / base["throughput_rps"],
            "cached": {
                "sequential_median_ms": hit["sequential_median_ms"],
                "throughput_rps": hit["throughput_rps"],
                "latency_ratio": hit["sequential_median_ms"] / base["median_ms"],
                "throughput_ratio": hit["throughput_rps"] / base["throughput_rps"],
            },
        }
    result = {
        "date": stamp.isoformat(timespec="seconds"),
        "database": database,
        "scale": scale,
        "generation_seconds": generation,
        "serialiser": SERIALISER,
        "server_peak_rss_kib": peak,
        "settings": {k: getattr(args, k) for k in ("sequential", "concurrency", "requests", "seconds")},
        "machine": machine(),
        "queries": rows,
    }
    path = RESULTS_DIR / f"{stamp:%Y-%m-%d}-{database}-scale{scale:g}.json"
    path.write_text(json.dumps(result, indent=2) + "\n")
    print(table(result), flush=True)
    print(f"   wrote {path.relative_to(ROOT)}", flush=True)
    return result


def table(result: dict[str, Any]) -> str:
    peak = result["server_peak_rss_kib"]
    lines = [
        f"**{result['database']}, scale {result['scale']:g}** ({result['date']}; server peak RSS "
        f"{peak / 1024:.0f} MiB)"
        if peak
        else f"**{result['database']}, scale {result['scale']:g}**",
        "",
        "| query | SQL stmts | floor ms | ours ms (x floor) | under load p50 / p99 ms | "
        "floor req/s | ours req/s (x floor) | cached |",
        "|---|--:|--:|--:|--:|--:|--:|---|",
    ]
    for name, row in result["queries"].items():
        base, ours = row["floor"], row["server"]
        lines.append(
            f"| {name} | {row['statements']} | {base['median_ms']:.2f} | "
            f"{ours['sequential_median_ms']:.2f} ({row['latency_ratio']:.1f}x) | "
            f"{ours['load_median_ms']:.1f} / {ours['load_p99_ms']:.1f} | {base['throughput_rps']:.0f} | "
            f"{ours['throughput_rps']:.1f} ({row['throughput_ratio']:.3f}x) | {cached_cell(row['cached'])} |"
        )
    return "\n".join(lines)


def cached_cell(cached: dict[str, Any] | str) -> str:
    """Cached median latency and throughput, each with its ratio to the floor (older results: text)."""
    if isinstance(cached, str):
        return cached
    return (
        f"{cached['sequential_median_ms']:.2f} ms ({cached['latency_ratio']:.2f}x), "
        f"{cached['throughput_rps']:.0f} req/s ({cached['throughput_ratio']:.2f}x)"
    )


def latest_results() -> list[dict[str, Any]]:
    """The newest result per database and scale."""
    newest: dict[tuple[str, float], dict[str, Any]] = {}
    for path in sorted(RESULTS_DIR.glob("*.json")):
        result = json.loads(path.read_text())
        key = (result["database"], float(result["scale"]))
        if key not in newest or result["date"] >= newest[key]["date"]:
            newest[key] = result
    return [newest[key] for key in sorted(newest)]


def statement_check(results: list[dict[str, Any]]) -> list[str]:
    """Per database, whether each query sent the same number of statements at every scale."""
    notes = []
    for database in sorted({r["database"] for r in results}):
        runs = [r for r in results if r["database"] == database]
        if len(runs) < 2:
            continue
        for name in QUERIES:
            counts = {f"{r['scale']:g}": r["queries"][name]["statements"] for r in runs}
            same = len(set(counts.values())) == 1
            notes.append(f"- {database} {name}: {counts} — {'same' if same else 'DIFFERS'}")
    return notes


def write_docs(results: list[dict[str, Any]]) -> None:
    info = results[-1]["machine"]
    parts = [
        "# Benchmarks",
        "",
        "Produced by `./sern bench` (see `bench/README.md`); refreshed from the newest result per",
        "database and scale in `bench/results/`. Every ratio is to the *floor* — the same data fetched",
        "with hand-written SQL and serialised in one process, measured in the same run — so ratios",
        "compare across machines better than milliseconds do.",
        "",
        f"Machine: {info['nproc']} CPUs ({info['cpu']}), Python {info['python']}, {info['os']}.",
        f"Floor serialiser: {results[-1]['serialiser']}. Server: `sern-graph serve` (uvicorn, one process,",
        "pinned to core 0 with `taskset`); load generator: a separate process on core 1, httpx over",
        "loopback.",
        "",
        "Columns: *ours ms* is the sequential median (one request at a time) and *x floor* ours/floor;",
        "*under load* is latency with 16 concurrent connections; *req/s* is throughput (the floor's is",
        "sequential on one connection); *SQL stmts* is statements per request, counted in-process.",
        "*cached* is a second server run with the response cache on and each answer already in it:",
        "sequential median and throughput under load, each with its ratio to the floor.",
        "",
    ]
    for result in results:
        settings = result["settings"]
        parts += [
            table(result),
            "",
            f"Load: {settings['concurrency']} connections, at most {settings['requests']} requests or "
            f"{settings['seconds']:g} s per query; sequential median of {settings['sequential']}. "
            f"Data generated in {result['generation_seconds']:.0f} s (0 when reused).",
            "",
        ]
    notes = statement_check(results)
    if notes:
        parts += ["Statements per request at each scale (must not grow with the data):", "", *notes, ""]
    if HISTORY.exists():
        parts += [HISTORY.read_text().rstrip(), ""]
    DOCS.write_text("\n".join(parts))


def run(args: argparse.Namespace) -> None:
    databases = ["sqlite", "postgres"] if args.database == "both" else [args.database]
    scales = args.scale or [0.1]
    if len(databases) * len(scales) == 1:
        asyncio.run(run_one(databases[0], scales[0], args))
    else:
        # One process per database and scale: tortoise keeps per-model state across connections.
        knobs = [f"--{k}={getattr(args, k)}" for k in ("sequential", "concurrency", "requests", "seconds")]
        for scale in scales:
            for database in databases:
                command = [sys.executable, "-m", "bench", f"--scale={scale:g}", f"--database={database}"]
                subprocess.run([*command, *knobs, "--no-docs"], cwd=ROOT, check=True)
    results = latest_results()
    for note in statement_check(results):
        print(note)
    if not args.no_docs:
        write_docs(results)
        print(f"wrote {DOCS.relative_to(ROOT)}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m bench", description="Benchmark sern-graph against its floor."
    )
    parser.add_argument("--scale", type=float, action="append", help="1 = 5,000 organisations (repeatable)")
    parser.add_argument("--database", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--sequential", type=int, default=15, help="requests for the sequential median")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--requests", type=int, default=2000, help="most requests under load, per query")
    parser.add_argument("--seconds", type=float, default=10, help="most seconds under load, per query")
    parser.add_argument("--no-docs", action="store_true", help="do not refresh docs/benchmarks.md")
    run(parser.parse_args(argv))
