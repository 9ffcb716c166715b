"""Label values that stay few, whatever callers send: a time series per label value costs memory
in this process and in Prometheus."""

from __future__ import annotations

import re

ANONYMOUS = "anonymous"
INVALID = "invalid"
OTHER = "other"
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,63}")


def name_label(name: str | None) -> str:
    """A GraphQL name as it may appear in a label or a log line: "anonymous" or "invalid" if not one."""
    if not name:
        return ANONYMOUS
    return name if _NAME.fullmatch(name) else INVALID


class BoundedNames:
    """Passes the first `limit` distinct names through; any name after those is "other"."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.seen: set[str] = set()

    def __call__(self, name: str | None) -> str:
        label = name_label(name)
        if label in self.seen or label in {ANONYMOUS, INVALID}:
            return label
        if len(self.seen) >= self.limit:
            return OTHER
        self.seen.add(label)
        return label
