"""Checks shared by the content types' validators; each appends what it finds to `errors` (and
`overlap`, the test of two periods several of them make)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any, TypeVar
from urllib.parse import urlparse

from sern_graph.content.models import ContentModel
from sern_graph.core.validation import FieldError
from sern_graph.settings import LOCALES

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")
# International or national numbers: digits with spaces, dashes, dots, parentheses, an optional +.
PHONE = re.compile(r"^\+?[0-9][0-9 ().-]{4,30}[0-9]$")
Errors = list[FieldError]
Period = tuple[date | None, date | None]
M = TypeVar("M", bound=ContentModel)


def required(errors: Errors, value: Any, field: str) -> None:
    if value is None:
        errors.append(FieldError(field, "REQUIRED", "This field is required."))


def text(errors: Errors, value: Any, field: str, *, required: bool = False, max_length: int = 300) -> None:
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            errors.append(FieldError(field, "REQUIRED", "This field is required."))
        return
    if len(value) > max_length:
        errors.append(FieldError(field, "TOO_LONG", f"At most {max_length} characters."))


def localized(
    errors: Errors, values: Mapping[str, Any], prefix: str, *, max_length: int, required: bool = False
) -> None:
    """A localized text (the columns `{prefix}_sv` and so on, the input field `prefix`): none too
    long, and when `required` given in at least one locale."""
    texts = [values[f"{prefix}_{locale}"] for locale in LOCALES]
    if required and all(value is None or not str(value).strip() for value in texts):
        errors.append(FieldError(f"input.{prefix}", "REQUIRED", f"Give the {prefix} in at least one locale."))
    for locale, value in zip(LOCALES, texts, strict=True):
        text(errors, value, f"input.{prefix}.{locale}", max_length=max_length)


def slug(errors: Errors, value: Any, field: str) -> None:
    if value is None or not SLUG.match(value) or len(value) > 100:
        errors.append(
            FieldError(field, "INVALID_SLUG", "Lowercase letters, digits and single dashes, at most 100.")
        )


def slug_or_source(errors: Errors, value: Any, field: str, source: str) -> None:
    """A slug left out and not derivable (from `source`) is required; a given one must be valid."""
    if value is None:
        message = f"A slug is required; left out on create, it is made from {source}."
        errors.append(FieldError(field, "REQUIRED", message))
    else:
        slug(errors, value, field)


async def reference(
    errors: Errors,
    model: type[ContentModel],
    pk: int | None,
    field: str,
    name: str,
    *,
    required: bool = False,
) -> bool:
    """Whether the entry `pk` refers to exists; reports an unknown one (a `name`), and a missing one
    when `required`."""
    if pk is None:
        if required:
            errors.append(FieldError(field, "REQUIRED", "This field is required."))
        return False
    if not await model.exists(id=pk):
        errors.append(FieldError(field, "NOT_FOUND", f"No such {name}."))
        return False
    return True


async def existing(errors: Errors, model: type[M], pk: int | None, field: str, name: str) -> M | None:
    """The entry `pk` refers to; None, reported as not found, when there is none (or no `pk`)."""
    row = await model.get_or_none(id=pk) if pk else None
    if row is None:
        errors.append(FieldError(field, "NOT_FOUND", f"No such {name}."))
    return row


async def unique(
    errors: Errors,
    model: type[ContentModel],
    column: str,
    value: Any,
    field: str,
    current: ContentModel | None,
) -> None:
    if value is None:
        return
    others = model.filter(**{column: value})
    if current is not None:
        others = others.exclude(id=current.id)
    if await others.exists():
        errors.append(FieldError(field, "TAKEN", f"'{value}' is used by another entry."))


def url(errors: Errors, value: Any, field: str) -> None:
    if value is None:
        return
    parsed = urlparse(value)
    if parsed.scheme not in {"http", "https"} or not parsed.netloc or " " in value or len(value) > 500:
        errors.append(FieldError(field, "INVALID_URL", "An http or https address, e.g. https://www.sern.eu."))


def email(errors: Errors, value: Any, field: str) -> None:
    if value is not None and (not EMAIL.match(value) or len(value) > 254):
        errors.append(FieldError(field, "INVALID_EMAIL", "An e-mail address, e.g. info@example.se."))


def phone(errors: Errors, value: Any, field: str) -> None:
    if value is not None and not PHONE.match(value):
        errors.append(FieldError(field, "INVALID_PHONE", "A phone number, e.g. +46 920 45 30 00."))


def coordinate(errors: Errors, value: Any, field: str, limit: int) -> None:
    if value is not None and not -limit <= value <= limit:
        errors.append(FieldError(field, "OUT_OF_RANGE", f"Between -{limit} and {limit} degrees."))


def overlap(first: Period, second: Period) -> bool:
    """Whether two periods share a day; an open (unknown) start or end is unbounded."""
    (start, end), (other_start, other_end) = first, second
    return (start is None or other_end is None or start <= other_end) and (
        other_start is None or end is None or other_start <= end
    )


def period(errors: Errors, start: date | None, end: date | None, field: str) -> None:
    if start is not None and end is not None and end < start:
        errors.append(FieldError(field, "END_BEFORE_START", "The end date is before the start date."))


def non_negative(errors: Errors, value: Decimal | None, field: str) -> None:
    if value is not None and value < 0:
        errors.append(FieldError(field, "NEGATIVE", "Must not be negative."))
