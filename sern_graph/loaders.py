"""The per-request DataLoaders, named `<things>_by_<key>`; created lazily, never shared."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, Sequence
from functools import cached_property
from typing import TypeVar

from strawberry.dataloader import DataLoader

from sern_graph.core.loading import ChildKey, child_cache_key, load_children
from sern_graph.events import loaders as events
from sern_graph.events.filters import EventSpec
from sern_graph.events.models import Event
from sern_graph.geography import loaders as geography
from sern_graph.geography.models import Country, Region
from sern_graph.organisations import loaders as organisations
from sern_graph.organisations.filters import OrganisationSpec
from sern_graph.organisations.models import Membership, Organisation
from sern_graph.people import loaders as people
from sern_graph.people.filters import PersonSpec
from sern_graph.people.models import BoardMembership, ContactRole, Person
from sern_graph.projects import loaders as projects
from sern_graph.projects.filters import ProjectSpec
from sern_graph.projects.models import PartnershipRole, Project
from sern_graph.themes import loaders as themes
from sern_graph.themes.models import Theme

S = TypeVar("S")
V = TypeVar("V")


def _children(
    fetch: Callable[[list[int], S], Awaitable[Iterable[tuple[int, V]]]],
) -> DataLoader[ChildKey[S], list[V]]:
    async def batch(keys: Sequence[ChildKey[S]]) -> list[list[V]]:
        return await load_children(keys, fetch)

    return DataLoader(batch, cache_key_fn=child_cache_key)


class Loaders:
    # by id
    @cached_property
    def country_by_id(self) -> DataLoader[int, Country | None]:
        return DataLoader(geography.countries_by_id)

    @cached_property
    def region_by_id(self) -> DataLoader[int, Region | None]:
        return DataLoader(geography.regions_by_id)

    @cached_property
    def organisation_by_id(self) -> DataLoader[int, Organisation | None]:
        return DataLoader(organisations.organisations_by_id)

    @cached_property
    def person_by_id(self) -> DataLoader[int, Person | None]:
        return DataLoader(people.people_by_id)

    @cached_property
    def project_by_id(self) -> DataLoader[int, Project | None]:
        return DataLoader(projects.projects_by_id)

    @cached_property
    def theme_by_id(self) -> DataLoader[int, Theme | None]:
        return DataLoader(themes.themes_by_id)

    @cached_property
    def event_by_id(self) -> DataLoader[int, Event | None]:
        return DataLoader(events.events_by_id)

    # short fixed lists by parent
    @cached_property
    def regions_by_country(self) -> DataLoader[int, list[Region]]:
        return DataLoader(geography.regions_by_country)

    @cached_property
    def regions_by_parent(self) -> DataLoader[int, list[Region]]:
        return DataLoader(geography.regions_by_parent)

    @cached_property
    def memberships_by_organisation(self) -> DataLoader[int, list[Membership]]:
        return DataLoader(organisations.memberships_by_organisation)

    @cached_property
    def board_seats_by_person(self) -> DataLoader[int, list[BoardMembership]]:
        return DataLoader(people.board_seats_by_person)

    @cached_property
    def board_seats_by_organisation(self) -> DataLoader[int, list[BoardMembership]]:
        return DataLoader(people.board_seats_by_organisation)

    @cached_property
    def contact_roles_by_organisation(self) -> DataLoader[int, list[ContactRole]]:
        return DataLoader(people.contact_roles_by_organisation)

    @cached_property
    def contact_roles_by_person(self) -> DataLoader[int, list[ContactRole]]:
        return DataLoader(people.contact_roles_by_person)

    @cached_property
    def themes_by_organisation(self) -> DataLoader[int, list[Theme]]:
        return DataLoader(themes.themes_by_organisation)

    @cached_property
    def themes_by_project(self) -> DataLoader[int, list[Theme]]:
        return DataLoader(themes.themes_by_project)

    @cached_property
    def participants_by_event(self) -> DataLoader[int, list[Organisation]]:
        return DataLoader(events.participants_by_event)

    @cached_property
    def projects_by_event(self) -> DataLoader[int, list[Project]]:
        return DataLoader(events.projects_by_event)

    # filtered, ordered lists by parent (connections)
    @cached_property
    def organisations_by_region(self) -> DataLoader[ChildKey[OrganisationSpec], list[Organisation]]:
        return _children(organisations.organisations_by_region)

    @cached_property
    def organisations_in_region_tree(self) -> DataLoader[ChildKey[OrganisationSpec], list[Organisation]]:
        return _children(geography.organisations_in_region_tree)

    @cached_property
    def organisations_by_country(self) -> DataLoader[ChildKey[OrganisationSpec], list[Organisation]]:
        return _children(organisations.organisations_by_country)

    @cached_property
    def organisations_by_parent(self) -> DataLoader[ChildKey[OrganisationSpec], list[Organisation]]:
        return _children(organisations.organisations_by_parent)

    @cached_property
    def organisations_by_theme(self) -> DataLoader[ChildKey[OrganisationSpec], list[Organisation]]:
        return _children(organisations.organisations_by_theme)

    @cached_property
    def people_by_organisation(self) -> DataLoader[ChildKey[PersonSpec], list[Person]]:
        return _children(people.people_by_organisation)

    @cached_property
    def partnerships_by_organisation(
        self,
    ) -> DataLoader[ChildKey[ProjectSpec], list[tuple[Project, PartnershipRole]]]:
        return _children(projects.partnerships_by_organisation)

    @cached_property
    def partners_by_project(
        self,
    ) -> DataLoader[ChildKey[OrganisationSpec], list[tuple[Organisation, PartnershipRole]]]:
        return _children(projects.partners_by_project)

    @cached_property
    def projects_by_theme(self) -> DataLoader[ChildKey[ProjectSpec], list[Project]]:
        return _children(projects.projects_by_theme)

    @cached_property
    def events_by_organisation(self) -> DataLoader[ChildKey[EventSpec], list[Event]]:
        return _children(events.events_by_organisation)

    @cached_property
    def events_by_project(self) -> DataLoader[ChildKey[EventSpec], list[Event]]:
        return _children(events.events_by_project)

    @cached_property
    def events_by_country(self) -> DataLoader[ChildKey[EventSpec], list[Event]]:
        return _children(events.events_by_country)


__all__ = ["Loaders"]
