"""GraphiQL works in a real, offline browser: served from the service, no CDN.

Starts `sern-graph serve` on a free loopback port with a fresh SQLite database,
opens GET /graphql in headless Chromium (the Debian `chromium` package, never a
downloaded browser), and checks that the page loads the schema and runs the
example query against the seeded data without a single request leaving
127.0.0.1.

Needs `apt-get install chromium` and the `playwright` PyPI package. Without
/usr/bin/chromium the test is skipped locally, but fails when CI is set.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from http import HTTPStatus
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest
from playwright.sync_api import Page, Response, expect, sync_playwright

from sern_graph.graphiql import EXAMPLE_QUERY
from tests.live_server import (
    BROWSER_TIMEOUT_MS,
    CHROMIUM,
    CHROMIUM_ARGS,
    Server,
    live_server,
    require_chromium,
)

PAGE_TITLE = "sern-graph · GraphiQL"

# CodeMirror 5 keeps only the lines in view in the DOM, so read its value instead.
EDITOR_VALUE_JS = """selector => {
    const wrapper = document.querySelector(selector + ' .CodeMirror');
    return wrapper && wrapper.CodeMirror ? wrapper.CodeMirror.getValue() : null;
}"""
EDITOR_CONTAINS_JS = """([selector, text]) => {
    const wrapper = document.querySelector(selector + ' .CodeMirror');
    const editor = wrapper && wrapper.CodeMirror;
    return Boolean(editor && editor.getValue().includes(text));
}"""
QUERY_EDITOR = ".graphiql-query-editor"
RESULT_VIEWER = ".graphiql-response .result-window"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """`sern-graph serve` on a free port; it migrates and seeds the new database."""
    tmp_path = tmp_path_factory.mktemp("serve")
    env = {**os.environ, "SERN_DATABASE_URL": f"sqlite:///{tmp_path / 'sern.db'}"}
    with live_server(tmp_path, env) as running:
        yield running


def _is_loopback(url: str, base_url: str) -> bool:
    """True for requests to the service; data: and blob: URLs are not network."""
    parts = urlsplit(url)
    if parts.scheme in {"data", "blob"}:
        return True
    return parts.scheme in {"http", "ws"} and parts.netloc == urlsplit(base_url).netloc


def _graphql_post(endpoint: str, *, introspection: bool) -> Callable[[Response], bool]:
    """Matches GraphiQL's POSTs to the endpoint: introspection or a user query."""

    def predicate(response: Response) -> bool:
        request = response.request
        if request.method != "POST" or request.url != endpoint:
            return False
        return ("IntrospectionQuery" in (request.post_data or "")) is introspection

    return predicate


def _open_graphiql(page: Page, endpoint: str) -> None:
    """Loads the page, waits for the schema and checks the editor and the docs."""
    with page.expect_response(_graphql_post(endpoint, introspection=True)) as introspection_info:
        navigation = page.goto(endpoint)
    assert navigation is not None
    assert navigation.ok
    introspection = introspection_info.value
    assert introspection.ok
    assert introspection.json()["data"]["__schema"]["queryType"]["name"]
    expect(page).to_have_title(PAGE_TITLE)

    # The editor opens with the example query.
    page.wait_for_function(EDITOR_CONTAINS_JS, arg=[QUERY_EDITOR, "memberCount"])
    assert page.evaluate(EDITOR_VALUE_JS, QUERY_EDITOR) == EXAMPLE_QUERY

    # The documentation explorer shows the schema's root types.
    page.get_by_role("button", name="Show Documentation Explorer").click()
    docs = page.locator(".graphiql-doc-explorer")
    expect(docs).to_contain_text("Root Types")
    expect(docs).to_contain_text("query:")


def _run_example(page: Page, endpoint: str) -> None:
    """Clicks the run button; the seeded data comes back and GraphiQL shows it."""
    with page.expect_response(_graphql_post(endpoint, introspection=False)) as result_info:
        page.locator(".graphiql-execute-button").click()
    body = result_info.value.json()
    assert "errors" not in body, json.dumps(body["errors"], indent=2)
    assert body["data"]["network"]["memberCount"] > 0
    assert "Luleå" in body["data"]["organisation"]["name"]

    page.wait_for_function(EDITOR_CONTAINS_JS, arg=[RESULT_VIEWER, "memberCount"])
    shown = page.evaluate(EDITOR_VALUE_JS, RESULT_VIEWER)
    assert '"data"' in shown
    assert "Luleå" in shown
    assert '"errors"' not in shown


def test_graphiql_page_is_served(server: Server) -> None:
    with httpx.Client(trust_env=False) as client:
        response = client.get(f"{server.base_url}/graphql", headers={"Accept": "text/html"})
    assert response.status_code == HTTPStatus.OK
    assert response.headers["content-type"].startswith("text/html")
    assert PAGE_TITLE in response.text
    assert "https://" not in response.text


def test_graphiql_runs_the_example_offline(server: Server, tmp_path: Path) -> None:
    require_chromium()
    endpoint = f"{server.base_url}/graphql"
    requested: list[str] = []
    page_errors: list[str] = []
    policy_violations: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport={"width": 1400, "height": 900})
            context.on("request", lambda request: requested.append(request.url))
            page = context.new_page()
            page.set_default_timeout(BROWSER_TIMEOUT_MS)
            page.on("websocket", lambda ws: requested.append(ws.url))
            page.on("pageerror", lambda error: page_errors.append(str(error)))
            page.on(
                "console",
                lambda message: (
                    policy_violations.append(message.text)
                    if "Content Security Policy" in message.text
                    else None
                ),
            )

            _open_graphiql(page, endpoint)
            _run_example(page, endpoint)
            page.screenshot(path=str(tmp_path / "graphiql.png"))
        finally:
            browser.close()

    assert not page_errors
    assert not policy_violations, "the page breaks its Content-Security-Policy"
    assert requested, "the browser recorded no requests"
    off_host = [url for url in requested if not _is_loopback(url, server.base_url)]
    assert not off_host, f"requests left the service: {off_host}"
