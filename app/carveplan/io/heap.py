"""Long exports keep the garbage collector off the agreement they read."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def settled_heap() -> Iterator[None]:
    """Freeze what is alive now (the agreement and its resolved schedule) for the block's length.

    A national schedule is millions of objects that live through the whole export; every full
    collection would walk them again while the export makes and drops its own. Frozen objects are
    still freed by reference counting; they are unfrozen again at the end.
    """
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
