"""Python's cyclic garbage collector kept from walking a comparison's objects while it runs.

A comparison makes millions of short-lived objects (words, spans, candidate pairs) on the worker thread. Python
collects garbage when enough objects have been made, and a full collection walks every object alive at that
moment while holding the interpreter lock: with a 10 × 100 KB case that was 30–80 ms each, several times per
comparison, during which the window could neither repaint nor take a key. A comparison makes almost no
reference cycles (11 objects on that case, none in its result), so automatic collection is paused while one
runs; when the last one running ends, every object tracked then is set aside from later collections
(:func:`gc.freeze`), so the next collection does not walk the whole comparison either, and collection resumes as
it was. The command line pauses it too: each walk of a long comparison's objects is time spent finding no
garbage (about 8 % of the time of 10 versions of 1 MB).

What is set aside is freed as usual when nothing refers to it any more, but a reference cycle among it never
is: garbage already there when it was set aside would stay for as long as the program runs. Reading a PDF
leaves such cycles (pypdf's parsed objects, holding the file's bytes): 10 cases of a 4.8 MB PDF opened one after
the other in the app grew it by 100 MB. So the app collects first (``collect_first``), on the comparison's
thread, as it starts: what earlier comparisons set aside is not walked then, so it takes a few milliseconds
(about 30 the first time, when nothing is set aside yet).

The window sets aside what it has alive once it is built (``set_aside_started``): the program's modules, classes
and widgets live as long as it does, and a full collection that walked them found nothing and held the window
for 35–55 ms, often in the first turn after files were dropped. It collects once first, so the garbage of
starting up is freed rather than kept.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_running = 0  # comparisons under way (a stale one may still be finishing when the next starts)
_resume = False  # automatic collection was on before the first of them started
_started = False  # what the program had alive once it started is set aside


@contextmanager
def paused(*, collect_first: bool = False) -> Iterator[None]:
    """Automatic garbage collection off while the block runs (and any other block paused meanwhile).

    ``collect_first``: garbage made before the block (a PDF parsed just now) is collected as the first block
    starts, rather than set aside with the comparison when the last one ends (what earlier comparisons set aside
    is not walked: a millisecond or two)."""
    global _running, _resume
    with _lock:
        if _running == 0:
            _resume = gc.isenabled()
            gc.disable()
            if collect_first:
                gc.collect()
        _running += 1
    try:
        yield
    finally:
        with _lock:
            _running -= 1
            if _running == 0:
                gc.freeze()
                if _resume:
                    gc.enable()



def set_aside_started() -> None:
    """Once per program: collect, then set aside every object alive (what starting the program made and keeps),
    so no later collection walks them again. What is set aside is still freed when nothing refers to it."""
    global _started
    with _lock:
        if _started:
            return
        _started = True
        gc.collect()
        gc.freeze()
