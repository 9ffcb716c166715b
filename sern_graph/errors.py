"""Which execution errors callers see: ours on purpose and GraphQL's own; the rest are masked."""

from __future__ import annotations

import logging

from graphql import GraphQLError
from strawberry.extensions import MaskErrors
from tortoise.exceptions import ValidationError

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
    if isinstance(original, ValidationError):
        # Tortoise checks values against the column (a 3-letter country code, a 101-character
        # slug) before it builds a lookup: the caller's input, not a bug.
        return False
    logger.error(
        "Unexpected error at %s (request %s)", error.path, current_request_id.get(), exc_info=original
    )
    return True


class ErrorPolicy(MaskErrors):
    """Masks unexpected errors and gives every error an `extensions.code` clients can switch on."""

    def __init__(self) -> None:
        super().__init__(should_mask_error=should_mask, error_message=MASKED_MESSAGE)

    def anonymise_error(self, error: GraphQLError) -> GraphQLError:
        masked = super().anonymise_error(error)
        masked.extensions = {"code": "INTERNAL_SERVER_ERROR"}
        return masked

    def _process_errors(self, errors: list[GraphQLError]) -> list[GraphQLError]:
        processed = super()._process_errors(errors)
        for error in processed:
            if not (error.extensions or {}).get("code"):
                # Without an original error it is the document's fault: syntax, unknown
                # fields, bad argument values (an unknown locale, an invalid date).
                code = "GRAPHQL_VALIDATION_FAILED" if error.original_error is None else "BAD_USER_INPUT"
                if isinstance(error.original_error, ValidationError):
                    error.message = f"Invalid value: {error.original_error}"
                error.extensions = {**(error.extensions or {}), "code": code}
        return processed
