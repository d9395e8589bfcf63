"""Access to the files under ``resources/`` (shipped as the ``variorum.resources`` package).

Read through importlib.resources so that a wheel and a frozen bundle both work.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable


def files() -> Traversable:
    return resources.files("variorum.resources")
