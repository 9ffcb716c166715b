"""Loads the SERN dataset (`sern.json`) into the database; entries that exist already are kept."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from importlib import resources
from typing import Any, TypeVar

from tortoise.transactions import in_transaction

from sern_graph.content.models import ContentModel, EditorialState
from sern_graph.events.models import Event
from sern_graph.geography.models import Country, Region
from sern_graph.organisations.models import Membership, Organisation
from sern_graph.people.models import BoardMembership, ContactRole, Person
from sern_graph.projects.models import Project, ProjectPartnership
from sern_graph.themes.models import Theme

Entry = dict[str, Any]
M = TypeVar("M", bound=ContentModel)


def load_dataset() -> dict[str, Any]:
    text = resources.files("sern_graph.seed").joinpath("sern.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


@dataclass
class SeedReport:
    """How many entries of each type the run created (zero everywhere on a second run)."""

    created: dict[str, int] = field(default_factory=dict)

    def count(self, kind: str, number: int) -> None:
        self.created[kind] = self.created.get(kind, 0) + number

    @property
    def total(self) -> int:
        return sum(self.created.values())


class _Seeder:
    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self.sources: dict[str, dict[str, str]] = data["sources"]
        self.now = datetime.now(UTC)
        self.report = SeedReport()

    def editorial(self, entry: Entry) -> dict[str, Any]:
        return {
            "state": EditorialState.PUBLISHED,
            "published_at": self.now,
            "sources": [self.sources[key] | {"key": key} for key in entry["sources"]],
            "note": entry.get("note"),
        }

    async def run(self) -> SeedReport:
        countries = await self.keyed(Country, "code", self.data["countries"], self.country)
        regions = await self.regions(countries)
        themes = await self.keyed(Theme, "slug", self.data["themes"], self.theme)
        organisations = await self.organisations(countries, regions, themes)
        await self.memberships(organisations)
        people = await self.keyed(
            Person, "slug", self.data["people"], lambda e: self.person(e, organisations)
        )
        await self.board(people, organisations)
        await self.contacts(people, organisations)
        projects = await self.projects(organisations, themes)
        await self.events(countries, organisations, projects)
        return self.report

    async def keyed(self, model: type[M], key: str, entries: list[Entry], build: Any) -> dict[str, M]:
        """Creates the entries whose natural key is not in the table yet; returns key -> row."""
        existing = {getattr(row, key): row for row in await model.all()}
        missing = [build(entry) for entry in entries if entry[key] not in existing]
        if missing:
            await model.bulk_create(missing)
            self.report.count(model.__name__, len(missing))
            existing = {getattr(row, key): row for row in await model.all()}
        return existing

    def country(self, e: Entry) -> Country:
        return Country(code=e["code"], eu_member=e["euMember"], **localized("name", e), **self.editorial(e))

    def theme(self, e: Entry) -> Theme:
        return Theme(
            slug=e["slug"],
            **localized("name", e),
            **localized("description", e),
            **self.editorial(e),
        )

    async def regions(self, countries: dict[str, Country]) -> dict[str, Region]:
        entries = self.data["regions"]
        regions = await self.keyed(
            Region,
            "code",
            entries,
            lambda e: Region(
                code=e["code"],
                level=e["level"],
                country=countries[e["country"]],
                **localized("name", e),
                **self.editorial(e),
            ),
        )
        for e in entries:
            region = regions[e["code"]]
            parent = regions[e["parent"]] if e.get("parent") else None
            if parent is not None and region.parent_id is None:
                region.parent = parent
                await region.save(update_fields=["parent_id"])
        return regions

    async def organisations(
        self, countries: dict[str, Country], regions: dict[str, Region], themes: dict[str, Theme]
    ) -> dict[str, Organisation]:
        entries = self.data["organisations"]
        before = {row.slug for row in await Organisation.all().only("id", "slug")}

        def build(e: Entry) -> Organisation:
            return Organisation(
                slug=e["slug"],
                name=e["name"],
                short_name=e.get("shortName"),
                kind=e["kind"],
                country=countries[e["country"]],
                region=regions[e["region"]] if e.get("region") else None,
                municipality_code=e.get("municipalityCode"),
                website=e.get("website"),
                email=e.get("email"),
                phone=e.get("phone"),
                address=e.get("address"),
                latitude=e.get("latitude"),
                longitude=e.get("longitude"),
                **localized("description", e),
                **self.editorial(e),
            )

        organisations = await self.keyed(Organisation, "slug", entries, build)
        for e in entries:
            if e["slug"] in before:
                continue
            organisation = organisations[e["slug"]]
            if e.get("parent"):
                organisation.parent = organisations[e["parent"]]
                await organisation.save(update_fields=["parent_id"])
            if e.get("themes"):
                await organisation.themes.add(*(themes[slug] for slug in e["themes"]))
        return organisations

    async def memberships(self, organisations: dict[str, Organisation]) -> None:
        existing = {(row.organisation_id, row.kind.value, row.start_date) for row in await Membership.all()}
        missing = [
            Membership(
                organisation=organisations[e["organisation"]],
                kind=e["kind"],
                **dates(e),
                **self.editorial(e),
            )
            for e in self.data["memberships"]
            if (organisations[e["organisation"]].id, e["kind"], parse_date(e.get("startDate")))
            not in existing
        ]
        await self.create(Membership, missing)

    def person(self, e: Entry, organisations: dict[str, Organisation]) -> Person:
        return Person(
            slug=e["slug"],
            given_name=e["givenName"],
            family_name=e["familyName"],
            party=e.get("party"),
            email=e.get("email"),
            phone=e.get("phone"),
            organisation=organisations[e["organisation"]] if e.get("organisation") else None,
            **localized("position", e),
            **localized("bio", e),
            **self.editorial(e),
        )

    async def board(self, people: dict[str, Person], organisations: dict[str, Organisation]) -> None:
        existing = {(row.person_id, row.role.value, row.start_date) for row in await BoardMembership.all()}
        missing = [
            BoardMembership(
                person=people[e["person"]],
                organisation=organisations[e["organisation"]] if e.get("organisation") else None,
                role=e["role"],
                **dates(e),
                **self.editorial(e),
            )
            for e in self.data["boardMemberships"]
            if (people[e["person"]].id, e["role"], parse_date(e.get("startDate"))) not in existing
        ]
        await self.create(BoardMembership, missing)

    async def contacts(self, people: dict[str, Person], organisations: dict[str, Organisation]) -> None:
        existing = {(row.person_id, row.organisation_id) for row in await ContactRole.all()}
        missing = [
            ContactRole(
                person=people[e["person"]],
                organisation=organisations[e["organisation"]],
                **localized("role", e),
                **self.editorial(e),
            )
            for e in self.data["contactRoles"]
            if (people[e["person"]].id, organisations[e["organisation"]].id) not in existing
        ]
        await self.create(ContactRole, missing)

    async def projects(
        self, organisations: dict[str, Organisation], themes: dict[str, Theme]
    ) -> dict[str, Project]:
        entries = self.data["projects"]
        before = {row.slug for row in await Project.all().only("id", "slug")}

        def build(e: Entry) -> Project:
            return Project(
                slug=e["slug"],
                acronym=e.get("acronym"),
                programme=e.get("programme"),
                grant_reference=e.get("grantReference"),
                budget=decimal_or_none(e.get("budget")),
                eu_contribution=decimal_or_none(e.get("euContribution")),
                website=e.get("website"),
                **dates(e),
                **localized("title", e),
                **localized("summary", e),
                **self.editorial(e),
            )

        projects = await self.keyed(Project, "slug", entries, build)
        partnerships: list[ProjectPartnership] = []
        for e in entries:
            if e["slug"] in before:
                continue
            project = projects[e["slug"]]
            if e.get("themes"):
                await project.themes.add(*(themes[slug] for slug in e["themes"]))
            partnerships.extend(
                ProjectPartnership(
                    project=project,
                    organisation=organisations[partner["organisation"]],
                    role=partner["role"],
                    **self.editorial(e),
                )
                for partner in e.get("partners", [])
            )
        await self.create(ProjectPartnership, partnerships)
        return projects

    async def events(
        self,
        countries: dict[str, Country],
        organisations: dict[str, Organisation],
        projects: dict[str, Project],
    ) -> None:
        entries = self.data["events"]
        before = {row.slug for row in await Event.all().only("id", "slug")}

        def build(e: Entry) -> Event:
            return Event(
                slug=e["slug"],
                kind=e["kind"],
                venue_city=e.get("venueCity"),
                country=countries[e["country"]] if e.get("country") else None,
                host=organisations[e["host"]] if e.get("host") else None,
                **dates(e),
                **localized("title", e),
                **self.editorial(e),
            )

        events = await self.keyed(Event, "slug", entries, build)
        for e in entries:
            if e["slug"] in before:
                continue
            event = events[e["slug"]]
            if e.get("projects"):
                await event.projects.add(*(projects[slug] for slug in e["projects"]))
            if e.get("participants"):
                await event.participants.add(*(organisations[slug] for slug in e["participants"]))

    async def create(self, model: type[M], rows: list[M]) -> None:
        if rows:
            await model.bulk_create(rows)
            self.report.count(model.__name__, len(rows))


def localized(name: str, entry: Entry) -> dict[str, str | None]:
    values: dict[str, str] = entry.get(name) or {}
    return {f"{name}_{locale}": values.get(locale) or None for locale in ("sv", "it", "en")}


def parse_date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def dates(entry: Entry) -> dict[str, Any]:
    return {
        "start_date": parse_date(entry.get("startDate")),
        "end_date": parse_date(entry.get("endDate")),
        "dates_approximate": bool(entry.get("datesApproximate")),
    }


def decimal_or_none(value: str | None) -> Decimal | None:
    return Decimal(value) if value is not None else None


async def seed(data: dict[str, Any] | None = None) -> SeedReport:
    """Creates every dataset entry that is not in the database yet, in one transaction."""
    async with in_transaction():
        return await _Seeder(data or load_dataset()).run()
