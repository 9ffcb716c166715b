"""The committed SDL is the schema the code serves, and every part of it is described."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLObjectType,
    build_schema,
)

from sern_graph.cli import main
from sern_graph.schema import schema


def test_committed_sdl_matches_the_code(repo_root: Path) -> None:
    committed = (repo_root / "schema" / "schema.graphql").read_text(encoding="utf-8")
    assert committed == schema.as_str() + "\n", (
        "schema/schema.graphql is stale: run `sern-graph export-schema`"
    )


def test_export_schema_command_writes_the_sdl(tmp_path: Path) -> None:
    output = tmp_path / "schema.graphql"
    result = CliRunner().invoke(main, ["export-schema", "--output", str(output)])
    assert result.exit_code == 0, result.output
    assert output.read_text(encoding="utf-8") == schema.as_str() + "\n"


def test_every_type_field_argument_and_enum_value_is_described() -> None:
    parsed = build_schema(schema.as_str())
    missing: list[str] = []
    for name, graphql_type in parsed.type_map.items():
        if name.startswith("__") or name in {"String", "Int", "Float", "Boolean", "ID"}:
            continue
        if not graphql_type.description:
            missing.append(name)
        if isinstance(graphql_type, GraphQLObjectType | GraphQLInterfaceType | GraphQLInputObjectType):
            for field_name, field in graphql_type.fields.items():
                if not field.description:
                    missing.append(f"{name}.{field_name}")
                for argument_name, argument in getattr(field, "args", {}).items():
                    if not argument.description:
                        missing.append(f"{name}.{field_name}({argument_name})")
        if isinstance(graphql_type, GraphQLEnumType):
            missing += [f"{name}.{value}" for value, v in graphql_type.values.items() if not v.description]
    assert missing == []
