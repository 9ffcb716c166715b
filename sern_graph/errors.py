"""Which execution errors callers see: ours on purpose and GraphQL's own; the rest are masked."""

from __future__ import annotations

import logging

from graphql import GraphQLError

logger = logging.getLogger("sern_graph")

MASKED_MESSAGE = "Internal server error. It has been logged; please report it with the request id."


def should_mask(error: GraphQLError) -> bool:
    """Mask anything that is not a GraphQLError raised on purpose (bad input, not found, ...)."""
    original = error.original_error
    if original is None or isinstance(original, GraphQLError):
        return False
    logger.error("Unexpected error at %s", error.path, exc_info=original)
    return True
