"""What a note is attached to, named by the open comparison's ids, and the one reader of its written form.

The written form is what users type on the command line and what reports and the notes list show:

- ``case``                    the case as a whole
- ``version:vN``              one version
- ``finding:ID``              a finding
- ``difference:ID``           a word-level difference
- ``quote:vN:START-END``      a text selection in version vN, code-point offsets into its extracted text

Inside the program an :class:`AnchorRef` travels instead; :func:`read_anchor` is the only place the text is
read back. (The stored :class:`~variorum.core.notes.targets.Anchor` names versions by content, not by id.)
"""

from __future__ import annotations

from typing import Literal

from variorum.core.lazy_regex import LazyPattern
from variorum.core.quick_dataclass import dataclass

AnchorKind = Literal["finding", "difference", "version", "case", "quote"]
ANCHOR_KINDS: tuple[str, ...] = ("finding", "difference", "version", "case", "quote")
_QUOTE = LazyPattern(r"^quote:(v\d+):(\d+)-(\d+)$")
_BY_ID: tuple[AnchorKind, ...] = ("finding", "difference", "version")


@dataclass(frozen=True)
class AnchorRef:
    """``kind`` plus, for findings and differences, their id; for versions and quotes, the version's id (``vN``,
    or a stand-in such as ``sha256:…`` or ``?`` when the version is not in the comparison); for quotes the
    code-point range."""

    kind: AnchorKind
    ref: str | None = None
    start: int | None = None
    end: int | None = None

    def __str__(self) -> str:
        if self.kind == "case":
            return "case"
        if self.kind == "quote":
            if self.start is None or self.end is None:
                return "quote:?"
            return f"quote:{self.ref or '?'}:{self.start}-{self.end}"
        return f"{self.kind}:{self.ref}"


def read_anchor(text: str | None) -> AnchorRef | None:
    """The anchor a written form names, or None when it is not one."""
    text = (text or "").strip()
    if text == "case":
        return AnchorRef("case")
    m = _QUOTE.match(text)
    if m:
        return AnchorRef("quote", m.group(1), int(m.group(2)), int(m.group(3)))
    name, _, rest = text.partition(":")
    for kind in _BY_ID:
        if name == kind and rest:
            return AnchorRef(kind, rest)
    return None
