"""Checks shared by the content types' validators; each appends what it finds to `errors`."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any
from urllib.parse import urlparse

from sern_graph.content.models import ContentModel
from sern_graph.core.validation import FieldError

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")
# International or national numbers: digits with spaces, dashes, dots, parentheses, an optional +.
PHONE = re.compile(r"^\+?[0-9][0-9 ().-]{4,30}[0-9]$")
Errors = list[FieldError]


def text(errors: Errors, value: Any, field: str, *, required: bool = False, max_length: int = 300) -> None:
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            errors.append(FieldError(field, "REQUIRED", "This field is required."))
        return
    if len(value) > max_length:
        errors.append(FieldError(field, "TOO_LONG", f"At most {max_length} characters."))


def slug(errors: Errors, value: Any, field: str) -> None:
    if value is None or not SLUG.match(value) or len(value) > 100:
        errors.append(
            FieldError(field, "INVALID_SLUG", "Lowercase letters, digits and single dashes, at most 100.")
        )


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


def period(errors: Errors, start: date | None, end: date | None, field: str) -> None:
    if start is not None and end is not None and end < start:
        errors.append(FieldError(field, "END_BEFORE_START", "The end date is before the start date."))


def non_negative(errors: Errors, value: Decimal | None, field: str) -> None:
    if value is not None and value < 0:
        errors.append(FieldError(field, "NEGATIVE", "Must not be negative."))
