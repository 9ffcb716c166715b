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
    # Set from the token: requests a minute (None: the default for tokens), and the browser
    # origins it may be used from (None: those allowed for everyone).
    rate_limit_per_minute: int | None = None
    allowed_origins: frozenset[str] | None = None

    @property
    def is_authenticated(self) -> bool:
        return self.token_id is not None or self.user_id is not None

    @property
    def display_name(self) -> str:
        return self.name

    def can(self, permission: Permission) -> bool:
        return permission in self.permissions


ANONYMOUS = Actor()
