"""Pausing Python's cyclic garbage collector around one bounded burst of allocations."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for the ``with`` block.

    Reading and storing one dossier or one score file makes tens of thousands of objects that
    live until it is stored, and the collector would walk them again at every generation (a
    tenth of W1's import, a twelfth of W2's merge). Reference counting frees almost all of
    them anyway. Keep the block to one file, so the pause never outlasts a bounded amount of
    work; the collector is enabled again after it even if the block raises.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
