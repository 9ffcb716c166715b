"""The per-request context: settings, the caller's locale, today's date and the DataLoaders."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from starlette.requests import HTTPConnection

from sern_graph.accounts.actor import ANONYMOUS, Actor
from sern_graph.accounts.permissions import Permission
from sern_graph.core.batching import RequestBatcher
from sern_graph.core.localization import Locale, LocaleChain, locale_chain, negotiate
from sern_graph.core.pagination import PageArgs
from sern_graph.loaders import Loaders
from sern_graph.settings import Settings


@dataclass
class Context:
    settings: Settings
    request: HTTPConnection | None = None
    today: date = field(default_factory=lambda: datetime.now(UTC).date())
    batcher: RequestBatcher = field(default_factory=RequestBatcher)
    loaders: Loaders = field(init=False)
    actor: Actor = ANONYMOUS

    def __post_init__(self) -> None:
        self.loaders = Loaders(self.batcher)

    @property
    def may_read_personal_data(self) -> bool:
        return self.actor.can(Permission.READ_PERSONAL_DATA)

    def chain(self, locale: Locale | None) -> LocaleChain:
        """Locale order for a root field: its `locale` argument, else Accept-Language, else default."""
        if locale is not None:
            return locale_chain(str(locale.value), self.settings)
        header = self.request.headers.get("accept-language") if self.request else None
        return locale_chain(negotiate(header), self.settings)

    def page_args(
        self, first: int | None, after: str | None, last: int | None, before: str | None
    ) -> PageArgs:
        return PageArgs(first, after, last, before).validated(
            self.settings.default_page_size, self.settings.max_page_size
        )
