"""`serve` behind a TLS-terminating proxy: X-Forwarded-Proto is believed from SERN_TRUSTED_PROXIES
only, so the admin's cookies are Secure when the proxy says the client used https."""

from __future__ import annotations

import os
from pathlib import Path

import httpx
import pytest

from tests.live_server import live_server


@pytest.mark.parametrize(("trusted_proxies", "secure"), [("127.0.0.1/32", True), ("10.9.8.7", False)])
def test_the_admin_cookie_is_secure_when_a_trusted_proxy_forwarded_https(
    tmp_path: Path, trusted_proxies: str, secure: bool
) -> None:
    env = {
        **os.environ,
        "SERN_DATABASE_URL": f"sqlite://{tmp_path / 'proxy.db'}",
        "SERN_TRUSTED_PROXIES": trusted_proxies,
        "SERN_SCHEDULER_INTERVAL": "0",
        "SERN_SEED_ON_START": "false",
    }
    with live_server(tmp_path, env) as server, httpx.Client(trust_env=False, timeout=10) as client:
        response = client.get(f"{server.base_url}/admin/signin", headers={"X-Forwarded-Proto": "https"})
    assert response.status_code == 200
    cookie = response.headers["set-cookie"]
    assert cookie.startswith("sern_admin_csrf=")
    assert ("; secure" in cookie.lower()) is secure
