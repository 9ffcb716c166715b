"""Helpers of the admin UI tests: accounts to sign in with, and reading the pages' forms."""

from __future__ import annotations

import re

import httpx

from sern_graph.accounts import services as accounts
from sern_graph.accounts.models import Role, User

PASSWORD = "correct horse battery staple"
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


async def make_user(username: str, role: Role) -> User:
    await User.filter(username=username).delete()
    return await accounts.create_user(username, PASSWORD, role)


def csrf_of(html: str) -> str:
    found = CSRF.search(html)
    assert found, "the page has no CSRF token"
    return found.group(1)


async def sign_in(client: httpx.AsyncClient, username: str, password: str = PASSWORD) -> httpx.Response:
    page = await client.get("/admin/signin")
    form = {"csrf_token": csrf_of(page.text), "username": username, "password": password, "next": ""}
    return await client.post("/admin/signin", data=form)


async def post_form(
    client: httpx.AsyncClient, page_url: str, action: str, data: dict[str, str]
) -> httpx.Response:
    """Posts `data` to `action` with the CSRF token of the page at `page_url`."""
    page = await client.get(page_url)
    assert page.status_code == 200, page.text
    return await client.post(action, data={"csrf_token": csrf_of(page.text), **data})
