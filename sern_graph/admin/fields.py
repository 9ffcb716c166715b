"""Form fields of the content forms: how a column is shown, read back from the posted text, and
which of the service's error paths (`input.countryCode`) belong next to it."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import Any, Literal

from sern_graph.core.validation import FieldError
from sern_graph.settings import LOCALES

Widget = Literal[
    "text", "textarea", "select", "number", "integer", "decimal", "date", "checkbox", "localized"
]
LOCALE_NAMES = {"sv": "Svenska", "it": "Italiano", "en": "English"}


@dataclass(frozen=True)
class Choice:
    value: str
    label: str
    group: str | None = None


ChoicesLoader = Callable[[], Awaitable[list[Choice]]]


@dataclass(frozen=True)
class FormField:
    # The column; for a localized field the prefix of its columns (`description` for description_sv...).
    name: str
    label: str
    # Where the content service reports problems with it (the GraphQL input's path).
    error_path: str
    widget: Widget = "text"
    required: bool = False
    choices: ChoicesLoader | None = None
    hint: str | None = None
    # Text rows of each locale's box (a localized field): 1 for names, more for descriptions.
    lines: int = 6

    @property
    def inputs(self) -> tuple[str, ...]:
        """Names of the form inputs (and columns) this field fills."""
        if self.widget == "localized":
            return tuple(f"{self.name}_{locale}" for locale in LOCALES)
        return (self.name,)

    def owns_error(self, path: str) -> bool:
        return path == self.error_path or path.startswith(self.error_path + ".")

    def as_text(self, values: Mapping[str, Any]) -> dict[str, str]:
        """The field's current values as the form shows them."""
        return {name: _text(values.get(name)) for name in self.inputs}

    def parse(
        self, posted: Mapping[str, str], errors: list[FieldError], choices: list[Choice]
    ) -> dict[str, Any]:
        """The column values of the posted text; what cannot be read is reported in `errors`."""
        if self.widget == "checkbox":
            return {self.name: self.name in posted}
        columns: dict[str, Any] = {}
        for name in self.inputs:
            raw = posted.get(name, "").strip()
            columns[name] = self._value(raw, errors, choices) if raw else None
        if self.required and columns.get(self.name) is None and self.widget != "localized":
            errors.append(FieldError(self.error_path, "REQUIRED", "This field is required."))
        return columns

    def _value(self, raw: str, errors: list[FieldError], choices: list[Choice]) -> Any:
        if self.widget == "select":
            if raw not in {choice.value for choice in choices}:
                errors.append(FieldError(self.error_path, "INVALID", "Choose one of the list."))
                return None
            return int(raw) if self.name.endswith("_id") else raw
        if self.widget in {"number", "integer"}:
            try:
                return int(raw) if self.widget == "integer" else float(raw.replace(",", "."))
            except ValueError:
                errors.append(FieldError(self.error_path, "NOT_A_NUMBER", "A number, e.g. 65.58."))
                return None
        if self.widget == "decimal":
            try:
                return Decimal(raw.replace(" ", "").replace(",", "."))
            except InvalidOperation:
                errors.append(FieldError(self.error_path, "NOT_A_NUMBER", "An amount, e.g. 1250000.50."))
                return None
        if self.widget == "date":
            try:
                return date.fromisoformat(raw)
            except ValueError:
                errors.append(
                    FieldError(self.error_path, "NOT_A_DATE", "A date as YYYY-MM-DD, e.g. 2026-03-31.")
                )
                return None
        return raw


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Enum):
        return str(value.value)
    return str(value)
