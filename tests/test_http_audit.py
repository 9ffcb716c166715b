"""GraphQL over HTTP compliance: graphql-http's audit suite (scripts/http-audit) against a live
`sern-graph serve`. Skipped without node or its `npm ci`, except under CI, where it must run."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

AUDIT = Path(__file__).resolve().parent.parent / "scripts" / "http-audit"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture
def node() -> str:
    """node, with the audit's packages installed (`npm ci`)."""
    found = shutil.which("node")
    if found is None or not (AUDIT / "node_modules" / "graphql-http").is_dir():
        if os.environ.get("CI"):
            pytest.fail("CI must run the GraphQL over HTTP audit: node and `npm ci` in scripts/http-audit")
        pytest.skip("needs node and `npm ci --prefix scripts/http-audit`")
    return found


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    """A live server on a fresh SQLite database (it migrates and seeds itself); its URL."""
    port = free_port()
    env = {
        **os.environ,
        "SERN_DATABASE_URL": f"sqlite://{tmp_path / 'audit.db'}",
        "SERN_SCHEDULER_INTERVAL": "0",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "sern_graph", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, "sern-graph serve exited"
            try:
                if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "sern-graph serve did not start"
            time.sleep(0.2)
        yield f"http://127.0.0.1:{port}/graphql"
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_graphql_over_http_audit_reports_no_error(node: str, server: str) -> None:
    result = subprocess.run(
        [node, str(AUDIT / "audit.mjs"), server], capture_output=True, text=True, timeout=120, check=False
    )
    print(result.stdout)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[-1].endswith(" 0 errors"), result.stdout
