"""The admin's sign-in, sessions, CSRF checks, lock-out and role checks."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from sern_graph.accounts.models import Role, User
from sern_graph.admin.throttle import FREE_FAILURES
from sern_graph.settings import Settings
from tests.admin_support import PASSWORD, csrf_of, make_user, sign_in


@pytest.fixture
async def users(settings: Settings) -> AsyncIterator[dict[str, User]]:
    made = {
        "editor": await make_user("test-admin-auth-editor", Role.EDITOR),
        "admin": await make_user("test-admin-auth-admin", Role.ADMIN),
        "reader": await make_user("test-admin-auth-reader", Role.READER),
    }
    yield made
    await User.filter(username__startswith="test-admin-auth-").delete()


async def test_admin_pages_need_a_signed_in_user(client: httpx.AsyncClient) -> None:
    response = await client.get("/admin/organisations/?q=lu")
    assert response.status_code == 303
    assert response.headers["location"] == "/admin/signin?next=%2Fadmin%2Forganisations%2F%3Fq%3Dlu"


async def test_sign_in_page_has_labels_csrf_and_security_headers(client: httpx.AsyncClient) -> None:
    response = await client.get("/admin/signin")
    assert response.status_code == 200
    assert "<title>Sign in · SERN admin</title>" in response.text
    assert '<label for="username">' in response.text
    assert 'id="username"' in response.text
    assert csrf_of(response.text)
    headers = response.headers
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert "script-src" not in headers["content-security-policy"]  # default-src 'none': no scripts
    assert headers["x-frame-options"] == "DENY"
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "same-origin"
    assert "https://" not in response.text


async def test_sign_in_starts_a_session(client: httpx.AsyncClient, users: dict[str, User]) -> None:
    response = await sign_in(client, users["editor"].username)
    assert response.status_code == 303
    assert response.headers["location"] == "/admin/"
    cookie = response.headers["set-cookie"].lower()
    assert "httponly" in cookie
    assert "samesite=lax" in cookie
    assert "secure" not in cookie  # plain http here
    dashboard = await client.get("/admin/")
    assert dashboard.status_code == 200
    assert "test-admin-auth-editor (editor)" in dashboard.text


async def test_session_cookie_is_secure_over_https(settings: Settings, users: dict[str, User]) -> None:
    from sern_graph.app import create_app

    transport = httpx.ASGITransport(app=create_app(settings, manage_database=False))
    async with httpx.AsyncClient(transport=transport, base_url="https://testserver") as client:
        response = await sign_in(client, users["editor"].username)
    assert response.status_code == 303
    assert "secure" in response.headers["set-cookie"].lower()


async def test_wrong_password_is_refused(client: httpx.AsyncClient, users: dict[str, User]) -> None:
    response = await sign_in(client, users["editor"].username, "not the password at all")
    assert response.status_code == 401
    assert "The username or the password is wrong." in response.text
    assert 'value="test-admin-auth-editor"' in response.text  # the username is kept
    assert (await client.get("/admin/")).status_code == 303


async def test_unknown_user_is_refused_alike(client: httpx.AsyncClient, users: dict[str, User]) -> None:
    response = await sign_in(client, "test-admin-auth-nobody")
    assert response.status_code == 401
    assert "The username or the password is wrong." in response.text


async def test_readers_cannot_use_the_admin(client: httpx.AsyncClient, users: dict[str, User]) -> None:
    response = await sign_in(client, users["reader"].username)
    assert response.status_code == 403
    assert (await client.get("/admin/")).status_code == 303


async def test_sign_in_without_csrf_token_is_refused(
    client: httpx.AsyncClient, users: dict[str, User]
) -> None:
    await client.get("/admin/signin")
    form = {"username": users["editor"].username, "password": PASSWORD}
    response = await client.post("/admin/signin", data=form)
    assert response.status_code == 403
    assert "Form refused" in response.text
    forged = await client.post("/admin/signin", data={**form, "csrf_token": "forged"})
    assert forged.status_code == 403


async def test_signed_in_posts_need_the_session_csrf_token(
    client: httpx.AsyncClient, users: dict[str, User]
) -> None:
    await sign_in(client, users["editor"].username)
    response = await client.post("/admin/organisations/new", data={"name": "Test CSRF", "csrf_token": "x"})
    assert response.status_code == 403
    response = await client.post("/admin/signout", data={})
    assert response.status_code == 403
    assert (await client.get("/admin/")).status_code == 200  # still signed in


async def test_repeated_failures_lock_the_username(client: httpx.AsyncClient, users: dict[str, User]) -> None:
    for _ in range(FREE_FAILURES):
        assert (await sign_in(client, users["editor"].username, "wrong password!")).status_code == 401
    locked = await sign_in(client, users["editor"].username)  # the right password, while locked
    assert locked.status_code == 429
    assert "Too many failed attempts" in locked.text
    assert (await client.get("/admin/")).status_code == 303


async def test_repeated_failures_lock_the_client_address(
    client: httpx.AsyncClient, users: dict[str, User]
) -> None:
    for attempt in range(FREE_FAILURES):
        assert (
            await sign_in(client, f"test-admin-auth-guess{attempt}", "guess guess guess")
        ).status_code == 401
    assert (await sign_in(client, users["admin"].username)).status_code == 429


async def test_sign_out_ends_the_session(client: httpx.AsyncClient, users: dict[str, User]) -> None:
    await sign_in(client, users["editor"].username)
    session_cookie = client.cookies.get("sern_admin_session")
    assert session_cookie
    dashboard = await client.get("/admin/")
    response = await client.post("/admin/signout", data={"csrf_token": csrf_of(dashboard.text)})
    assert response.status_code == 303
    assert response.headers["location"] == "/admin/signin?signed_out=1"
    assert (await client.get("/admin/")).status_code == 303
    # The old cookie, replayed, is refused too.
    client.cookies.set("sern_admin_session", session_cookie, path="/admin")
    assert (await client.get("/admin/")).status_code == 303


async def test_a_new_password_ends_old_sessions(client: httpx.AsyncClient, users: dict[str, User]) -> None:
    await sign_in(client, users["editor"].username)
    from sern_graph.accounts import passwords

    await User.filter(id=users["editor"].id).update(
        password_hash=passwords.hash_password("another password!")
    )
    assert (await client.get("/admin/")).status_code == 303


async def test_only_admins_see_users_tokens_and_audit(
    client: httpx.AsyncClient, users: dict[str, User]
) -> None:
    await sign_in(client, users["editor"].username)
    assert (await client.get("/admin/users")).status_code == 403
    assert (await client.get("/admin/audit")).status_code == 403
    assert "Users and tokens" not in (await client.get("/admin/")).text
    client.cookies.clear()
    await sign_in(client, users["admin"].username)
    users_page = await client.get("/admin/users")
    assert users_page.status_code == 200
    assert "test-admin-auth-editor" in users_page.text
    assert "API tokens" in users_page.text
    assert (await client.get("/admin/audit")).status_code == 200
