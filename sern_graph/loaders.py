"""The per-request DataLoaders, named `<things>_by_<key>`; created lazily, never shared."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, Sequence
from functools import cached_property
from typing import TypeVar

from tortoise.models import Model

from sern_graph.content import loaders as content
from sern_graph.content.models import Revision
from sern_graph.core.batching import BatchLoader, RequestBatcher
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
from sern_graph.response_cache.dependencies import reading_by_key
from sern_graph.themes import loaders as themes
from sern_graph.themes.models import Theme

S = TypeVar("S")
V = TypeVar("V")


def _children(
    batcher: RequestBatcher,
    fetch: Callable[[list[int], S], Awaitable[Iterable[tuple[int, V]]]],
) -> BatchLoader[ChildKey[S], list[V]]:
    async def batch(keys: Sequence[ChildKey[S]]) -> list[list[V]]:
        return await load_children(keys, fetch)

    return BatchLoader(batcher, batch, cache_key=child_cache_key)


def _by_id(
    batcher: RequestBatcher, model: type[Model], fetch: Callable[[Sequence[int]], Awaitable[Sequence[V]]]
) -> BatchLoader[int, V]:
    """A loader of rows by primary key; the response cache records the rows asked for, not the table."""
    table = model._meta.db_table

    async def batch(keys: Sequence[int]) -> Sequence[V]:
        with reading_by_key(table, keys):
            return await fetch(keys)

    return BatchLoader(batcher, batch)


class Loaders:
    def __init__(self, batcher: RequestBatcher) -> None:
        self.batcher = batcher

    # by id
    @cached_property
    def country_by_id(self) -> BatchLoader[int, Country | None]:
        return _by_id(self.batcher, Country, geography.countries_by_id)

    @cached_property
    def region_by_id(self) -> BatchLoader[int, Region | None]:
        return _by_id(self.batcher, Region, geography.regions_by_id)

    @cached_property
    def organisation_by_id(self) -> BatchLoader[int, Organisation | None]:
        return _by_id(self.batcher, Organisation, organisations.organisations_by_id)

    @cached_property
    def person_by_id(self) -> BatchLoader[int, Person | None]:
        return _by_id(self.batcher, Person, people.people_by_id)

    @cached_property
    def project_by_id(self) -> BatchLoader[int, Project | None]:
        return _by_id(self.batcher, Project, projects.projects_by_id)

    @cached_property
    def theme_by_id(self) -> BatchLoader[int, Theme | None]:
        return _by_id(self.batcher, Theme, themes.themes_by_id)

    @cached_property
    def event_by_id(self) -> BatchLoader[int, Event | None]:
        return _by_id(self.batcher, Event, events.events_by_id)

    @cached_property
    def revisions_by_entry(self) -> BatchLoader[tuple[str, int], list[Revision]]:
        return BatchLoader(self.batcher, content.revisions_by_entry)

    # short fixed lists by parent
    @cached_property
    def regions_by_country(self) -> BatchLoader[int, list[Region]]:
        return BatchLoader(self.batcher, geography.regions_by_country)

    @cached_property
    def regions_by_parent(self) -> BatchLoader[int, list[Region]]:
        return BatchLoader(self.batcher, geography.regions_by_parent)

    @cached_property
    def memberships_by_organisation(self) -> BatchLoader[int, list[Membership]]:
        return BatchLoader(self.batcher, organisations.memberships_by_organisation)

    @cached_property
    def board_seats_by_person(self) -> BatchLoader[int, list[BoardMembership]]:
        return BatchLoader(self.batcher, people.board_seats_by_person)

    @cached_property
    def board_seats_by_organisation(self) -> BatchLoader[int, list[BoardMembership]]:
        return BatchLoader(self.batcher, people.board_seats_by_organisation)

    @cached_property
    def contact_roles_by_organisation(self) -> BatchLoader[int, list[ContactRole]]:
        return BatchLoader(self.batcher, people.contact_roles_by_organisation)

    @cached_property
    def contact_roles_by_person(self) -> BatchLoader[int, list[ContactRole]]:
        return BatchLoader(self.batcher, people.contact_roles_by_person)

    @cached_property
    def themes_by_organisation(self) -> BatchLoader[int, list[Theme]]:
        return BatchLoader(self.batcher, themes.themes_by_organisation)

    @cached_property
    def themes_by_project(self) -> BatchLoader[int, list[Theme]]:
        return BatchLoader(self.batcher, themes.themes_by_project)

    @cached_property
    def participants_by_event(self) -> BatchLoader[int, list[Organisation]]:
        return BatchLoader(self.batcher, events.participants_by_event)

    @cached_property
    def projects_by_event(self) -> BatchLoader[int, list[Project]]:
        return BatchLoader(self.batcher, events.projects_by_event)

    # filtered, ordered lists by parent (connections)
    @cached_property
    def organisations_by_region(self) -> BatchLoader[ChildKey[OrganisationSpec], list[Organisation]]:
        return _children(self.batcher, organisations.organisations_by_region)

    @cached_property
    def organisations_in_region_tree(self) -> BatchLoader[ChildKey[OrganisationSpec], list[Organisation]]:
        return _children(self.batcher, geography.organisations_in_region_tree)

    @cached_property
    def organisations_by_country(self) -> BatchLoader[ChildKey[OrganisationSpec], list[Organisation]]:
        return _children(self.batcher, organisations.organisations_by_country)

    @cached_property
    def organisations_by_parent(self) -> BatchLoader[ChildKey[OrganisationSpec], list[Organisation]]:
        return _children(self.batcher, organisations.organisations_by_parent)

    @cached_property
    def organisations_by_theme(self) -> BatchLoader[ChildKey[OrganisationSpec], list[Organisation]]:
        return _children(self.batcher, organisations.organisations_by_theme)

    @cached_property
    def people_by_organisation(self) -> BatchLoader[ChildKey[PersonSpec], list[Person]]:
        return _children(self.batcher, people.people_by_organisation)

    @cached_property
    def partnerships_by_organisation(
        self,
    ) -> BatchLoader[ChildKey[ProjectSpec], list[tuple[Project, PartnershipRole]]]:
        return _children(self.batcher, projects.partnerships_by_organisation)

    @cached_property
    def partners_by_project(
        self,
    ) -> BatchLoader[ChildKey[OrganisationSpec], list[tuple[Organisation, PartnershipRole]]]:
        return _children(self.batcher, projects.partners_by_project)

    @cached_property
    def projects_by_theme(self) -> BatchLoader[ChildKey[ProjectSpec], list[Project]]:
        return _children(self.batcher, projects.projects_by_theme)

    @cached_property
    def events_by_organisation(self) -> BatchLoader[ChildKey[EventSpec], list[Event]]:
        return _children(self.batcher, events.events_by_organisation)

    @cached_property
    def events_by_project(self) -> BatchLoader[ChildKey[EventSpec], list[Event]]:
        return _children(self.batcher, events.events_by_project)

    @cached_property
    def events_by_country(self) -> BatchLoader[ChildKey[EventSpec], list[Event]]:
        return _children(self.batcher, events.events_by_country)


__all__ = ["Loaders"]
