"""Opaque global IDs (Relay): base64url of `TypeName:primaryKey`."""

from __future__ import annotations

import base64
import binascii

from sern_graph.core.errors import UserInputError

# Primary keys are 32-bit integers (tortoise IntField); larger keys were never issued.
MAX_PK = 2**31 - 1


def encode_global_id(type_name: str, pk: int) -> str:
    return base64.urlsafe_b64encode(f"{type_name}:{pk}".encode()).decode().rstrip("=")


def decode_global_id(global_id: str, *, argument: str = "id") -> tuple[str, int]:
    """Returns (type name, primary key); raises UserInputError for anything malformed."""
    try:
        padded = global_id + "=" * (-len(global_id) % 4)
        type_name, _, raw_pk = base64.urlsafe_b64decode(padded.encode("ascii")).decode().partition(":")
        pk = int(raw_pk)
    except (binascii.Error, UnicodeError, ValueError):
        raise UserInputError(f"'{global_id}' is not a valid ID.", argument=argument) from None
    if not type_name or not 1 <= pk <= MAX_PK:
        raise UserInputError(f"'{global_id}' is not a valid ID.", argument=argument)
    return type_name, pk
