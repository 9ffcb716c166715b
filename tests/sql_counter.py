"""Counts the SQL statements tortoise sends, from its query log."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

STATEMENT_KEYWORDS = ("SELECT", "INSERT", "UPDATE", "DELETE", "WITH")


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.statements: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage().lstrip()
        if message.upper().startswith(STATEMENT_KEYWORDS):
            self.statements.append(message)


@contextmanager
def count_statements() -> Iterator[list[str]]:
    """Collects every statement sent inside the block into the yielded list."""
    logger = logging.getLogger("tortoise.db_client")
    collector = _Collector()
    previous_level = logger.level
    logger.addHandler(collector)
    logger.setLevel(logging.DEBUG)
    try:
        yield collector.statements
    finally:
        logger.removeHandler(collector)
        logger.setLevel(previous_level)
