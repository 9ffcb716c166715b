"""The content form between the page and the service: what it shows, what was posted, and the
service's field errors placed next to the inputs they concern."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sern_graph.admin.fields import Choice
from sern_graph.admin.kinds import AdminKind
from sern_graph.content.models import ContentModel
from sern_graph.content.snapshots import working_values
from sern_graph.core.validation import FieldError
from sern_graph.settings import LOCALES


@dataclass
class FormState:
    # Input name -> the text the form shows (the user's own input after a refused save).
    values: dict[str, str]
    # Input or field name -> messages shown next to it.
    errors: dict[str, list[str]] = field(default_factory=dict)
    # Problems no input owns (shown above the form).
    general: list[str] = field(default_factory=list)

    def place(self, kind: AdminKind, errors: list[FieldError]) -> None:
        for error in errors:
            form_field = kind.field_of_error(error.field)
            if form_field is None:
                self.general.append(error.message)
                continue
            key = form_field.name
            locale = error.field.rsplit(".", 1)[-1]
            if form_field.widget == "localized" and locale in LOCALES:
                key = f"{form_field.name}_{locale}"
            self.errors.setdefault(key, []).append(error.message)


async def load_choices(kind: AdminKind) -> dict[str, list[Choice]]:
    return {f.name: await f.choices() for f in kind.fields if f.choices is not None}


def shown_values(kind: AdminKind, row: ContentModel | None) -> dict[str, str]:
    """The form's text for an entry: its working values (pending edits included); empty for a new one."""
    values: Mapping[str, Any] = working_values(kind.content, row) if row is not None else {}
    shown: dict[str, str] = {}
    for form_field in kind.fields:
        shown.update(form_field.as_text(values))
    return shown


def posted_values(kind: AdminKind, posted: Mapping[str, str]) -> dict[str, str]:
    return {name: str(posted.get(name, "")) for f in kind.fields for name in f.inputs}


async def columns_of(
    kind: AdminKind, posted: Mapping[str, str], choices: dict[str, list[Choice]], *, new: bool
) -> tuple[dict[str, Any], list[FieldError]]:
    """The column values of a posted form, and what could not be read."""
    errors: list[FieldError] = []
    columns: dict[str, Any] = {}
    for form_field in kind.fields:
        columns.update(form_field.parse(posted, errors, choices.get(form_field.name, [])))
    if new and kind.slug_of and "slug" in columns and not columns["slug"]:
        columns["slug"] = await kind.slug_of(columns)
    return columns, errors
