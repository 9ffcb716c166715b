"""Trusted documents: registering them (CLI), running them by hash, and the callers bound to them."""

from __future__ import annotations

import asyncio
import hashlib
import json
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from click.testing import CliRunner, Result
from tortoise.expressions import Q

from sern_graph.accounts import cli as accounts_cli
from sern_graph.accounts import services
from sern_graph.accounts.models import ApiToken, Role
from sern_graph.app import create_app
from sern_graph.cli import main
from sern_graph.content.models import AuditEvent
from sern_graph.persisted import TrustedDocuments
from sern_graph.persisted import cli as persisted_cli
from sern_graph.persisted.models import TrustedDocument
from sern_graph.persisted.registry import check_documents, register_documents
from sern_graph.persisted.sources import DocumentSource
from sern_graph.schema import schema
from sern_graph.settings import Settings, TrustedDocumentsMode

THEMES = "query TrustedThemes { themes { slug } }"
COUNTRIES = "query TrustedCountries { countries { code } }"
TWO_OPERATIONS = "query TrustedA { themes { slug } }\nquery TrustedB { countries { code } }"
UNREGISTERED = "query NotRegistered { themes { name } }"
ARCHIVE = (
    "mutation TrustedArchive($id: ID!) { archiveOrganisation(input: {id: $id}) { userErrors { message } } }"
)

RunCli = Callable[..., Awaitable[Result]]
Client = Callable[[TrustedDocumentsMode], Awaitable[httpx.AsyncClient]]


def sha256(document: str) -> str:
    return hashlib.sha256(document.encode()).hexdigest()


def persisted(document: str) -> dict[str, Any]:
    return {"persistedQuery": {"version": 1, "sha256Hash": sha256(document)}}


def bearer(secret: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {secret}"}


async def register(*bodies: str) -> None:
    sources = [DocumentSource(body=body, source="tests") for body in bodies]
    await register_documents(check_documents(sources, schema._schema))


async def get(
    client: httpx.AsyncClient, headers: dict[str, str] | None = None, **params: Any
) -> httpx.Response:
    encoded = {key: value if isinstance(value, str) else json.dumps(value) for key, value in params.items()}
    return await client.get(
        "/graphql", params=encoded, headers={"Accept": "application/json", **(headers or {})}
    )


def refusal_code(response: httpx.Response) -> str:
    body = response.json()
    assert body.get("data") is None, body
    [error] = body["errors"]
    code: str = error["extensions"]["code"]
    return code


def assert_trusted_document_required(response: httpx.Response) -> None:
    assert response.status_code == 400, response.text
    assert refusal_code(response) == "TRUSTED_DOCUMENT_REQUIRED"
    assert "no-store" in response.headers["cache-control"]


@pytest.fixture(autouse=True)
async def cleanup(settings: Settings) -> AsyncIterator[None]:
    """Removes the documents, tokens and audit events each test adds."""
    before = set(await TrustedDocument.all().values_list("sha256", flat=True))
    yield
    await TrustedDocument.exclude(sha256__in=before).delete()
    tokens = await ApiToken.filter(name__startswith="test td").values_list("id", flat=True)
    await AuditEvent.filter(
        Q(token_id__in=tokens) | Q(content_type="ApiToken", object_id__in=tokens)
    ).delete()
    await ApiToken.filter(id__in=tokens).delete()


@pytest.fixture
async def app_client(settings: Settings) -> AsyncIterator[Client]:
    """Clients of apps in a given SERN_TRUSTED_DOCUMENTS mode."""
    clients: list[httpx.AsyncClient] = []

    async def make(mode: TrustedDocumentsMode) -> httpx.AsyncClient:
        app = create_app(settings.model_copy(update={"trusted_documents": mode}), manage_database=False)
        client = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver")
        clients.append(client)
        return client

    yield make
    for client in clients:
        await client.aclose()


@pytest.fixture
async def run_cli(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> RunCli:
    """Runs `sern-graph ...` in a thread; its database work runs on the test's loop and connection."""
    loop = asyncio.get_running_loop()

    def on_test_database(work: Callable[[], Awaitable[Any]]) -> Any:
        async def run() -> Any:
            return await work()

        return asyncio.run_coroutine_threadsafe(run(), loop).result()

    monkeypatch.setattr(persisted_cli, "run_with_database", on_test_database)
    monkeypatch.setattr(accounts_cli, "run_with_database", on_test_database)

    async def run_cli(*args: str) -> Result:
        return await asyncio.to_thread(CliRunner().invoke, main, list(args))

    return run_cli


@pytest.fixture
async def editor() -> dict[str, str]:
    _, secret = await services.create_token("test td editor", Role.EDITOR)
    return bearer(secret)


@pytest.fixture
async def admin() -> dict[str, str]:
    _, secret = await services.create_token("test td admin", Role.ADMIN)
    return bearer(secret)


def write_manifest(path: Path, bodies: dict[str, str], ids: dict[str, str] | None = None) -> Path:
    operations = [
        {"id": (ids or {}).get(name, sha256(body)), "name": name, "type": "query", "body": body}
        for name, body in bodies.items()
    ]
    manifest = {"format": "apollo-persisted-query-manifest", "version": 1, "operations": operations}
    path.write_text(json.dumps(manifest), encoding="utf-8")
    return path


async def test_register_documents_from_a_graphql_file_and_a_manifest(run_cli: RunCli, tmp_path: Path) -> None:
    document = tmp_path / "themes.graphql"
    document.write_text(TWO_OPERATIONS, encoding="utf-8")
    manifest = write_manifest(tmp_path / "manifest.json", {"TrustedCountries": COUNTRIES})

    result = await run_cli("register-documents", str(document), str(manifest))
    assert result.exit_code == 0, result.output
    assert f"registered\t{sha256(TWO_OPERATIONS)}\tTrustedA, TrustedB\t{document}" in result.output
    assert f"registered\t{sha256(COUNTRIES)}\tTrustedCountries\t{manifest}#TrustedCountries" in result.output
    assert "2 new, 0 already registered." in result.output

    stored = await TrustedDocument.get(sha256=sha256(TWO_OPERATIONS))
    assert stored.body == TWO_OPERATIONS
    assert stored.operation_names == ["TrustedA", "TrustedB"]
    assert stored.source == str(document)

    again = await run_cli("register-documents", str(document), str(manifest))
    assert again.exit_code == 0, again.output
    assert f"already registered\t{sha256(COUNTRIES)}" in again.output
    assert "0 new, 2 already registered." in again.output
    assert await TrustedDocument.filter(sha256__in=[sha256(TWO_OPERATIONS), sha256(COUNTRIES)]).count() == 2


async def test_a_relay_map_of_ids_to_documents_is_registered(run_cli: RunCli, tmp_path: Path) -> None:
    relay = tmp_path / "persisted_queries.json"
    relay.write_text(json.dumps({sha256(THEMES): THEMES}), encoding="utf-8")
    result = await run_cli("register-documents", str(relay))
    assert result.exit_code == 0, result.output
    assert await TrustedDocument.exists(sha256=sha256(THEMES))


async def test_an_invalid_document_is_refused_and_nothing_is_stored(run_cli: RunCli, tmp_path: Path) -> None:
    valid = tmp_path / "valid.graphql"
    valid.write_text(THEMES, encoding="utf-8")
    invalid = tmp_path / "invalid.graphql"
    invalid.write_text("query Broken { themes { noSuchField } }", encoding="utf-8")

    result = await run_cli("register-documents", str(valid), str(invalid))
    assert result.exit_code == 1
    assert f"{invalid}: Cannot query field 'noSuchField' on type 'Theme'." in result.output
    assert "Nothing was registered." in result.output
    assert not await TrustedDocument.exists(sha256=sha256(THEMES))

    unparsable = tmp_path / "unparsable.graphql"
    unparsable.write_text("query { themes {", encoding="utf-8")
    result = await run_cli("register-documents", str(valid), str(unparsable))
    assert result.exit_code == 1
    assert f"{unparsable}: Syntax Error" in result.output
    assert not await TrustedDocument.exists(sha256=sha256(THEMES))


async def test_a_manifest_id_that_is_not_the_hash_of_its_body_is_refused(
    run_cli: RunCli, tmp_path: Path
) -> None:
    manifest = write_manifest(
        tmp_path / "manifest.json",
        {"TrustedThemes": THEMES, "TrustedCountries": COUNTRIES},
        ids={"TrustedCountries": sha256(THEMES)},
    )
    result = await run_cli("register-documents", str(manifest))
    assert result.exit_code == 1
    assert (
        f"{manifest}#TrustedCountries: the id {sha256(THEMES)} is not the SHA-256 of the body"
        in result.output
    )
    assert not await TrustedDocument.filter(sha256__in=[sha256(THEMES), sha256(COUNTRIES)]).exists()


async def test_list_and_unregister_documents(run_cli: RunCli) -> None:
    await register(THEMES)
    listed = await run_cli("list-documents")
    assert listed.exit_code == 0, listed.output
    assert f"{sha256(THEMES)}\tTrustedThemes\t" in listed.output

    removed = await run_cli("unregister-document", f"sha256:{sha256(THEMES).upper()}")
    assert removed.exit_code == 0, removed.output
    assert not await TrustedDocument.exists(sha256=sha256(THEMES))

    missing = await run_cli("unregister-document", sha256(THEMES))
    assert missing.exit_code == 1
    assert f"No registered document {sha256(THEMES)}" in missing.output


async def test_a_registered_document_runs_by_hash_over_get_and_post(app_client: Client) -> None:
    client = await app_client("off")
    await register(TWO_OPERATIONS)
    hex_hash = sha256(TWO_OPERATIONS)

    by_get = await get(client, extensions=persisted(TWO_OPERATIONS), operationName="TrustedA")
    assert by_get.status_code == 200, by_get.text
    assert by_get.json()["data"]["themes"]

    by_post = await client.post(
        "/graphql", json={"extensions": persisted(TWO_OPERATIONS), "operationName": "TrustedB"}
    )
    assert by_post.json()["data"]["countries"]

    for document_id in (f"sha256:{hex_hash}", hex_hash):
        by_id_get = await get(client, documentId=document_id, operationName="TrustedA")
        assert by_id_get.json()["data"]["themes"], by_id_get.text
        # A read like any other GET: HTTP caches may keep it.
        assert by_id_get.headers["etag"]
        assert by_id_get.headers["cache-control"].startswith("public")
        by_id_post = await client.post(
            "/graphql", json={"documentId": document_id, "operationName": "TrustedB"}
        )
        assert by_id_post.json()["data"]["countries"], by_id_post.text


@pytest.mark.parametrize("document_id", ["md5:abc", "sha256:xyz", 7])
async def test_a_malformed_document_id_is_a_bad_request(app_client: Client, document_id: Any) -> None:
    client = await app_client("off")
    response = await client.post("/graphql", json={"documentId": document_id})
    assert response.status_code == 400
    assert refusal_code(response) == "BAD_REQUEST"


async def test_a_document_id_with_a_query_is_a_bad_request(app_client: Client) -> None:
    client = await app_client("off")
    response = await client.post("/graphql", json={"documentId": sha256(THEMES), "query": THEMES})
    assert response.status_code == 400
    assert refusal_code(response) == "BAD_REQUEST"


async def test_off_mode_runs_any_document(app_client: Client) -> None:
    client = await app_client("off")
    plain = await client.post("/graphql", json={"query": UNREGISTERED})
    assert plain.json()["data"]["themes"]

    learned = await client.post(
        "/graphql", json={"query": UNREGISTERED, "extensions": persisted(UNREGISTERED)}
    )
    assert learned.json()["data"]["themes"]
    by_hash = await get(client, extensions=persisted(UNREGISTERED))
    assert by_hash.json()["data"]["themes"]
    assert not await TrustedDocument.exists(sha256=sha256(UNREGISTERED))


async def test_anonymous_mode_refuses_unregistered_documents_of_anonymous_callers(
    app_client: Client, editor: dict[str, str]
) -> None:
    client = await app_client("anonymous")
    await register(THEMES)

    assert_trusted_document_required(await client.post("/graphql", json={"query": UNREGISTERED}))
    assert_trusted_document_required(await get(client, query=UNREGISTERED))
    # An APQ registration of a new document is refused, and nothing is learned from it.
    assert_trusted_document_required(
        await client.post("/graphql", json={"query": UNREGISTERED, "extensions": persisted(UNREGISTERED)})
    )
    assert_trusted_document_required(await get(client, extensions=persisted(UNREGISTERED)))

    allowed = await get(client, extensions=persisted(THEMES))
    assert allowed.status_code == 200
    assert allowed.json()["data"]["themes"]

    as_editor = await client.post("/graphql", json={"query": UNREGISTERED}, headers=editor)
    assert as_editor.json()["data"]["themes"]


async def test_all_mode_binds_every_caller_but_admins(
    app_client: Client, editor: dict[str, str], admin: dict[str, str]
) -> None:
    client = await app_client("all")
    await register(THEMES)

    assert_trusted_document_required(await client.post("/graphql", json={"query": UNREGISTERED}))
    assert_trusted_document_required(
        await client.post("/graphql", json={"query": UNREGISTERED}, headers=editor)
    )
    as_editor = await get(client, headers=editor, extensions=persisted(THEMES))
    assert as_editor.json()["data"]["themes"]

    as_admin = await client.post("/graphql", json={"query": UNREGISTERED}, headers=admin)
    assert as_admin.json()["data"]["themes"]


async def test_a_trusted_documents_only_token_is_bound_whatever_the_mode(
    app_client: Client, run_cli: RunCli
) -> None:
    client = await app_client("off")
    _, secret = await services.create_token("test td bound", Role.EDITOR, trusted_documents_only=True)
    await register(THEMES)

    assert_trusted_document_required(
        await client.post("/graphql", json={"query": UNREGISTERED}, headers=bearer(secret))
    )
    allowed = await client.post("/graphql", json={"extensions": persisted(THEMES)}, headers=bearer(secret))
    assert allowed.json()["data"]["themes"]

    created = await run_cli("create-token", "--name", "test td cli", "--trusted-documents-only")
    assert created.exit_code == 0, created.output
    token = await ApiToken.get(name="test td cli")
    assert token.trusted_documents_only


async def test_create_api_token_sets_and_shows_the_flag(app_client: Client, admin: dict[str, str]) -> None:
    client = await app_client("off")
    mutation = """mutation($input: CreateApiTokenInput!) {
      createApiToken(input: $input) { secret token { trustedDocumentsOnly } userErrors { message } }
    }"""
    variables = {"input": {"name": "test td graphql", "trustedDocumentsOnly": True}}
    response = await client.post("/graphql", json={"query": mutation, "variables": variables}, headers=admin)
    payload = response.json()["data"]["createApiToken"]
    assert payload["userErrors"] == []
    assert payload["token"] == {"trustedDocumentsOnly": True}

    bound = await client.post("/graphql", json={"query": UNREGISTERED}, headers=bearer(payload["secret"]))
    assert_trusted_document_required(bound)


async def test_the_full_text_of_a_registered_document_is_allowed(app_client: Client) -> None:
    client = await app_client("anonymous")
    await register(THEMES)

    as_text = await client.post("/graphql", json={"query": THEMES})
    assert as_text.json()["data"]["themes"]
    by_get = await get(client, query=THEMES)
    assert by_get.json()["data"]["themes"]
    with_its_hash = await client.post("/graphql", json={"query": THEMES, "extensions": persisted(THEMES)})
    assert with_its_hash.json()["data"]["themes"]

    other_hash = {"persistedQuery": {"version": 1, "sha256Hash": sha256(UNREGISTERED)}}
    mismatch = await client.post("/graphql", json={"query": THEMES, "extensions": other_hash})
    assert refusal_code(mismatch) == "PERSISTED_QUERY_HASH_MISMATCH"


async def test_a_registered_mutation_is_still_refused_over_get(app_client: Client) -> None:
    client = await app_client("anonymous")
    await register(ARCHIVE)

    by_hash = await get(client, extensions=persisted(ARCHIVE), variables={"id": "x"})
    assert by_hash.status_code == 400
    assert "mutations are not allowed when using GET" in by_hash.text
    by_id = await get(client, documentId=sha256(ARCHIVE), variables={"id": "x"})
    assert by_id.status_code == 400
    assert "mutations are not allowed when using GET" in by_id.text

    # Over POST it runs, and the API itself refuses the anonymous caller.
    by_post = await client.post("/graphql", json={"extensions": persisted(ARCHIVE), "variables": {"id": "x"}})
    assert refusal_code(by_post) != "TRUSTED_DOCUMENT_REQUIRED"


async def test_a_document_registered_after_a_miss_is_found(app_client: Client) -> None:
    client = await app_client("anonymous")
    assert_trusted_document_required(await get(client, extensions=persisted(COUNTRIES)))
    await register(COUNTRIES)
    found = await get(client, extensions=persisted(COUNTRIES))
    assert found.json()["data"]["countries"]


async def test_the_lookup_cache_is_bounded_and_expires(settings: Settings) -> None:
    now = [0.0]
    documents = TrustedDocuments(maxsize=1, ttl=10, clock=lambda: now[0])
    await register(THEMES, COUNTRIES)

    assert await documents.get(sha256(THEMES)) == THEMES
    assert await documents.get(sha256(COUNTRIES)) == COUNTRIES
    assert len(documents) == 1
    await TrustedDocument.filter(sha256=sha256(COUNTRIES)).delete()
    # Cached: an unregistered document is served until its entry expires.
    assert await documents.get(sha256(COUNTRIES)) == COUNTRIES
    now[0] = 10.0
    assert await documents.get(sha256(COUNTRIES)) is None
    assert len(documents) == 0
