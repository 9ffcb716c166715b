"""Localized text: the request's locale chain, resolving a field through it, SQL for the same."""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum
from typing import Any

import strawberry
from pypika_tortoise import functions
from tortoise.expressions import F, Function
from tortoise.functions import Coalesce

from sern_graph.settings import LOCALES, Settings

LocaleChain = tuple[str, ...]


@strawberry.enum(description="A content locale.")
class Locale(Enum):
    SV = strawberry.enum_value("sv", description="Swedish")
    IT = strawberry.enum_value("it", description="Italian")
    EN = strawberry.enum_value("en", description="English")


def locale_chain(requested: str | None, settings: Settings) -> LocaleChain:
    """The requested locale first, then the configured fallback order, each once."""
    ordered = [requested] if requested else []
    ordered += [*settings.fallback_locales, settings.default_locale, *LOCALES]
    return tuple(dict.fromkeys(locale for locale in ordered if locale in LOCALES))


def negotiate(accept_language: str | None) -> str | None:
    """The best supported locale in an Accept-Language header, or None."""
    if not accept_language:
        return None
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate(accept_language.split(",")):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                continue
        language = tag.strip().lower().split("-")[0]
        if language in LOCALES and quality > 0:
            ranked.append((-quality, position, language))
    return min(ranked)[2] if ranked else None


@strawberry.type(description="A localized text as served: its value and the locale it came from.")
class LocalizedText:
    value: str = strawberry.field(description="The text.")
    locale: Locale = strawberry.field(description="The locale the text is in.")
    is_fallback: bool = strawberry.field(
        description="True when the requested locale had no text and a fallback locale was served."
    )


@strawberry.type(description="One localized field's text in one locale.")
class Translation:
    field: str = strawberry.field(description="The GraphQL name of the localized field.")
    locale: Locale = strawberry.field(description="The locale.")
    value: str = strawberry.field(description="The text in that locale.")


def resolve_text(row: Any, field: str, chain: LocaleChain) -> LocalizedText | None:
    for locale in chain:
        value = getattr(row, f"{field}_{locale}")
        if value:
            return LocalizedText(value=value, locale=Locale(locale), is_fallback=locale != chain[0])
    return None


def text(row: Any, field: str, chain: LocaleChain) -> str | None:
    for locale in chain:
        value = getattr(row, f"{field}_{locale}")
        if value:
            return str(value)
    return None


def translations(row: Any, fields: Sequence[tuple[str, str]]) -> list[Translation]:
    """Every non-empty (field, locale) text; fields are (column prefix, GraphQL name) pairs."""
    return [
        Translation(field=graphql_name, locale=Locale(locale), value=value)
        for column, graphql_name in fields
        for locale in LOCALES
        if (value := getattr(row, f"{column}_{locale}"))
    ]


class NullIf(Function):
    """`NULLIF(field, value)`: null where the field equals the value."""

    database_func = functions.NullIf


def coalesced(field: str, chain: LocaleChain, *, prefix: str = "") -> Coalesce:
    """SQL for the fallback-resolved value, so filters and sorting agree with what is shown.

    An empty text is skipped like a missing one, as `text` and `resolve_text` do.
    """
    return Coalesce(*(NullIf(F(f"{prefix}{field}_{locale}"), "") for locale in chain))
