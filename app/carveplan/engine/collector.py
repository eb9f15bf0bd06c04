"""Pausing Python's cycle collector while many small records are built that can form no cycles."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_pauses = 0  # blocks paused right now, on any thread
_resume = False  # whether the collector was on when the first of them began


@contextmanager
def collector_paused() -> Iterator[None]:
    """Hold the cycle collector off for the block, then restore it as it was.

    Building a national-scale schedule or reading its file allocates hundreds of thousands of frozen
    records and tuples. Each burst of allocations starts a collection that walks every object alive,
    including the whole agreement, although none of the new records can be part of a cycle: a third of
    the time goes there. Reference counting still frees everything as usual.

    The collector is process-wide and the app resolves on a worker thread while the window resolves
    too, so pauses are counted: the last block to end, on whichever thread, turns it back on.

    What the block built is still alive after it (a schedule, an agreement): it goes straight to the
    oldest generation, which only a full collection walks. Left young, the first allocation after
    the block would walk every one of those millions of records (a second of a mega-regional
    resolve), then the middle generation walk them again, to keep them all.

    Yields:
        Nothing; the block runs with the collector off.
    """
    global _pauses, _resume
    with _lock:
        if _pauses == 0:
            _resume = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _lock:
            _pauses -= 1
            if _pauses == 0 and _resume:
                _promote()
                gc.enable()


def _promote() -> None:
    """Move every object the collector tracks to its oldest generation, without walking them.

    Frozen objects are left out of every collection; unfreezing puts them in the oldest generation.
    When something else holds objects frozen (an export settling the heap), the new ones are frozen
    with them, and are unfrozen when it is done.
    """
    held = gc.get_freeze_count()
    gc.freeze()
    if not held:
        gc.unfreeze()
