"""How documents are named: the lowercase hex SHA-256 of their exact UTF-8 text, for APQ, trusted
documents and `documentId` alike."""

from __future__ import annotations

import hashlib
import re

_SHA256_HEX = re.compile(r"[0-9a-f]{64}")


def sha256_hex(document: str) -> str:
    return hashlib.sha256(document.encode()).hexdigest()


def is_sha256_hex(value: str) -> bool:
    """Whether `value` is 64 lowercase hex digits."""
    return _SHA256_HEX.fullmatch(value) is not None
