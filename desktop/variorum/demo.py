"""The bundled demo case: the seed article's versions and related coverage, shipped under ``resources/demo``."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from variorum.assets import files
from variorum.core.extensions import EXTENSIONS

DEMO_DIR = "demo"


def demo_files() -> list[Traversable]:
    """The demo case's files, in load order."""
    demo = files() / DEMO_DIR
    return sorted((f for f in demo.iterdir() if f.is_file() and not f.name.startswith(".")
                   and any(f.name.lower().endswith(ext) for ext in EXTENSIONS)), key=lambda f: f.name)


@contextlib.contextmanager
def demo_paths() -> Iterator[list[Path]]:
    """Yield real filesystem paths of the demo files (extracted to a temp dir if needed)."""
    with contextlib.ExitStack() as stack:
        paths = [Path(stack.enter_context(resources.as_file(f))) for f in demo_files()]
        yield paths
