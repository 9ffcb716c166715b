"""Who may run registered (trusted) documents only."""

from __future__ import annotations

from sern_graph.accounts.actor import Actor
from sern_graph.accounts.models import Role
from sern_graph.settings import TrustedDocumentsMode


def trusted_documents_required(actor: Actor, mode: TrustedDocumentsMode) -> bool:
    """Whether `actor` may run registered documents only: its token says so, or the mode does
    (`anonymous`: callers without a token; `all`: everyone but admins, who keep GraphiQL)."""
    if actor.trusted_documents_only:
        return True
    if mode == "all":
        return actor.role is not Role.ADMIN
    if mode == "anonymous":
        return not actor.is_authenticated
    return False
