"""Which execution errors callers see: ours on purpose and GraphQL's own; the rest are masked."""

from __future__ import annotations

import logging

from graphql import GraphQLError

from sern_graph.core.request_id import current_request_id

logger = logging.getLogger("sern_graph")

MASKED_MESSAGE = (
    "Internal server error. It has been logged; when you report it, quote the X-Request-ID response header."
)


def should_mask(error: GraphQLError) -> bool:
    """Mask anything that is not a GraphQLError raised on purpose (bad input, not found, ...)."""
    original = error.original_error
    if original is None or isinstance(original, GraphQLError):
        return False
    logger.error(
        "Unexpected error at %s (request %s)", error.path, current_request_id.get(), exc_info=original
    )
    return True
