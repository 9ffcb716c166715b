"""A deterministic synthetic network on top of the SERN data, for scale tests and the benchmark.

Written through the same models as real content; `factor` multiplies every growing table
(organisations, people, board seats, projects, partnerships, events, memberships).
`SyntheticCounts.at_scale(1)` is the benchmark's size: exactly 5,000 organisations, 20,000 people,
30,000 board seats, 2,000 projects and 12,000 partnerships (on top of the SERN data).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from tortoise.fields import ManyToManyRelation
from tortoise.transactions import in_transaction

from sern_graph.content.models import EditorialState
from sern_graph.events.models import Event, EventKind
from sern_graph.geography.models import Region
from sern_graph.organisations.models import Membership, MembershipKind, Organisation, OrganisationKind
from sern_graph.people.models import BoardMembership, BoardRole, Person
from sern_graph.projects.models import PartnershipRole, Project, ProjectPartnership
from sern_graph.themes.models import Theme

SOURCE = [{"url": "https://example.invalid/synthetic", "title": "Synthetic data for scale tests"}]
PROGRAMMES = ("Erasmus+", "Interreg Europe", "Horizon Europe", "Europe for Citizens", None)


@dataclass(frozen=True)
class SyntheticCounts:
    organisations: int
    people: int
    board_seats: int
    projects: int
    partners_per_project: int
    events: int

    @classmethod
    def scaled(cls, factor: float) -> SyntheticCounts:
        """Per unit of factor, about the size of the SERN dataset itself."""
        return cls(
            organisations=round(100 * factor),
            people=round(50 * factor),
            board_seats=round(50 * factor),
            projects=round(40 * factor),
            partners_per_project=3,
            events=round(25 * factor),
        )

    @classmethod
    def at_scale(cls, scale: float) -> SyntheticCounts:
        """The benchmark's sizes: scale 1 is 5,000 organisations and 12,000 partnerships."""
        return cls(
            organisations=max(1, round(5_000 * scale)),
            people=max(1, round(20_000 * scale)),
            board_seats=round(30_000 * scale),
            projects=max(1, round(2_000 * scale)),
            partners_per_project=6,
            events=round(250 * scale),
        )

    @property
    def partnerships(self) -> int:
        """Exact when there are at least `partners_per_project` organisations."""
        return self.projects * min(self.partners_per_project, self.organisations)


def _published() -> dict[str, Any]:
    return {"state": EditorialState.PUBLISHED, "published_at": datetime.now(UTC), "sources": SOURCE}


async def generate(counts: SyntheticCounts, *, seed: int = 2005) -> None:
    """Adds synthetic content (slugs `syn-…`) to a database that holds the regions and themes."""
    rng = random.Random(seed)
    regions = await Region.filter(level=3).order_by("code")
    themes = await Theme.all().order_by("slug")
    if not regions or not themes:
        raise RuntimeError("Seed the SERN dataset first: synthetic content uses its regions and themes.")
    kinds = list(OrganisationKind)
    async with in_transaction():
        await Organisation.bulk_create(
            [
                Organisation(
                    slug=f"syn-org-{i}",
                    name=f"Synthetic organisation {i:05d}",
                    kind=kinds[i % len(kinds)],
                    country_id=(region := regions[i % len(regions)]).country_id,
                    region_id=region.id,
                    description_en=f"Synthetic organisation number {i}.",
                    description_sv=f"Syntetisk organisation nummer {i}." if i % 2 else None,
                    latitude=rng.uniform(40, 68),
                    longitude=rng.uniform(5, 25),
                    **_published(),
                )
                for i in range(counts.organisations)
            ],
            batch_size=500,
        )
        organisations = await Organisation.filter(slug__startswith="syn-org-").order_by("id")
        await Membership.bulk_create(
            [
                Membership(
                    organisation_id=organisation.id,
                    kind=MembershipKind.MEMBER if i % 3 else MembershipKind.PARTNER,
                    start_date=date(2005 + i % 15, 1, 1),
                    end_date=None if i % 4 else date(2021, 12, 31),
                    **_published(),
                )
                for i, organisation in enumerate(organisations)
            ],
            batch_size=500,
        )
        await Person.bulk_create(
            [
                Person(
                    slug=f"syn-person-{i}",
                    given_name=f"Given{i}",
                    family_name=f"Family{i:05d}",
                    position_en="Councillor",
                    organisation_id=organisations[i % len(organisations)].id,
                    **_published(),
                )
                for i in range(counts.people)
            ],
            batch_size=500,
        )
        people = await Person.filter(slug__startswith="syn-person-").order_by("id")
        await BoardMembership.bulk_create(
            [
                BoardMembership(
                    person_id=people[i % len(people)].id,
                    organisation_id=organisations[i % len(organisations)].id,
                    role=BoardRole.DEPUTY if i % 5 == 0 else BoardRole.MEMBER,
                    start_date=(start := date(2005, 1, 1) + timedelta(days=73 * i % 7000)),
                    end_date=start + timedelta(days=730),
                    **_published(),
                )
                for i in range(counts.board_seats)
            ],
            batch_size=500,
        )
        await Project.bulk_create(
            [
                Project(
                    slug=f"syn-project-{i}",
                    acronym=f"SYN{i}",
                    title_en=f"Synthetic project {i:05d}",
                    title_it=f"Progetto sintetico {i:05d}" if i % 2 else None,
                    programme=PROGRAMMES[i % len(PROGRAMMES)],
                    start_date=(start := date(2008, 1, 1) + timedelta(days=37 * i % 6000)),
                    end_date=start + timedelta(days=900),
                    **_published(),
                )
                for i in range(counts.projects)
            ],
            batch_size=500,
        )
        projects = await Project.filter(slug__startswith="syn-project-").order_by("id")
        partnerships = []
        for project in projects:
            chosen = rng.sample(organisations, k=min(counts.partners_per_project, len(organisations)))
            partnerships += [
                ProjectPartnership(
                    project_id=project.id,
                    organisation_id=organisation.id,
                    role=PartnershipRole.LEAD if n == 0 else PartnershipRole.PARTNER,
                    **_published(),
                )
                for n, organisation in enumerate(chosen)
            ]
        await ProjectPartnership.bulk_create(partnerships, batch_size=500)
        # Many-to-many links a theme at a time: one insert per theme, not one per project.
        for t, theme in enumerate(themes):
            if themed := projects[t :: len(themes)]:
                theme_projects: ManyToManyRelation[Project] = getattr(theme, "projects")  # noqa: B009
                await theme_projects.add(*themed)
        kinds_of_event = list(EventKind)
        for i in range(counts.events):
            host = organisations[i % len(organisations)]
            event = await Event.create(
                slug=f"syn-event-{i}",
                title_en=f"Synthetic event {i:05d}",
                kind=kinds_of_event[i % len(kinds_of_event)],
                start_date=date(2006, 1, 1) + timedelta(days=61 * i % 7000),
                venue_city="Synthville",
                host_id=host.id,
                country_id=host.country_id,
                **_published(),
            )
            await event.participants.add(*rng.sample(organisations, k=min(4, len(organisations))))
            await event.projects.add(projects[i % len(projects)])
        half = organisations[: len(organisations) // 2]
        for t, theme in enumerate(themes):
            if members := half[t :: len(themes)]:
                theme_organisations: ManyToManyRelation[Organisation] = getattr(theme, "organisations")  # noqa: B009
                await theme_organisations.add(*members)
