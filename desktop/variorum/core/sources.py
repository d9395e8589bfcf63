"""The files a case was opened from, each with the pages chosen in it when it is a web archive: what reopening
the case needs (Open Recent), so that it opens the same versions without asking again.

Stored as JSON: a file is its path; a web archive whose pages were chosen is ``{"path": …, "pages": [address, …]}``.
"""

from __future__ import annotations

from collections.abc import Iterable

from variorum.core.model import Version
from variorum.core.quick_dataclass import dataclass


@dataclass(frozen=True)
class Source:
    path: str
    pages: tuple[str, ...] | None = None  # the pages chosen in a web archive; None: no choice was made

    def to_json(self) -> str | dict[str, object]:
        return self.path if self.pages is None else {"path": self.path, "pages": list(self.pages)}

    @classmethod
    def from_json(cls, raw: object) -> Source | None:
        """The source ``raw`` describes, or None when it is not one (a damaged or foreign entry)."""
        if isinstance(raw, str) and raw:
            return cls(raw)
        if not isinstance(raw, dict) or not isinstance(raw.get("path"), str) or not raw["path"]:
            return None
        pages = raw.get("pages")
        if not isinstance(pages, list) or not all(isinstance(p, str) for p in pages):
            return cls(raw["path"])
        return cls(raw["path"], tuple(pages))


def page_choice(sources: Iterable[Source]) -> dict[str, tuple[str, ...]]:
    """The pages chosen in each web archive among ``sources`` (path → addresses)."""
    return {s.path: s.pages for s in sources if s.pages is not None}


def version_key(version: Version) -> str | None:
    """What names a version across runs: its file's path, and for one of several captures in a web archive, the
    capture's record too (they share the path); None for pasted text, which cannot be opened again."""
    if not version.path:
        return None
    capture = version.metadata.capture
    if capture is None or not capture.record_id:
        return version.path
    return f"{version.path}#{capture.record_id}"
