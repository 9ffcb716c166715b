"""A live `sern-graph serve` on a free loopback port, and Debian's Chromium, for the browser tests."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from http import HTTPStatus
from pathlib import Path

import httpx
import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
STARTUP_TIMEOUT_S = 60.0
BROWSER_TIMEOUT_MS = 30_000


@dataclass(frozen=True)
class Server:
    base_url: str
    log: Path
    process: subprocess.Popen[bytes]


def require_chromium() -> None:
    """Skips without /usr/bin/chromium, except under CI, where the test must run."""
    if CHROMIUM.exists():
        return
    message = f"{CHROMIUM} is missing: apt-get install chromium"
    if os.environ.get("CI"):
        pytest.fail(f"{message} (CI is set, so this test must run)")
    pytest.skip(message)


def sern_graph_command(*args: str) -> list[str]:
    script = shutil.which("sern-graph", path=str(Path(sys.executable).parent))
    if script:
        return [script, *args]
    return [sys.executable, "-m", "sern_graph", *args]


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _wait_until_healthy(process: subprocess.Popen[bytes], base_url: str, log: Path) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    with httpx.Client(trust_env=False, timeout=2.0) as client:
        while time.monotonic() < deadline:
            if process.poll() is not None:
                pytest.fail(f"serve exited with {process.returncode}:\n{log.read_text()}")
            try:
                response = client.get(f"{base_url}/healthz")
            except httpx.TransportError:
                pass
            else:
                if response.status_code == HTTPStatus.OK:
                    return
            time.sleep(0.2)
    pytest.fail(f"/healthz not ready after {STARTUP_TIMEOUT_S:.0f} s:\n{log.read_text()}")


@contextmanager
def live_server(directory: Path, env: Mapping[str, str]) -> Iterator[Server]:
    """`sern-graph serve` with `env` (which names its database) until the block ends."""
    port = _free_port()
    base_url = f"http://127.0.0.1:{port}"
    log = directory / "serve.log"
    command = sern_graph_command("serve", "--host", "127.0.0.1", "--port", str(port))
    with log.open("wb") as log_file:
        process = subprocess.Popen(command, env=dict(env), stdout=log_file, stderr=subprocess.STDOUT)
        try:
            _wait_until_healthy(process, base_url, log)
            yield Server(base_url=base_url, log=log, process=process)
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
