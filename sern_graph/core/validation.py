"""Expected problems with input: every one found, each with where, what and a stable code."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FieldError:
    field: str
    code: str
    message: str


class ValidationFailed(Exception):
    """Raised by services when input is invalid; nothing has been written."""

    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__("; ".join(f"{error.field}: {error.message}" for error in errors))
        self.errors = errors
