"""Sign-in and sign-out. Failed attempts are counted per username and per client address; while
either is locked, the password is not even checked."""

from __future__ import annotations

from functools import cache
from math import ceil

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from sern_graph.accounts import passwords
from sern_graph.accounts.models import User
from sern_graph.admin import csrf
from sern_graph.admin.forms import read_form
from sern_graph.admin.pages import ADMIN_PATH, admin_state, posted, render, signed_in
from sern_graph.admin.sessions import ADMIN_ROLES

WRONG = "The username or the password is wrong."


@cache
def _decoy_hash() -> str:
    # Checked for unknown usernames too, so the answer takes as long as for a known one.
    return passwords.hash_password("not the password of anyone")


async def sign_in_page(request: Request) -> Response:
    if await admin_state(request).sessions.current(request) is not None:
        return RedirectResponse(f"{ADMIN_PATH}/", status_code=303)
    notice = "You are signed out." if request.query_params.get("signed_out") else None
    return _form(request, "", None, notice=notice)


async def sign_in(request: Request) -> Response:
    form = await read_form(request)
    csrf.check_sign_in_token(request, str(form.get(csrf.FIELD, "")))
    username = str(form.get("username", "")).strip()
    password = str(form.get("password", ""))
    state = admin_state(request)
    keys = (f"user:{username.lower()}", f"address:{request.client.host if request.client else '-'}")
    wait = await state.throttle.locked_for(*keys)
    if wait > 0:
        minutes = ceil(wait / 60)
        message = f"Too many failed attempts. Try again in {minutes} minute{'s' if minutes > 1 else ''}."
        return _form(request, username, message, status_code=429, next_page=str(form.get("next", "")))
    user = await User.get_or_none(username=username) if username else None
    password_hash = user.password_hash if user is not None else _decoy_hash()
    correct = await run_in_threadpool(passwords.verify_password, password_hash, password)
    if user is None or not correct or not user.is_active:
        await state.throttle.failed(*keys)
        return _form(request, username, WRONG, status_code=401, next_page=str(form.get("next", "")))
    await state.throttle.succeeded(keys[0])
    if user.role not in ADMIN_ROLES:
        return _form(request, username, "Your account's role cannot use the admin.", status_code=403)
    response = RedirectResponse(_next_page(str(form.get("next", ""))), status_code=303)
    state.sessions.start(request, response, user)
    return response


async def sign_out(request: Request) -> Response:
    session = await signed_in(request)
    await posted(request, session)
    response = RedirectResponse(f"{ADMIN_PATH}/signin?signed_out=1", status_code=303)
    await admin_state(request).sessions.end(session, response)
    return response


def _next_page(wanted: str) -> str:
    # Only pages of the admin: never an address elsewhere (an open redirect).
    if wanted.startswith(f"{ADMIN_PATH}/") and not wanted.startswith("//") and "\\" not in wanted:
        return wanted
    return f"{ADMIN_PATH}/"


def _form(
    request: Request,
    username: str,
    error: str | None,
    *,
    notice: str | None = None,
    status_code: int = 200,
    next_page: str | None = None,
) -> Response:
    token = csrf.sign_in_token(request)
    context = {
        "username": username,
        "error": error,
        "notice": notice,
        "sign_in_token": token,
        "next": request.query_params.get("next", "") if next_page is None else next_page,
    }
    response = render(request, "signin.html", context, status_code=status_code)
    csrf.keep_sign_in_token(request, response, token)
    return response
