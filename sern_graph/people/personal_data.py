"""Personal data (a person's e-mail and phone): shown to callers who may read it; for anyone else
the field is null with an error entry at its path, so the rest of the answer still arrives."""

from __future__ import annotations

from typing import TypeVar

from strawberry.types import Info

from sern_graph.context import Context
from sern_graph.core.errors import Forbidden

T = TypeVar("T")

MESSAGE = (
    "Personal data: readable by editors, admins and tokens granted the personal-data scope "
    "(Authorization: Bearer <token>)."
)


class PersonalDataHidden(Forbidden):
    def __init__(self) -> None:
        super().__init__(MESSAGE)
        self.extensions = {**(self.extensions or {}), "reason": "PERSONAL_DATA"}


def personal(info: Info[Context, None], value: T) -> T:
    """`value`, when the caller may read personal data; raises PersonalDataHidden otherwise, even
    for an empty value, so the error does not tell whether there is one."""
    if not info.context.may_read_personal_data:
        raise PersonalDataHidden
    return value
