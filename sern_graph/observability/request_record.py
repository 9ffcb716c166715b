"""What one HTTP request did, noted while it runs (its GraphQL operations, the SQL statements it
sent) for the access log and the request metrics. It lives in a context variable, so the tasks a
request starts (the loaders) count towards it too."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field


@dataclass
class RequestRecord:
    # Operation names as `labels.name_label` gives them: safe to log.
    operations: list[str] = field(default_factory=list)
    statements: int = 0


_current: ContextVar[RequestRecord | None] = ContextVar("sern_request_record", default=None)


@contextmanager
def recording_request() -> Iterator[RequestRecord]:
    """A new record, current until the block ends."""
    record = RequestRecord()
    token = _current.set(record)
    try:
        yield record
    finally:
        _current.reset(token)


def current_record() -> RequestRecord | None:
    return _current.get()


def count_statement() -> None:
    """Counts an SQL statement towards the current request; outside a request, does nothing."""
    record = _current.get()
    if record is not None:
        record.statements += 1
