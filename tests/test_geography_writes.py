"""Writing countries and NUTS regions through GraphQL: workflow, validation, versions, permissions."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from sern_graph.accounts import services as accounts
from sern_graph.accounts.models import ApiToken, Role
from sern_graph.content.models import AuditEvent, EditorialState, Revision
from sern_graph.geography.iso3166 import ISO_3166_ALPHA_2, nuts_prefix
from sern_graph.geography.models import Country, Region
from tests.conftest import GraphQLClient

# Real ISO codes no SERN data will ever hold; the tests create and remove them.
TEST_COUNTRIES = ("HM", "BV", "AQ", "TF")
# Greece's NUTS codes start with EL; EL9 is no real NUTS region.
TEST_GREEK_REGIONS = "EL9"
ERRORS = "userErrors { field message code }"
COUNTRY_FIELDS = "id version code name euMember note editorialState hasUnpublishedChanges"
REGION_FIELDS = (
    "id version code name level editorialState hasUnpublishedChanges country { code } parent { code }"
)
CREATE_COUNTRY = f"""mutation($input: CreateCountryInput!) {{
  createCountry(input: $input) {{ country {{ {COUNTRY_FIELDS} }} {ERRORS} }}
}}"""
UPDATE_COUNTRY = f"""mutation($input: UpdateCountryInput!) {{
  updateCountry(input: $input) {{ country {{ {COUNTRY_FIELDS} }} {ERRORS} }}
}}"""
CREATE_REGION = f"""mutation($input: CreateRegionInput!) {{
  createRegion(input: $input) {{ region {{ {REGION_FIELDS} }} {ERRORS} }}
}}"""
UPDATE_REGION = f"""mutation($input: UpdateRegionInput!) {{
  updateRegion(input: $input) {{ region {{ {REGION_FIELDS} }} {ERRORS} }}
}}"""
ACTION = """mutation($input: ContentActionInput!) {{
  {name}(input: $input) {{ {entry} {{ {fields} }} {errors} }}
}}"""
PUBLIC_COUNTRY = "query($code: String!) { country(code: $code) { code name euMember } }"
PUBLIC_REGION = """query($code: String!) {
  region(code: $code) { code name level country { code } parent { code } }
}"""
EDITOR_COUNTRY = "query($code: String!) { country(code: $code) { id version } }"


def action(name: str) -> str:
    entry, fields = ("country", COUNTRY_FIELDS) if "Country" in name else ("region", REGION_FIELDS)
    return ACTION.format(name=name, entry=entry, fields=fields, errors=ERRORS)


def codes(errors: list[dict[str, Any]]) -> set[tuple[str, str]]:
    return {(".".join(error["field"]), error["code"]) for error in errors}


@pytest.fixture
async def headers(settings: Any) -> AsyncIterator[dict[str, dict[str, str]]]:
    _, editor = await accounts.create_token("test geography writes editor", Role.EDITOR)
    _, reader = await accounts.create_token("test geography writes reader", Role.READER, can_preview=True)
    yield {
        "editor": {"Authorization": f"Bearer {editor}"},
        "reader": {"Authorization": f"Bearer {reader}"},
        "anonymous": {},
    }
    regions = await Region.filter(code__startswith=TEST_GREEK_REGIONS).values_list("id", flat=True)
    regions += await Region.filter(country__code__in=TEST_COUNTRIES).values_list("id", flat=True)
    countries = await Country.filter(code__in=TEST_COUNTRIES).values_list("id", flat=True)
    for content_type, ids in (("Region", regions), ("Country", countries)):
        await Revision.filter(content_type=content_type, object_id__in=ids).delete()
        await AuditEvent.filter(content_type=content_type, object_id__in=ids).delete()
    for level in (3, 2, 1):  # sub-regions first: a parent cannot go while its children are there
        await Region.filter(id__in=regions, level=level).delete()
    await Country.filter(id__in=countries).delete()
    await ApiToken.filter(name__startswith="test geography writes").delete()


async def create_country(gql: GraphQLClient, headers: dict[str, str], **values: Any) -> dict[str, Any]:
    data = {"name": {"en": f"Test {values.get('code')}"}, **values}
    payload = (await gql.data(CREATE_COUNTRY, {"input": data}, headers=headers))["createCountry"]
    assert payload["userErrors"] == []
    return payload["country"]  # type: ignore[no-any-return]


async def create_region(gql: GraphQLClient, headers: dict[str, str], **values: Any) -> dict[str, Any]:
    data = {"name": {"en": f"Test {values.get('code')}"}, **values}
    payload = (await gql.data(CREATE_REGION, {"input": data}, headers=headers))["createRegion"]
    assert payload["userErrors"] == []
    return payload["region"]  # type: ignore[no-any-return]


async def run(gql: GraphQLClient, headers: dict[str, str], name: str, entry_id: str) -> dict[str, Any]:
    payload = (await gql.data(action(name), {"input": {"id": entry_id}}, headers=headers))[name]
    assert payload["userErrors"] == []
    return payload  # type: ignore[no-any-return]


def test_the_embedded_list_is_iso_3166_1() -> None:
    assert len(ISO_3166_ALPHA_2) == 249
    assert {"SE", "IT", "GR", "GB", "AX", "SS", "BQ"} <= ISO_3166_ALPHA_2
    assert not {"EL", "UK", "EU", "XK", "YU"} & ISO_3166_ALPHA_2
    assert (nuts_prefix("GR"), nuts_prefix("GB"), nuts_prefix("SE")) == ("EL", "UK", "SE")


# Countries


async def test_country_draft_is_hidden_until_published(
    gql: GraphQLClient, headers: dict[str, dict[str, str]]
) -> None:
    editor = headers["editor"]
    created = await create_country(
        gql, editor, code=" hm ", name={"en": "Heard Island", "sv": "Heardön"}, note="Test entry."
    )
    assert (created["code"], created["euMember"], created["editorialState"], created["version"]) == (
        "HM",
        False,
        "DRAFT",
        1,
    )
    assert (await gql.data(PUBLIC_COUNTRY, {"code": "HM"}))["country"] is None
    assert "HM" not in [item["code"] for item in (await gql.data("{ countries { code } }"))["countries"]]

    published = await run(gql, editor, "publishCountry", created["id"])
    assert published["country"]["editorialState"] == "PUBLISHED"
    assert (await gql.data(PUBLIC_COUNTRY, {"code": "HM"}))["country"] == {
        "code": "HM",
        "name": "Heard Island",
        "euMember": False,
    }
    assert "HM" in [item["code"] for item in (await gql.data("{ countries { code } }"))["countries"]]

    for name, state in (("unpublishCountry", "DRAFT"), ("archiveCountry", "ARCHIVED")):
        await run(gql, editor, "publishCountry", created["id"])
        result = await run(gql, editor, name, created["id"])
        assert result["country"]["editorialState"] == state
        assert (await gql.data(PUBLIC_COUNTRY, {"code": "HM"}))["country"] is None


async def test_country_update_changes_only_the_given_fields(
    gql: GraphQLClient, headers: dict[str, dict[str, str]]
) -> None:
    editor = headers["editor"]
    created = await create_country(gql, editor, code="BV", name={"en": "Bouvet Island"}, euMember=True)
    change = {"id": created["id"], "version": 1, "name": {"sv": "Bouvetön"}}
    payload = (await gql.data(UPDATE_COUNTRY, {"input": change}, headers=editor))["updateCountry"]
    assert payload["userErrors"] == []
    row = await Country.get(code="BV")
    assert (row.name_en, row.name_sv, row.name_it, row.eu_member, row.version) == (
        "Bouvet Island",
        "Bouvetön",
        None,
        True,
        2,
    )

    await run(gql, editor, "publishCountry", created["id"])
    change = {"id": created["id"], "version": 3, "euMember": False}
    payload = (await gql.data(UPDATE_COUNTRY, {"input": change}, headers=editor))["updateCountry"]
    assert payload["userErrors"] == []
    assert payload["country"]["hasUnpublishedChanges"] is True
    assert (await gql.data(PUBLIC_COUNTRY, {"code": "BV"}))["country"]["euMember"] is True
    await run(gql, editor, "publishCountry", created["id"])
    assert (await gql.data(PUBLIC_COUNTRY, {"code": "BV"}))["country"] == {
        "code": "BV",
        "name": "Bouvet Island",
        "euMember": False,
    }


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({"code": "XX"}, {("input.code", "UNKNOWN_CODE")}),
        ({"code": "EU"}, {("input.code", "UNKNOWN_CODE")}),
        ({"code": "EL"}, {("input.code", "UNKNOWN_CODE")}),
        ({"code": "SWE"}, {("input.code", "UNKNOWN_CODE")}),
        ({"code": " "}, {("input.code", "REQUIRED")}),
        ({"code": "se"}, {("input.code", "TAKEN")}),
        ({"code": "AQ", "name": {}}, {("input.name", "REQUIRED")}),
        ({"code": "AQ", "name": {"en": "  ", "sv": None}}, {("input.name", "REQUIRED")}),
        ({"code": "AQ", "name": {"it": "x" * 201}}, {("input.name.it", "TOO_LONG")}),
        (
            {"code": "ZZ", "name": {"en": ""}, "note": "n" * 2001},
            {("input.code", "UNKNOWN_CODE"), ("input.name", "REQUIRED"), ("input.note", "TOO_LONG")},
        ),
    ],
)
async def test_invalid_country_is_refused_with_every_problem(
    gql: GraphQLClient,
    headers: dict[str, dict[str, str]],
    values: dict[str, Any],
    expected: set[tuple[str, str]],
) -> None:
    before = await Country.all().count()
    data = {"name": {"en": "Test"}, **values}
    payload = (await gql.data(CREATE_COUNTRY, {"input": data}, headers=headers["editor"]))["createCountry"]
    assert payload["country"] is None
    assert codes(payload["userErrors"]) == expected
    assert await Country.all().count() == before


async def test_invalid_country_update_writes_nothing(
    gql: GraphQLClient, headers: dict[str, dict[str, str]]
) -> None:
    editor = headers["editor"]
    created = await create_country(gql, editor, code="TF")
    cases: list[tuple[dict[str, Any], set[tuple[str, str]]]] = [
        ({"code": "IT"}, {("input.code", "TAKEN")}),
        ({"code": "QQ"}, {("input.code", "UNKNOWN_CODE")}),
        ({"euMember": None}, {("input.euMember", "REQUIRED")}),
        ({"name": None}, {("input.name", "REQUIRED")}),
        ({"name": {"en": None}}, {("input.name", "REQUIRED")}),
        ({"id": "not an id"}, {("input.id", "NOT_FOUND")}),
    ]
    for change, expected in cases:
        data = {"id": created["id"], "version": 1, **change}
        payload = (await gql.data(UPDATE_COUNTRY, {"input": data}, headers=editor))["updateCountry"]
        assert codes(payload["userErrors"]) == expected, change
    row = await Country.get(code="TF")
    assert (row.version, row.name_en, row.eu_member) == (1, "Test TF", False)

    # A country with regions keeps its code: theirs start with it.
    sweden = (await gql.data(EDITOR_COUNTRY, {"code": "SE"}))["country"]
    data = {"id": sweden["id"], "version": sweden["version"], "code": "NO"}
    payload = (await gql.data(UPDATE_COUNTRY, {"input": data}, headers=editor))["updateCountry"]
    assert codes(payload["userErrors"]) == {("input.code", "HAS_REGIONS")}
    assert await Country.exists(code="SE")
    assert not await Country.exists(code="NO")


async def test_stale_country_version_is_a_conflict(
    gql: GraphQLClient, headers: dict[str, dict[str, str]]
) -> None:
    editor = headers["editor"]
    created = await create_country(gql, editor, code="AQ")
    first = {"id": created["id"], "version": 1, "name": {"en": "Antarctica"}}
    assert (await gql.data(UPDATE_COUNTRY, {"input": first}, headers=editor))["updateCountry"][
        "userErrors"
    ] == []
    stale = {"id": created["id"], "version": 1, "name": {"en": "Stale"}}
    payload = (await gql.data(UPDATE_COUNTRY, {"input": stale}, headers=editor))["updateCountry"]
    assert [error["code"] for error in payload["userErrors"]] == ["CONFLICT"]
    stale_publish = {"id": created["id"], "version": 1}
    payload = (await gql.data(action("publishCountry"), {"input": stale_publish}, headers=editor))[
        "publishCountry"
    ]
    assert [error["code"] for error in payload["userErrors"]] == ["CONFLICT"]
    row = await Country.get(code="AQ")
    assert (row.name_en, row.version, row.state) == ("Antarctica", 2, EditorialState.DRAFT)


@pytest.mark.parametrize(("who", "expected"), [("anonymous", "UNAUTHENTICATED"), ("reader", "FORBIDDEN")])
async def test_country_writes_need_an_editor(
    gql: GraphQLClient, headers: dict[str, dict[str, str]], who: str, expected: str
) -> None:
    body = await gql(CREATE_COUNTRY, {"input": {"code": "HM", "name": {"en": "x"}}}, headers=headers[who])
    assert body["errors"][0]["extensions"]["code"] == expected
    assert not await Country.exists(code="HM")

    sweden = (await gql.data(EDITOR_COUNTRY, {"code": "SE"}))["country"]
    for name in ("updateCountry", "publishCountry", "unpublishCountry", "archiveCountry"):
        query = UPDATE_COUNTRY if name == "updateCountry" else action(name)
        data = {"id": sweden["id"], "version": sweden["version"], "euMember": False}
        if name != "updateCountry":
            data.pop("euMember")
        body = await gql(query, {"input": data}, headers=headers[who])
        assert body["errors"][0]["extensions"]["code"] == expected, name
    row = await Country.get(code="SE")
    assert (row.version, row.state, row.eu_member) == (sweden["version"], EditorialState.PUBLISHED, True)


# Regions


async def test_region_tree_draft_is_hidden_until_published(
    gql: GraphQLClient, headers: dict[str, dict[str, str]]
) -> None:
    editor = headers["editor"]
    country = await create_country(gql, editor, code="BV")
    await run(gql, editor, "publishCountry", country["id"])
    level1 = await create_region(gql, editor, code="bv1", level=1, countryCode="bv")
    level2 = await create_region(gql, editor, code="BV1A", level=2, countryCode="BV", parentCode="bv1")
    level3 = await create_region(gql, editor, code="BV1A0", level=3, countryCode="BV", parentCode="BV1A")
    assert (level3["code"], level3["level"], level3["editorialState"], level3["version"]) == (
        "BV1A0",
        3,
        "DRAFT",
        1,
    )
    assert (await Region.get(code="BV1A0")).parent_id == (await Region.get(code="BV1A")).id
    for code in ("BV1", "BV1A", "BV1A0"):
        assert (await gql.data(PUBLIC_REGION, {"code": code}))["region"] is None
    assert (await gql.data('{ regions(countryCode: "BV") { code } }'))["regions"] == []

    for region in (level1, level2, level3):
        published = await run(gql, editor, "publishRegion", region["id"])
        assert published["region"]["editorialState"] == "PUBLISHED"
    assert (await gql.data(PUBLIC_REGION, {"code": "BV1A0"}))["region"] == {
        "code": "BV1A0",
        "name": "Test BV1A0",
        "level": 3,
        "country": {"code": "BV"},
        "parent": {"code": "BV1A"},
    }
    tree = await gql.data('{ country(code: "BV") { regions(levels: [1, 2]) { code children { code } } } }')
    assert tree["country"]["regions"] == [
        {"code": "BV1", "children": [{"code": "BV1A"}]},
        {"code": "BV1A", "children": [{"code": "BV1A0"}]},
    ]

    for name, state in (("unpublishRegion", "DRAFT"), ("archiveRegion", "ARCHIVED")):
        await run(gql, editor, "publishRegion", level3["id"])
        result = await run(gql, editor, name, level3["id"])
        assert result["region"]["editorialState"] == state
        assert (await gql.data(PUBLIC_REGION, {"code": "BV1A0"}))["region"] is None


async def test_greek_regions_use_the_nuts_prefix_el(
    gql: GraphQLClient, headers: dict[str, dict[str, str]]
) -> None:
    editor = headers["editor"]
    region = await create_region(gql, editor, code="EL9", level=1, countryCode="GR")
    assert (region["code"], region["country"]) == ("EL9", {"code": "GR"})
    refused = await gql.data(
        CREATE_REGION,
        {"input": {"code": "GR9", "level": 1, "countryCode": "GR", "name": {"en": "x"}}},
        headers=editor,
    )
    assert codes(refused["createRegion"]["userErrors"]) == {("input.code", "COUNTRY_MISMATCH")}
    assert "start with EL" in refused["createRegion"]["userErrors"][0]["message"]
    assert not await Region.exists(code="GR9")


async def test_region_update_changes_only_the_given_fields(
    gql: GraphQLClient, headers: dict[str, dict[str, str]]
) -> None:
    editor = headers["editor"]
    await create_country(gql, editor, code="HM")
    await create_region(gql, editor, code="HM1", level=1, countryCode="HM")
    region = await create_region(
        gql, editor, code="HM11", level=2, countryCode="HM", parentCode="HM1", name={"en": "Heard", "it": "H"}
    )
    change = {"id": region["id"], "version": 1, "name": {"sv": "Heardön"}, "note": "Name from an atlas."}
    payload = (await gql.data(UPDATE_REGION, {"input": change}, headers=editor))["updateRegion"]
    assert payload["userErrors"] == []
    row = await Region.get(code="HM11")
    parent = await Region.get(code="HM1")
    assert (row.name_en, row.name_it, row.name_sv, row.note) == (
        "Heard",
        "H",
        "Heardön",
        "Name from an atlas.",
    )
    assert (row.level, row.parent_id, row.country_id, row.version) == (2, parent.id, parent.country_id, 2)

    # Moving it down a level changes code, level and parent together.
    await create_region(gql, editor, code="HM12", level=2, countryCode="HM", parentCode="HM1")
    change = {"id": region["id"], "version": 2, "code": "HM123", "level": 3, "parentCode": "HM12"}
    payload = (await gql.data(UPDATE_REGION, {"input": change}, headers=editor))["updateRegion"]
    assert payload["userErrors"] == []
    assert (payload["region"]["code"], payload["region"]["level"]) == ("HM123", 3)
    assert (await Region.get(code="HM123")).name_sv == "Heardön"


REGION = {"code": "SE334", "level": 3, "countryCode": "SE", "parentCode": "SE33", "name": {"en": "Test"}}


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({"code": "XX1", "level": 1, "parentCode": None}, {("input.code", "COUNTRY_MISMATCH")}),
        ({"code": "IT9", "level": 1, "parentCode": None}, {("input.code", "COUNTRY_MISMATCH")}),
        ({"parentCode": "ITH5"}, {("input.parentCode", "PARENT_MISMATCH")}),
        ({"parentCode": "SE3"}, {("input.parentCode", "PARENT_MISMATCH")}),
        ({"parentCode": "SE23"}, {("input.parentCode", "PARENT_MISMATCH")}),
        ({"code": "SE3", "level": 1}, {("input.parentCode", "PARENT_MISMATCH"), ("input.code", "TAKEN")}),
        ({"code": "SE339", "level": 2, "parentCode": "SE3"}, {("input.level", "LEVEL_MISMATCH")}),
        ({"code": "SE34", "level": 1, "parentCode": None}, {("input.level", "LEVEL_MISMATCH")}),
        ({"level": 4}, {("input.level", "OUT_OF_RANGE")}),
        ({"level": 0, "parentCode": None}, {("input.level", "OUT_OF_RANGE")}),
        ({"code": "S1"}, {("input.code", "INVALID_NUTS")}),
        ({"code": "SE3341"}, {("input.code", "INVALID_NUTS")}),
        ({"code": "SE-3"}, {("input.code", "INVALID_NUTS")}),
        ({"code": "   "}, {("input.code", "REQUIRED")}),
        ({"code": "se332"}, {("input.code", "TAKEN")}),
        ({"countryCode": "XX"}, {("input.countryCode", "NOT_FOUND")}),
        ({"parentCode": "SE999"}, {("input.parentCode", "NOT_FOUND")}),
        ({"parentCode": None}, {("input.parentCode", "REQUIRED")}),
        ({"name": {"sv": " "}}, {("input.name", "REQUIRED")}),
        ({"name": {"en": "x" * 201}}, {("input.name.en", "TOO_LONG")}),
        (
            {"code": "XX12", "level": 3, "parentCode": "ITH5", "name": {}},
            {
                ("input.code", "COUNTRY_MISMATCH"),
                ("input.level", "LEVEL_MISMATCH"),
                ("input.parentCode", "PARENT_MISMATCH"),
                ("input.name", "REQUIRED"),
            },
        ),
    ],
)
async def test_invalid_region_is_refused_with_every_problem(
    gql: GraphQLClient,
    headers: dict[str, dict[str, str]],
    values: dict[str, Any],
    expected: set[tuple[str, str]],
) -> None:
    before = await Region.all().count()
    data = {**REGION, **values}
    payload = (await gql.data(CREATE_REGION, {"input": data}, headers=headers["editor"]))["createRegion"]
    assert payload["region"] is None
    assert codes(payload["userErrors"]) == expected
    assert await Region.all().count() == before


async def test_invalid_region_update_writes_nothing(
    gql: GraphQLClient, headers: dict[str, dict[str, str]]
) -> None:
    editor = headers["editor"]
    await create_country(gql, editor, code="TF")
    await create_region(gql, editor, code="TF1", level=1, countryCode="TF")
    region = await create_region(gql, editor, code="TF11", level=2, countryCode="TF", parentCode="TF1")
    cases: list[tuple[dict[str, Any], set[tuple[str, str]]]] = [
        ({"code": "TF111"}, {("input.level", "LEVEL_MISMATCH")}),
        ({"level": 3}, {("input.level", "LEVEL_MISMATCH"), ("input.parentCode", "PARENT_MISMATCH")}),
        ({"level": None}, {("input.level", "REQUIRED")}),
        ({"parentCode": None}, {("input.parentCode", "REQUIRED")}),
        ({"parentCode": "TF11"}, {("input.parentCode", "PARENT_MISMATCH")}),
        (
            {"countryCode": "SE"},
            {("input.code", "COUNTRY_MISMATCH"), ("input.parentCode", "PARENT_MISMATCH")},
        ),
        ({"countryCode": None}, {("input.countryCode", "NOT_FOUND")}),
        (
            {"code": "SE33"},
            {
                ("input.code", "TAKEN"),
                ("input.code", "COUNTRY_MISMATCH"),
                ("input.parentCode", "PARENT_MISMATCH"),
            },
        ),
    ]
    for change, expected in cases:
        data = {"id": region["id"], "version": 1, **change}
        payload = (await gql.data(UPDATE_REGION, {"input": data}, headers=editor))["updateRegion"]
        assert codes(payload["userErrors"]) == expected, change
    row = await Region.get(code="TF11")
    assert (row.version, row.level, row.name_en) == (1, 2, "Test TF11")

    # A region with sub-regions keeps its code: theirs start with it.
    parent = (await gql.data('{ region(code: "SE33") { id version } }'))["region"]
    data = {"id": parent["id"], "version": parent["version"], "code": "SE34"}
    payload = (await gql.data(UPDATE_REGION, {"input": data}, headers=editor))["updateRegion"]
    assert codes(payload["userErrors"]) == {("input.code", "HAS_CHILDREN")}
    assert await Region.exists(code="SE33")
    assert not await Region.exists(code="SE34")


async def test_stale_region_version_is_a_conflict(
    gql: GraphQLClient, headers: dict[str, dict[str, str]]
) -> None:
    editor = headers["editor"]
    region = await create_region(gql, editor, code="EL9", level=1, countryCode="GR")
    first = {"id": region["id"], "version": 1, "name": {"en": "First"}}
    assert (await gql.data(UPDATE_REGION, {"input": first}, headers=editor))["updateRegion"][
        "userErrors"
    ] == []
    stale = {"id": region["id"], "version": 1, "name": {"en": "Stale"}}
    payload = (await gql.data(UPDATE_REGION, {"input": stale}, headers=editor))["updateRegion"]
    assert [error["code"] for error in payload["userErrors"]] == ["CONFLICT"]
    payload = (
        await gql.data(action("archiveRegion"), {"input": {"id": region["id"], "version": 1}}, headers=editor)
    )["archiveRegion"]
    assert [error["code"] for error in payload["userErrors"]] == ["CONFLICT"]
    row = await Region.get(code="EL9")
    assert (row.name_en, row.version, row.state) == ("First", 2, EditorialState.DRAFT)


@pytest.mark.parametrize(("who", "expected"), [("anonymous", "UNAUTHENTICATED"), ("reader", "FORBIDDEN")])
async def test_region_writes_need_an_editor(
    gql: GraphQLClient, headers: dict[str, dict[str, str]], who: str, expected: str
) -> None:
    data = {"code": "EL9", "level": 1, "countryCode": "GR", "name": {"en": "x"}}
    body = await gql(CREATE_REGION, {"input": data}, headers=headers[who])
    assert body["errors"][0]["extensions"]["code"] == expected
    assert not await Region.exists(code="EL9")

    region = (await gql.data('{ region(code: "SE332") { id version } }'))["region"]
    for name in ("updateRegion", "publishRegion", "unpublishRegion", "archiveRegion"):
        query = UPDATE_REGION if name == "updateRegion" else action(name)
        change = {"id": region["id"], "version": region["version"]}
        if name == "updateRegion":
            change["name"] = {"en": "Hacked"}
        body = await gql(query, {"input": change}, headers=headers[who])
        assert body["errors"][0]["extensions"]["code"] == expected, name
    row = await Region.get(code="SE332")
    assert (row.version, row.state, row.name_en) == (
        region["version"],
        EditorialState.PUBLISHED,
        "Norrbotten County",
    )
