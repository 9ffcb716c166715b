"""The issue's 'done when' query, answered from the seeded SERN data."""

from __future__ import annotations

from tests.conftest import GraphQLClient

ACCEPTANCE_QUERY = """
{
  countries { code name regions { code name organisations(first: 20) {
    totalCount edges { node { name kind } } } } }
  board(asOf: "2018-06-01") { role person { givenName familyName } organisation { name country { code } } }
  organisation(slug: "lulea") { id name region { code } projects { edges { node { title } } } }
  themes { slug name }
  network { memberCount }
}
"""


async def test_acceptance_query_answers_with_seed_data(gql: GraphQLClient) -> None:
    data = await gql.data(ACCEPTANCE_QUERY)

    countries = {country["code"]: country for country in data["countries"]}
    assert countries["SE"]["name"] == "Sweden"
    assert countries["IT"]["name"] == "Italy"
    region_codes = {region["code"] for country in data["countries"] for region in country["regions"]}
    assert {"SE332", "SE232", "SE123", "ITH5"} <= region_codes

    norrbotten = next(r for r in countries["SE"]["regions"] if r["code"] == "SE332")
    names = {edge["node"]["name"] for edge in norrbotten["organisations"]["edges"]}
    assert {"Region Norrbotten", "Norrbottens Kommuner", "Luleå kommun", "Kalix kommun"} <= names
    assert norrbotten["organisations"]["totalCount"] >= 7

    board = [(seat["role"], seat["person"]["familyName"]) for seat in data["board"]]
    assert board[0] == ("CHAIR", "Montaguti")
    assert {"Ögren", "Berggård", "Sammeli", "Sämfors"} <= {name for _, name in board}

    assert data["organisation"]["name"] == "Luleå kommun"
    assert data["organisation"]["region"]["code"] == "SE332"

    slugs = {theme["slug"] for theme in data["themes"]}
    assert {
        "education",
        "energy",
        "culture",
        "social-affairs",
        "entrepreneurship",
        "tourism-and-small-scale-food",
    } <= slugs
    assert data["network"]["memberCount"] > 0
