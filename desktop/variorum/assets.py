"""Access to the files under ``resources/`` (shipped as the ``variorum.resources`` package).

Read through importlib.resources so that a wheel and a frozen bundle both work.
"""

from __future__ import annotations

import contextlib
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

DEMO_DIR = "demo"


def files() -> Traversable:
    return resources.files("variorum.resources")


def demo_files() -> list[Traversable]:
    """The bundled demo case: the seed article's versions and related coverage, in load order."""
    from variorum.core.load import EXTENSIONS

    demo = files() / DEMO_DIR
    return sorted((f for f in demo.iterdir() if f.is_file() and not f.name.startswith(".")
                   and any(f.name.lower().endswith(ext) for ext in EXTENSIONS)), key=lambda f: f.name)


@contextlib.contextmanager
def demo_paths():
    """Yield real filesystem paths of the demo files (extracted to a temp dir if needed)."""
    with contextlib.ExitStack() as stack:
        paths = [Path(stack.enter_context(resources.as_file(f))) for f in demo_files()]
        yield paths
