"""Refuses documents nested too deep, with too many aliases or with one field repeated too often,
before graphql-core validates them (`shape.py` says why that order matters)."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass

from graphql import DocumentNode
from strawberry.extensions import SchemaExtension

from sern_graph.limits.errors import LimitExceeded
from sern_graph.limits.shape import Measure, measure_document

# Distinct document texts whose measure is remembered: a frontend sends tens to hundreds.
MAX_REMEMBERED = 512


@dataclass(frozen=True)
class ShapeLimits:
    max_depth: int
    max_aliases: int
    max_repeats: int

    def refusal(self, measure: Measure) -> LimitExceeded | None:
        if measure.depth > self.max_depth:
            return LimitExceeded(
                f"The query is nested {measure.depth} levels deep; the maximum depth is {self.max_depth}.",
                code="QUERY_TOO_DEEP",
                limit=self.max_depth,
                value=measure.depth,
            )
        if measure.aliases > self.max_aliases:
            return LimitExceeded(
                f"The query uses {measure.aliases} aliases; at most {self.max_aliases} are allowed.",
                code="TOO_MANY_ALIASES",
                limit=self.max_aliases,
                value=measure.aliases,
            )
        if measure.repeats > self.max_repeats:
            return LimitExceeded(
                f"One field is requested {measure.repeats} times in one selection set; "
                f"at most {self.max_repeats} are allowed.",
                code="TOO_MANY_REPEATED_FIELDS",
                limit=self.max_repeats,
                value=measure.repeats,
            )
        return None


class MeasureCache:
    """Measures by document text, the least recently used forgotten first."""

    def __init__(self, maxsize: int = MAX_REMEMBERED) -> None:
        self.maxsize = maxsize
        self._measures: OrderedDict[str, Measure] = OrderedDict()

    def measure(self, query: str | None, document: DocumentNode) -> Measure:
        if query is None:
            return measure_document(document)
        measure = self._measures.get(query)
        if measure is None:
            measure = self._measures[query] = measure_document(document)
            if len(self._measures) > self.maxsize:
                self._measures.popitem(last=False)
        else:
            self._measures.move_to_end(query)
        return measure


class DocumentLimits(SchemaExtension):
    """Must come before the validation cache among the extensions: its refusal spares validation."""

    def __init__(self, limits: ShapeLimits, measures: MeasureCache) -> None:
        self.limits = limits
        self.measures = measures

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        if context.graphql_document is not None:
            refusal = self.limits.refusal(self.measures.measure(context.query, context.graphql_document))
            if refusal is not None:
                raise refusal
        yield
