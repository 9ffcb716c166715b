"""The SERN dataset: well-formed, sourced, loaded once, and what the Norrbotten page states."""

from __future__ import annotations

import itertools
import re
from datetime import date
from typing import Any

import pytest

from sern_graph.content.models import ContentModel
from sern_graph.events.models import Event
from sern_graph.geography.models import Country, Region
from sern_graph.organisations.models import Membership, Organisation
from sern_graph.people.models import BoardMembership, BoardRole, ContactRole, Person
from sern_graph.projects.models import Project, ProjectPartnership
from sern_graph.seed.loader import load_dataset, seed
from sern_graph.settings import Settings
from sern_graph.themes.models import Theme

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
NORRBOTTEN_PAGE = (
    "http://bd.komforb.se/haallbar-utveckling-och-samhaellsbyggnad/internationella-naetverk/"
    "sweden-emilia-romagna-network-sern/"
)
SECTIONS = (
    "countries",
    "regions",
    "themes",
    "organisations",
    "memberships",
    "people",
    "boardMemberships",
    "contactRoles",
    "projects",
    "events",
)
MODELS: tuple[type[ContentModel], ...] = (
    Country,
    Region,
    Theme,
    Organisation,
    Membership,
    Person,
    BoardMembership,
    ContactRole,
    Project,
    ProjectPartnership,
    Event,
)


@pytest.fixture(scope="module")
def dataset() -> dict[str, Any]:
    return load_dataset()


def test_dataset_every_entry_cites_known_sources(dataset: dict[str, Any]) -> None:
    sources = dataset["sources"]
    assert all(source["url"].startswith("http") and source["title"] for source in sources.values())
    for section in SECTIONS:
        for entry in dataset[section]:
            assert entry["sources"], (section, entry)
            assert set(entry["sources"]) <= set(sources), (section, entry)


def test_dataset_slugs_are_url_safe_and_unique(dataset: dict[str, Any]) -> None:
    for section in ("themes", "organisations", "people", "projects", "events"):
        slugs = [entry["slug"] for entry in dataset[section]]
        assert len(slugs) == len(set(slugs)), section
        assert all(SLUG.match(slug) for slug in slugs), section


def test_dataset_periods_do_not_end_before_they_start(dataset: dict[str, Any]) -> None:
    for section in ("memberships", "boardMemberships", "projects", "events"):
        for entry in dataset[section]:
            if entry.get("startDate") and entry.get("endDate"):
                assert date.fromisoformat(entry["endDate"]) >= date.fromisoformat(entry["startDate"])


def test_dataset_chairs_never_overlap(dataset: dict[str, Any]) -> None:
    chairs = sorted(
        (date.fromisoformat(seat["startDate"]), seat["endDate"])
        for seat in dataset["boardMemberships"]
        if seat["role"] == "chair"
    )
    assert len(chairs) >= 7
    for (_, end), (next_start, _) in itertools.pairwise(chairs):
        assert end is not None
        assert date.fromisoformat(end) < next_start


async def test_seed_holds_what_the_norrbotten_page_states(settings: Settings) -> None:
    page = {"url": NORRBOTTEN_PAGE}
    assert {"SE", "IT"} <= set(await Country.all().values_list("code", flat=True))
    regions = dict(await Region.all().values_list("code", "name_en"))
    assert {"SE332", "SE232", "SE123", "ITH5"} <= set(regions)
    members = {"region-norrbotten", "norrbottens-kommuner", "lulea", "kalix", "jokkmokk", "boden", "pitea"}
    for slug in members:
        organisation = await Organisation.get(slug=slug)
        membership = await Membership.get(organisation=organisation, kind="member")
        assert any(source["url"] == page["url"] for source in membership.sources), slug
    for slug in ("kent-ogren", "glenn-berggard", "carina-sammeli", "ann-katrine-samfors"):
        seats = await BoardMembership.filter(person__slug=slug, start_date__lte=date(2018, 6, 1))
        seat = next(s for s in seats if s.end_date is None or s.end_date >= date(2018, 6, 1))
        assert seat.dates_approximate
        assert any(source["url"] == page["url"] for source in seat.sources)
    chair = await BoardMembership.get(person__slug="lubiano-montaguti", role=BoardRole.CHAIR)
    assert chair.start_date is not None
    assert chair.start_date.year == 2017
    assert chair.end_date is not None
    assert chair.end_date.year == 2021
    contact = await ContactRole.get(person__slug="anita-lindfors").prefetch_related("organisation")
    assert contact.organisation.slug == "norrbottens-kommuner"
    training = await Project.get(slug="ntt-plus")
    partner_countries = set(
        await ProjectPartnership.filter(project=training).values_list(
            "organisation__country__code", flat=True
        )
    )
    assert "SE" in partner_countries
    assert await Event.filter(kind="general_assembly").count() >= 5


async def test_seed_twice_changes_nothing(settings: Settings) -> None:
    before = {model.__name__: await model.all().count() for model in MODELS}
    stamps = await Organisation.all().order_by("id").values_list("id", "updated_at")
    report = await seed()
    assert report.total == 0
    assert {model.__name__: await model.all().count() for model in MODELS} == before
    assert await Organisation.all().order_by("id").values_list("id", "updated_at") == stamps
