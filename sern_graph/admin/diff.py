"""A readable difference between two revisions: each changed field with its label, before and after."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sern_graph.admin.fields import Choice
from sern_graph.admin.kinds import AdminKind
from sern_graph.content.models import Revision
from sern_graph.settings import LOCALES


@dataclass(frozen=True)
class Change:
    label: str
    before: str
    after: str


async def labels_and_choices(kind: AdminKind) -> tuple[dict[str, str], dict[str, dict[str, str]]]:
    """Each column's label, and for pick lists the label of each value."""
    labels: dict[str, str] = {}
    options: dict[str, dict[str, str]] = {}
    for form_field in kind.fields:
        if form_field.widget == "localized":
            for locale in LOCALES:
                labels[f"{form_field.name}_{locale}"] = f"{form_field.label} ({locale})"
            continue
        labels[form_field.name] = form_field.label
        if form_field.choices is not None:
            loaded: list[Choice] = await form_field.choices()
            options[form_field.name] = {choice.value: choice.label for choice in loaded}
    return labels, options


async def difference(kind: AdminKind, older: Revision, newer: Revision) -> list[Change]:
    labels, options = await labels_and_choices(kind)
    changes = []
    for column in kind.content.fields:
        before, after = older.snapshot.get(column), newer.snapshot.get(column)
        if before != after:
            shown = options.get(column, {})
            changes.append(Change(labels.get(column, column), _shown(before, shown), _shown(after, shown)))
    return changes


def _shown(value: Any, options: dict[str, str]) -> str:
    if value is None or value == "":
        return "—"
    return options.get(str(value), str(value))
