"""Log output: readable text, or one JSON object per line for log collectors; both carry the id of
the request a line was written for."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import IO, Any

import orjson

from sern_graph.core.request_id import current_request_id
from sern_graph.settings import Settings

TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
# What every LogRecord has; anything else on a record came from `extra=`.
_RECORD_ATTRIBUTES = frozenset(logging.makeLogRecord({}).__dict__) | {"message", "asctime", "taskName"}


def _request_id(record: logging.LogRecord) -> str | None:
    """An id given with `extra=`, else the current request's (formatting runs where the line is written)."""
    given = getattr(record, "request_id", None)
    return str(given) if given is not None else current_request_id.get()


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        request_id = _request_id(record)
        if request_id is not None:
            entry["request_id"] = request_id
        for key, value in record.__dict__.items():
            if key not in _RECORD_ATTRIBUTES and key != "request_id":
                entry.setdefault(key, value)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        elif record.exc_text:
            entry["exception"] = record.exc_text
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return orjson.dumps(entry, default=str, option=orjson.OPT_NON_STR_KEYS).decode()


class TextFormatter(logging.Formatter):
    """Today's text lines, with ` [request <id>]` after the message when there is one."""

    def __init__(self) -> None:
        super().__init__(TEXT_FORMAT)

    def formatMessage(self, record: logging.LogRecord) -> str:
        line = super().formatMessage(record)
        request_id = _request_id(record)
        return f"{line} [request {request_id}]" if request_id is not None else line


def configure_logging(settings: Settings, stream: IO[str] | None = None, *, force: bool = False) -> None:
    """Sends every log line to `stream` (stderr) in the settings' format and level. Like
    `logging.basicConfig`, it leaves a root logger that has handlers already (a test runner's)
    alone, unless `force` replaces them."""
    root = logging.getLogger()
    # Tortoise logs every SQL statement at DEBUG.
    logging.getLogger("tortoise").setLevel(logging.WARNING)
    if root.handlers and not force:
        return
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter() if settings.log_format == "json" else TextFormatter())
    for existing in list(root.handlers):
        root.removeHandler(existing)
    root.addHandler(handler)
    root.setLevel(settings.log_level)
