"""Themes as the content service writes them: editable fields and validation."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sern_graph.content import validators as check
from sern_graph.content.kinds import ContentKind
from sern_graph.content.models import ContentModel
from sern_graph.core.validation import FieldError
from sern_graph.themes.models import Theme

FIELDS = (
    "slug",
    "name_sv",
    "name_it",
    "name_en",
    "description_sv",
    "description_it",
    "description_en",
    "note",
)


async def validate(values: Mapping[str, Any], current: ContentModel | None) -> list[FieldError]:
    errors: list[FieldError] = []
    check.slug(errors, values["slug"], "input.slug")
    await check.unique(errors, Theme, "slug", values["slug"], "input.slug", current)
    check.localized(errors, values, "name", max_length=200, required=True)
    check.localized(errors, values, "description", max_length=20_000)
    return errors


THEME = ContentKind(name="Theme", model=Theme, fields=FIELDS, validate=validate)
