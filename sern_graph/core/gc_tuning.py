"""Garbage-collector settings for a server that allocates many short-lived objects.

A whole-network query allocates hundreds of thousands of small objects (rows, dicts, strings)
that die when the response is sent. CPython's default young-generation threshold (700) runs
the cyclic collector thousands of times per such request, each pass walking the survivors of
the last: most of it wasted, since almost none of it is cyclic garbage. Freezing what exists
after start-up (modules, schema, settings) keeps the collector from scanning it again.
"""

from __future__ import annotations

import gc


def tune_garbage_collector(gen0_threshold: int) -> None:
    """Freezes the objects that live as long as the process; raises the young-generation
    threshold unless it is 0 (then the thresholds stay as they are)."""
    gc.collect()
    gc.freeze()
    if gen0_threshold > 0:
        _, gen1, gen2 = gc.get_threshold()
        gc.set_threshold(gen0_threshold, gen1, gen2)
