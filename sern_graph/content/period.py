"""GraphQL fields of time-bounded entries (memberships, board seats, projects, events)."""

from __future__ import annotations

from datetime import date

import strawberry

from sern_graph.core.node import Node


@strawberry.interface(description="An entry that holds for a period of time.")
class Period(Node):
    @strawberry.field(description="First day; null when unknown.")
    def start_date(self) -> date | None:
        value: date | None = self.row.start_date
        return value

    @strawberry.field(description="Last day; null when open (still holds) or unknown.")
    def end_date(self) -> date | None:
        value: date | None = self.row.end_date
        return value

    @strawberry.field(
        description="True when the dates are approximate (known to the month or year, or inferred)."
    )
    def dates_approximate(self) -> bool:
        value: bool = self.row.dates_approximate
        return value
