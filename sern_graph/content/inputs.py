"""Input types and conversions every content type's mutations share."""

from __future__ import annotations

import unicodedata
from typing import Any, cast

import strawberry
from strawberry.types.unset import UnsetType
from tortoise.models import Model

from sern_graph.core.errors import UserInputError
from sern_graph.core.ids import decode_global_id
from sern_graph.settings import LOCALES

SLUG_LENGTH = 100
# Letters that Unicode decomposition does not turn into ASCII.
_ASCII_LETTERS = str.maketrans(
    {
        "ß": "ss",
        "Æ": "AE",
        "æ": "ae",
        "Ø": "O",
        "ø": "o",
        "Œ": "OE",
        "œ": "oe",
        "Đ": "D",
        "đ": "d",
        "Ð": "D",
        "ð": "d",
        "Þ": "TH",
        "þ": "th",
        "Ł": "L",
        "ł": "l",
        "\u0131": "i",  # dotless i
    }
)


@strawberry.input(description="A text in each locale; a locale left out keeps its text, null clears it.")
class LocalizedTextInput:
    sv: str | None = strawberry.field(default=strawberry.UNSET, description="Swedish.")
    it: str | None = strawberry.field(default=strawberry.UNSET, description="Italian.")
    en: str | None = strawberry.field(default=strawberry.UNSET, description="English.")

    def columns(self, prefix: str) -> dict[str, str | None]:
        return {
            f"{prefix}_{locale}": (value.strip() or None) if isinstance(value, str) else None
            for locale in LOCALES
            if not isinstance(value := getattr(self, locale), UnsetType)
        }


@strawberry.input(description="A position (WGS 84).")
class GeoPointInput:
    latitude: float = strawberry.field(description="Latitude in degrees, -90 to 90.")
    longitude: float = strawberry.field(description="Longitude in degrees, -180 to 180.")


def given(value: Any) -> bool:
    """Whether an optional input field was sent (null counts: it clears the field)."""
    return not isinstance(value, UnsetType)


def clean(value: str | None) -> str | None:
    """Trims text; an empty text is no text."""
    return (value.strip() or None) if isinstance(value, str) else value


def given_values(data: Any, *names: str) -> dict[str, Any]:
    """The named fields of `data` that were sent, as they are."""
    return {name: value for name in names if given(value := getattr(data, name))}


def given_texts(data: Any, *names: str) -> dict[str, Any]:
    """The named text fields of `data` that were sent, trimmed (an empty text is null)."""
    return {name: clean(value) for name, value in given_values(data, *names).items()}


def given_ids(data: Any, **type_names: str) -> dict[str, int | None]:
    """The sent global IDs of the fields named by `type_names` (field name: the type the ID must be
    of), as primary keys; an ID of another type becomes 0 (matches nothing)."""
    return {
        name: object_id(value, type_names[name]) for name, value in given_values(data, *type_names).items()
    }


def given_period(data: Any) -> dict[str, Any]:
    """The sent dates of an entry that holds for a period; a null `datesApproximate` means no."""
    columns = given_values(data, "start_date", "end_date")
    if given(data.dates_approximate):
        columns["dates_approximate"] = bool(data.dates_approximate)
    return columns


def localized(value: LocalizedTextInput | None, prefix: str) -> dict[str, str | None]:
    """The columns of a localized text; null clears every locale."""
    if value is None:
        return {f"{prefix}_{locale}": None for locale in LOCALES}
    return value.columns(prefix)


def given_localized(data: Any, *prefixes: str) -> dict[str, str | None]:
    """The columns of the named localized fields of `data` that were sent."""
    columns: dict[str, str | None] = {}
    for prefix, value in given_values(data, *prefixes).items():
        columns.update(localized(value, prefix))
    return columns


def slugify(text: str) -> str:
    """A URL-safe key of `text`: ASCII letters and digits in lowercase words joined by dashes."""
    folded = unicodedata.normalize("NFKD", text.translate(_ASCII_LETTERS))
    ascii_text = folded.encode("ascii", "ignore").decode()
    words = "".join(c.lower() if c.isalnum() else " " for c in ascii_text).split()
    return "-".join(words)[:SLUG_LENGTH].strip("-")


def first_slug(*sources: str | None) -> str | None:
    """The slug of the first of `sources` that makes one."""
    return next((slug for source in sources if source and (slug := slugify(source))), None)


def code_of(value: str | None) -> str | None:
    """A code as stored: trimmed and upper case."""
    text = clean(value)
    return text.upper() if text is not None else None


async def id_of_code(model: type[Model], code: str | None) -> int | None:
    """The id of the `model` entry with this code (trimmed, in upper case); None for no code, 0
    (matches nothing, which validation reports) for an unknown one."""
    if code is None:
        return None
    found = await model.filter(code=code.strip().upper()).first().values_list("id", flat=True)
    return cast("int | None", found) or 0


def object_id(global_id: strawberry.ID | None, type_name: str) -> int | None:
    """The primary key of a global ID of `type_name`; 0 (matches nothing) for any other ID."""
    if global_id is None:
        return None
    try:
        found_type, pk = decode_global_id(global_id)
    except UserInputError:
        return 0
    return pk if found_type == type_name else 0


@strawberry.input(description="Which entry a workflow action (publish, unpublish, archive) applies to.")
class ContentActionInput:
    id: strawberry.ID = strawberry.field(description="The entry.")
    version: int | None = strawberry.field(
        default=None, description="The version the action is based on; when given, a stale one is a CONFLICT."
    )
