"""A document's shape, measured in one pass before graphql-core validates it: nesting depth,
aliases, and how often one response name is requested in one selection set.

graphql-core's validation compares every pair of fields that share a response name in a selection
set (fragments included), with their sub-selections: a few hundred copies of one field cost it
seconds. strawberry's depth and alias limiters expand every fragment spread anew, so fragments that
spread each other twice over take exponential time. Here each fragment is measured once and its
measure reused wherever it is spread, so the pass is linear in the document's size.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
)


@dataclass
class Measure:
    """What a selection set (with everything under it) asks for."""

    # Fields with a selection set on the longest path down; introspection fields are not counted.
    depth: int = 0
    aliases: int = 0
    # The most fields sharing one response name in any one selection set below.
    repeats: int = 0
    # Response names of this selection set's own fields, its fragments' included.
    names: Counter[str] = field(default_factory=Counter)


class ShapeMeter:
    def __init__(self, document: DocumentNode) -> None:
        self.fragments = {
            definition.name.value: definition
            for definition in document.definitions
            if isinstance(definition, FragmentDefinitionNode)
        }
        self._measured: dict[str, Measure] = {}

    def operation(self, operation: OperationDefinitionNode) -> Measure:
        return self._selection_set(operation.selection_set)

    def _fragment(self, name: str) -> Measure:
        measure = self._measured.get(name)
        if measure is None:
            # A cycle (refused by validation anyway) measures nothing more.
            self._measured[name] = Measure()
            fragment = self.fragments.get(name)
            measure = self._selection_set(fragment.selection_set) if fragment else Measure()
            self._measured[name] = measure
        return measure

    def _selection_set(self, selection_set: SelectionSetNode) -> Measure:
        total = Measure()
        spread: set[str] = set()
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                part = self._field(selection)
                total.names[(selection.alias or selection.name).value] += 1
            elif isinstance(selection, InlineFragmentNode):
                part = self._selection_set(selection.selection_set)
                total.names.update(part.names)
            elif isinstance(selection, FragmentSpreadNode):
                part = self._fragment(selection.name.value)
                # graphql-core merges a fragment spread twice in one selection set only once.
                if selection.name.value not in spread:
                    spread.add(selection.name.value)
                    total.names.update(part.names)
            else:
                continue
            total.depth = max(total.depth, part.depth)
            total.aliases += part.aliases
            total.repeats = max(total.repeats, part.repeats)
        total.repeats = max(total.repeats, max(total.names.values(), default=0))
        return total

    def _field(self, node: FieldNode) -> Measure:
        aliases = 1 if node.alias else 0
        if node.selection_set is None:
            return Measure(aliases=aliases)
        below = self._selection_set(node.selection_set)
        depth = 0 if node.name.value.startswith("__") else below.depth + 1
        return Measure(depth=depth, aliases=below.aliases + aliases, repeats=below.repeats)


def measure_document(document: DocumentNode) -> Measure:
    """The document's deepest nesting and most repeats, and its aliases summed, over its operations."""
    meter = ShapeMeter(document)
    total = Measure()
    for definition in document.definitions:
        if isinstance(definition, OperationDefinitionNode):
            part = meter.operation(definition)
            total.depth = max(total.depth, part.depth)
            total.aliases += part.aliases
            total.repeats = max(total.repeats, part.repeats)
    return total
