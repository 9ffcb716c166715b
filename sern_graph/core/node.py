"""The Relay `Node` interface every addressable type implements."""

from __future__ import annotations

from typing import Any

import strawberry

from sern_graph.core.ids import encode_global_id
from sern_graph.core.localization import LocaleChain


@strawberry.interface(description="An object with a globally unique, opaque ID (Relay).")
class Node:
    row: strawberry.Private[Any]
    chain: strawberry.Private[LocaleChain]

    @strawberry.field(description="Globally unique, opaque ID; look it up with `node(id:)`.")
    def id(self) -> strawberry.ID:
        return strawberry.ID(encode_global_id(type(self).__name__, self.row.id))
