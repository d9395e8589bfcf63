"""Assemble plain text from a document tree, with paragraph breaks and link offsets.

The Markdown, HTML and DOCX loaders walk their documents and feed this builder; it collapses whitespace the way
a browser does, separates paragraphs with one blank line, and records where each link's anchor text lands in the
final text (code-point offsets).
"""

from __future__ import annotations

from variorum.core.lazy_regex import LazyPattern
from variorum.core.model import Link

# Runs of ASCII white space (a non-breaking space is content the normalizer knows how to treat) other than one
# plain space: collapsing only these gives what collapsing every run does, without rebuilding each piece of text
# around every space between its words.
_WS_RUN = LazyPattern(r"[\t\n\r\f\v][ \t\n\r\f\v]*| [ \t\n\r\f\v]+")


class TextBuilder:
    def __init__(self) -> None:
        self._parts: list[str] = []
        self._len = 0
        self._space = False  # a collapsed space is owed before the next word
        self._break = ""  # "\n" or "\n\n" owed before the next word
        self._line_start = True  # nothing written since the last break
        self._open: list[list] = []  # [url, start or None] for each open link
        self._links: list[tuple[str, int, int]] = []

    # --- structure -------------------------------------------------------------------------------------
    def paragraph(self) -> None:
        """End the current paragraph: the next text starts after a blank line."""
        self._break = "\n\n"
        self._space = False

    def line_break(self) -> None:
        if self._break != "\n\n":
            self._break = "\n"
        self._space = False

    def space(self) -> None:
        if not self._line_start:
            self._space = True

    # --- text --------------------------------------------------------------------------------------------
    def write(self, text: str, *, preserve: bool = False) -> None:
        """Add text; whitespace runs collapse to one space unless ``preserve`` (code blocks)."""
        if not text:
            return
        if preserve:
            self._emit(text)
            return
        # printable text has no white space but spaces: without two in a row there is nothing to collapse
        collapsed = text if "  " not in text and text.isprintable() else _WS_RUN.sub(" ", text)
        core = collapsed.strip(" ")
        if collapsed[0] == " ":
            self.space()
        if core:
            self._emit(core)
            if collapsed[-1] == " ":
                self.space()

    def _emit(self, chunk: str) -> None:
        if self._break:
            if self._len:
                self._append(self._break)
            self._break = ""
        elif self._space and self._len:
            self._append(" ")
        self._space = False
        for link in self._open:
            if link[1] is None:
                link[1] = self._len
        self._append(chunk)
        self._line_start = chunk.endswith("\n")

    def _append(self, s: str) -> None:
        self._parts.append(s)
        self._len += len(s)
        if s in ("\n", "\n\n"):
            self._line_start = True

    # --- links -------------------------------------------------------------------------------------------
    def begin_link(self, url: str) -> None:
        self._open.append([url, None])

    def end_link(self) -> None:
        if not self._open:
            return
        url, start = self._open.pop()
        url = url.strip()
        # a placeholder target ("#", common in copied articles) is kept: a link lost in copying is worth seeing
        if start is not None and self._len > start and url:
            self._links.append((url, start, self._len))

    # --- result ------------------------------------------------------------------------------------------
    def build(self) -> tuple[str, tuple[Link, ...]]:
        text = "".join(self._parts)
        links = []
        for url, start, end in sorted(self._links, key=lambda x: (x[1], x[2])):
            # code blocks may end in whitespace; keep the anchor to its visible text
            while end > start and text[end - 1].isspace():
                end -= 1
            if end > start:
                links.append(Link(text[start:end], url, start, end))
        return text.rstrip(), tuple(links)
