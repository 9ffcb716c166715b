"""Which tables an SQL statement reads, from its text."""

from __future__ import annotations

import re
from functools import lru_cache

# Table names follow FROM and JOIN, quoted as pypika writes them or bare in hand-written SQL. A
# false match (`EXTRACT(YEAR FROM "day")`) names a table no event purges, so the response is
# simply not cached: wrong in the safe direction.
_TABLE = re.compile(r'\b(?:FROM|JOIN)\s+"?([A-Za-z_][A-Za-z0-9_]*)"?', re.IGNORECASE)


@lru_cache(maxsize=1024)
def tables_read(sql: str) -> tuple[str, ...]:
    """Every table named after FROM or JOIN, once per mention, in order."""
    return tuple(match.group(1) for match in _TABLE.finditer(sql))
