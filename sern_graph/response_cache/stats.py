"""Counts of what the response cache did in this process."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class CacheStats:
    hits: int = 0
    misses: int = 0
    # Requests not eligible (mutations, previews, editors) or run uncached (store unreachable).
    bypasses: int = 0
    stores: int = 0
    # Content events handled, and the entries they removed.
    purges: int = 0
    purged_entries: int = 0
