"""What the content service needs to know about a content type to write it."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sern_graph.content.models import ContentModel
from sern_graph.core.validation import FieldError

# Checks a complete set of editable values (the entry as it would be after the write);
# `current` is the entry being changed, None on create. Returns every problem found.
Validator = Callable[[Mapping[str, Any], ContentModel | None], Awaitable[list[FieldError]]]


@dataclass(frozen=True)
class ContentKind:
    name: str
    model: type[ContentModel]
    # Editable columns, foreign keys as `<name>_id`; what snapshots and drafts hold.
    fields: tuple[str, ...]
    validate: Validator
