"""The closed vocabulary of permissions, and which roles hold them (DESIGN.md's security model)."""

from __future__ import annotations

from enum import StrEnum

from sern_graph.accounts.models import Role


class Permission(StrEnum):
    PREVIEW = "content.preview"
    EDIT = "content.edit"
    PUBLISH = "content.publish"
    READ_REVISIONS = "content.revisions"
    READ_PERSONAL_DATA = "people.personal_data"
    MANAGE_ACCOUNTS = "accounts.manage"
    READ_AUDIT = "audit.read"


_EDITOR = frozenset(
    {
        Permission.PREVIEW,
        Permission.EDIT,
        Permission.PUBLISH,
        Permission.READ_REVISIONS,
        Permission.READ_PERSONAL_DATA,
    }
)

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.READER: frozenset(),
    Role.EDITOR: _EDITOR,
    Role.ADMIN: _EDITOR | {Permission.MANAGE_ACCOUNTS, Permission.READ_AUDIT},
}


def permissions_of(
    role: Role | None, *, can_preview: bool = False, can_read_personal_data: bool = False
) -> frozenset[Permission]:
    granted = ROLE_PERMISSIONS[role] if role is not None else frozenset()
    if can_preview:
        granted |= {Permission.PREVIEW}
    if can_read_personal_data:
        granted |= {Permission.READ_PERSONAL_DATA}
    return granted
