"""Pausing Python's cycle collector while many small records are built that can form no cycles."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Hold the cycle collector off for the block, then restore it as it was.

    Building a national-scale schedule or reading its file allocates hundreds of thousands of frozen
    records and tuples. Each burst of allocations starts a collection that walks every object alive,
    including the whole agreement, although none of the new records can be part of a cycle: a third of
    the time goes there. Reference counting still frees everything as usual.

    Yields:
        Nothing; the block runs with the collector off.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        # A pause nested in this one found the collector off and leaves turning it on to this one.
        if was_enabled:
            gc.enable()
