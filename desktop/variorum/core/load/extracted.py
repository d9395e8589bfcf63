from __future__ import annotations

from dataclasses import dataclass, field

from variorum.core.model import Metadata


@dataclass(frozen=True)
class Extracted:
    """What a format extractor returns: the plain text and what the format itself says about it."""

    text: str
    encoding: str | None = None
    metadata: Metadata = field(default_factory=Metadata)
    warnings: tuple[str, ...] = ()
