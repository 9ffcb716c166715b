"""Who is asking: anonymous, or the holder of an API token with a role."""

from __future__ import annotations

from dataclasses import dataclass, field

from starlette.authentication import BaseUser

from sern_graph.accounts.models import Role
from sern_graph.accounts.permissions import Permission


@dataclass(frozen=True)
class Actor(BaseUser):
    """The caller of a request; also Starlette's `request.user`."""

    role: Role | None = None
    token_id: int | None = None
    user_id: int | None = None
    name: str = "anonymous"
    permissions: frozenset[Permission] = field(default_factory=frozenset)
    # Set from the token: its holder may run registered (trusted) documents only.
    trusted_documents_only: bool = False

    @property
    def is_authenticated(self) -> bool:
        return self.token_id is not None or self.user_id is not None

    @property
    def display_name(self) -> str:
        return self.name

    def can(self, permission: Permission) -> bool:
        return permission in self.permissions


ANONYMOUS = Actor()
