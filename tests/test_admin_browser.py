"""The admin UI in a real browser, as an editor uses it.

Starts `sern-graph serve` on a free loopback port with a fresh SQLite database (two editors made
with `sern-graph create-user` first) and drives Debian's Chromium through the issue's scenario:
sign in, create an organisation with a Swedish and an Italian description, see a validation error
and correct it, publish, confirm through GraphQL that the public sees it, provoke a version
conflict from a second browser session, compare and restore revisions, sign out.

Needs `apt-get install chromium`; without /usr/bin/chromium the test is skipped locally but fails
when CI is set. With SERN_SCREENSHOTS=1 it saves the main pages to docs/admin/*.png.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright

from tests.live_server import (
    BROWSER_TIMEOUT_MS,
    CHROMIUM,
    CHROMIUM_ARGS,
    Server,
    live_server,
    require_chromium,
    sern_graph_command,
)

pytestmark = pytest.mark.browser

PASSWORD = "a long enough password"
EDITORS = ("anna", "bruno")
NAME = "Kiruna kommun (test)"
SLUG = "kiruna-kommun-test"
SCREENSHOTS = Path(__file__).resolve().parent.parent / "docs" / "admin"
PUBLIC = f'query {{ organisation(slug: "{SLUG}", locale: IT) {{ name shortName description }} }}'


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """`sern-graph serve` on a free port, on a new database with two editors."""
    tmp_path = tmp_path_factory.mktemp("admin-serve")
    env = {
        **os.environ,
        "SERN_DATABASE_URL": f"sqlite:///{tmp_path / 'sern.db'}",
        "SERN_NEW_PASSWORD": PASSWORD,
        "SERN_RESPONSE_CACHE": "true",
    }
    for username in EDITORS:
        subprocess.run(sern_graph_command("create-user", username, "--role", "editor"), env=env, check=True)
    with live_server(tmp_path, env) as running:
        yield running


def _screenshot(page: Page, name: str) -> None:
    if os.environ.get("SERN_SCREENSHOTS") == "1":
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def _public_organisation(base_url: str) -> dict[str, str] | None:
    with httpx.Client(trust_env=False) as client:
        response = client.post(f"{base_url}/graphql", json={"query": PUBLIC})
    body = response.json()
    assert "errors" not in body, body
    found: dict[str, str] | None = body["data"]["organisation"]
    return found


class Session:
    """One browser session (its own cookies) of one editor."""

    def __init__(self, browser: Browser, server: Server, requested: list[str], errors: list[str]) -> None:
        self.context: BrowserContext = browser.new_context(viewport={"width": 1366, "height": 900})
        self.context.on("request", lambda request: requested.append(request.url))
        self.page = self.context.new_page()
        self.page.set_default_timeout(BROWSER_TIMEOUT_MS)
        self.page.on("pageerror", lambda error: errors.append(str(error)))
        self.base_url = server.base_url

    def sign_in(self, username: str) -> None:
        page = self.page
        page.goto(f"{self.base_url}/admin")
        expect(page).to_have_title("Sign in · SERN admin")
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        expect(page).to_have_title("Dashboard · SERN admin")


def _keyboard_focus_is_visible(page: Page) -> None:
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "() => { const e = document.activeElement; const s = getComputedStyle(e);"
        " return [e.textContent.trim(), s.outlineStyle, s.outlineWidth]; }"
    )
    assert focused[0] == "Skip to content"
    assert focused[1] == "solid"
    assert focused[2] != "0px"


def _create_with_an_error_then_correct(page: Page) -> None:
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Organisations").click()
    expect(page).to_have_title("Organisations · SERN admin")
    page.get_by_role("searchbox", name="Search").fill("Luleå")
    page.get_by_role("button", name="Apply").click()
    expect(page.locator("table.list tbody")).to_contain_text("Luleå")
    _screenshot(page, "list")

    page.get_by_role("link", name="New organisation").click()
    expect(page).to_have_title("New organisation · SERN admin")
    page.get_by_role("textbox", name=re.compile(r"^Name")).fill(NAME)
    page.get_by_label("Kind").select_option("municipality")
    page.get_by_label("Country").select_option(label="SE: Sweden")
    page.get_by_label("NUTS region").select_option(label="SE332: Norrbotten County")
    page.get_by_label("Website").fill("kiruna.se")
    page.get_by_label("Svenska (sv)").fill("Sveriges nordligaste kommun.")
    page.get_by_label("Italiano (it)").fill("Il comune più settentrionale della Svezia.")
    page.get_by_role("button", name="Create draft").click()

    website = page.get_by_label("Website")
    expect(website).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#err-website")).to_contain_text("An http or https address")
    expect(website).to_have_value("kiruna.se")
    expect(page.get_by_label("Svenska (sv)")).to_have_value("Sveriges nordligaste kommun.")
    _screenshot(page, "form-error")

    website.fill("https://kiruna.se")
    page.get_by_role("button", name="Create draft").click()
    expect(page.get_by_role("status")).to_contain_text("Created as a draft.")
    expect(page).to_have_title(f"{NAME} · SERN admin")


def _tablet_layout_stacks_the_locales(browser: Browser, page: Page) -> None:
    """On a laptop the three descriptions sit side by side; on a tablet they stack."""
    swedish = page.get_by_label("Svenska (sv)").bounding_box()
    italian = page.get_by_label("Italiano (it)").bounding_box()
    assert swedish
    assert italian
    assert swedish["y"] == italian["y"]
    assert italian["x"] > swedish["x"]
    page.set_viewport_size({"width": 768, "height": 1024})
    swedish = page.get_by_label("Svenska (sv)").bounding_box()
    italian = page.get_by_label("Italiano (it)").bounding_box()
    assert swedish
    assert italian
    assert italian["y"] > swedish["y"]
    page.set_viewport_size({"width": 1366, "height": 900})


def _conflict(first: Page, second: Session, entry_url: str) -> None:
    """`second` saves while `first` has the page open; `first`'s save is refused."""
    second.page.goto(entry_url)
    second.page.get_by_label("Short name").fill("Kiruna")
    second.page.get_by_role("button", name="Save").click()
    expect(second.page.get_by_role("status")).to_contain_text("Saved.")

    first.get_by_label("Short name").fill("Giron")
    first.get_by_role("button", name="Save").click()
    alert = first.get_by_role("alert")
    expect(alert).to_contain_text("Someone else saved this entry meanwhile")
    expect(first.get_by_label("Short name")).to_have_value("Giron")
    first.get_by_role("link", name="Open the current version").click()
    expect(first.get_by_label("Short name")).to_have_value("Kiruna")


def _compare_and_restore(page: Page) -> None:
    page.get_by_role("link", name="Revision history").click()
    expect(page).to_have_title(f"History of {NAME} · SERN admin")
    rows = page.locator("tbody tr")
    expect(rows).to_have_count(3)  # create, publish, the second editor's edit
    expect(rows.first).to_contain_text("bruno (admin UI)")
    expect(rows.last).to_contain_text("anna (admin UI)")
    page.get_by_label("Compare from version 1").check()
    page.get_by_label("Compare to version 3").check()
    page.get_by_role("button", name="Compare").click()
    expect(page).to_have_title(f"Changes to {NAME} · SERN admin")
    diff = page.locator("table.diff")
    expect(diff).to_contain_text("Short name")
    expect(diff.locator("ins")).to_have_text("Kiruna")
    _screenshot(page, "diff")
    page.go_back()
    _screenshot(page, "revisions")

    page.get_by_role("button", name="Restore version 2").click()
    expect(page.get_by_role("status")).to_contain_text("The revision is restored")
    expect(page.get_by_label("Short name")).to_have_value("")
    expect(page.locator(".status")).to_contain_text("pending changes")


def test_an_editor_publishes_an_organisation(server: Server) -> None:
    require_chromium()
    requested: list[str] = []
    page_errors: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            anna = Session(browser, server, requested, page_errors)
            page = anna.page
            anna.sign_in("anna")
            _keyboard_focus_is_visible(page)
            expect(page.get_by_role("heading", name="Latest changes")).to_be_visible()
            _screenshot(page, "dashboard")

            _create_with_an_error_then_correct(page)
            _tablet_layout_stacks_the_locales(browser, page)
            entry_url = page.url.split("?")[0]
            assert _public_organisation(server.base_url) is None  # a draft is not public

            page.get_by_role("button", name="Publish").click()
            expect(page.get_by_role("status")).to_contain_text("Published: the public sees it now.")
            public = _public_organisation(server.base_url)
            assert public == {
                "name": NAME,
                "shortName": None,
                "description": "Il comune più settentrionale della Svezia.",
            }

            bruno = Session(browser, server, requested, page_errors)
            bruno.sign_in("bruno")
            _conflict(page, bruno, entry_url)
            _compare_and_restore(page)
            # Edits of a published entry wait for publishing: the public still sees version 2.
            assert _public_organisation(server.base_url) == public

            page.get_by_role("button", name="Sign out").click()
            expect(page).to_have_title("Sign in · SERN admin")
            expect(page.get_by_role("status")).to_contain_text("You are signed out.")
            page.goto(entry_url)
            expect(page).to_have_title("Sign in · SERN admin")
        finally:
            browser.close()

    assert not page_errors
    off_host = [url for url in requested if urlsplit(url).netloc != urlsplit(server.base_url).netloc]
    assert not off_host, f"requests left the service: {off_host}"
    assert not re.search(r"Traceback", server.log.read_text())
