"""Registering trusted documents: each is parsed and validated against the schema, then all are
stored in one transaction, or none."""

from __future__ import annotations

from dataclasses import dataclass

from graphql import DocumentNode, GraphQLError, GraphQLSchema, OperationDefinitionNode, parse, specified_rules
from strawberry.schema.schema import validate_document
from tortoise.transactions import in_transaction

from sern_graph.persisted.hashes import sha256_hex
from sern_graph.persisted.models import TrustedDocument
from sern_graph.persisted.sources import DocumentSource


class DocumentsRefused(Exception):
    """Documents that cannot be registered; `problems` names each file and its error."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class CheckedDocument:
    """A document that parses and validates: ready to store."""

    sha256: str
    body: str
    operation_names: list[str]
    source: str


@dataclass(frozen=True)
class Registration:
    document: CheckedDocument
    # False: a document with this hash was registered already, and is kept as it was.
    created: bool


def check_documents(sources: list[DocumentSource], schema: GraphQLSchema) -> list[CheckedDocument]:
    """Every source checked, in order, one per hash. Raises DocumentsRefused listing every problem."""
    checked: dict[str, CheckedDocument] = {}
    problems: list[str] = []
    for source in sources:
        try:
            document = check_document(source, schema)
        except DocumentsRefused as refused:
            problems += refused.problems
            continue
        checked.setdefault(document.sha256, document)
    if problems:
        raise DocumentsRefused(problems)
    return list(checked.values())


def check_document(source: DocumentSource, schema: GraphQLSchema) -> CheckedDocument:
    """The document, parsed and validated. Raises DocumentsRefused saying what is wrong with it."""
    sha256 = sha256_hex(source.body)
    if source.claimed_hash is not None and source.claimed_hash != sha256:
        raise DocumentsRefused(
            [f"{source.source}: the id {source.claimed_hash} is not the SHA-256 of the body ({sha256})"]
        )
    try:
        document = parse(source.body)
    except GraphQLError as error:
        raise DocumentsRefused([f"{source.source}: {_describe(error)}"]) from None
    errors = validate_document(schema, document, tuple(specified_rules))
    if errors:
        raise DocumentsRefused([f"{source.source}: {_describe(error)}" for error in errors])
    return CheckedDocument(
        sha256=sha256, body=source.body, operation_names=_operation_names(document), source=source.source
    )


def _operation_names(document: DocumentNode) -> list[str]:
    return [
        definition.name.value if definition.name else ""
        for definition in document.definitions
        if isinstance(definition, OperationDefinitionNode)
    ]


def _describe(error: GraphQLError) -> str:
    where = ", ".join(f"line {location.line}, column {location.column}" for location in error.locations or [])
    return f"{error.message} ({where})" if where else error.message


async def register_documents(documents: list[CheckedDocument]) -> list[Registration]:
    """Stores the documents not registered yet, in one transaction; registering again changes
    nothing."""
    hashes = [document.sha256 for document in documents]
    async with in_transaction():
        existing = {row.sha256 for row in await TrustedDocument.filter(sha256__in=hashes).only("sha256")}
        new = [document for document in documents if document.sha256 not in existing]
        # ignore_conflicts: another registration may store the same hash at the same moment.
        await TrustedDocument.bulk_create(
            [
                TrustedDocument(
                    sha256=document.sha256,
                    body=document.body,
                    operation_names=document.operation_names,
                    source=document.source,
                )
                for document in new
            ],
            ignore_conflicts=True,
        )
    return [Registration(document, created=document.sha256 not in existing) for document in documents]


async def unregister_document(sha256: str) -> bool:
    """Removes the registered document with this hash; False when there is none."""
    return await TrustedDocument.filter(sha256=sha256).delete() > 0


async def registered_documents() -> list[TrustedDocument]:
    return await TrustedDocument.all().order_by("created_at", "sha256")
