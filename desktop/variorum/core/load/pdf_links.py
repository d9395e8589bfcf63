"""Hyperlinks in a PDF: link annotations whose target is a URI, with the text drawn under them.

A PDF keeps a link apart from its text: an annotation is a rectangle on the page and a target. The anchor text
is the text the page draws inside that rectangle (collected with pypdf's text visitor); it is then found in the
extracted text to give the link its offsets.
"""

from __future__ import annotations

import re

from variorum.core.model import Link
from variorum.core.quick_dataclass import dataclass

SLACK = 2.0  # points around a link's rectangle (text baselines sit a little inside or below it)


@dataclass
class PageLinks:
    """The URI links of one page and, once the page is read, the text drawn inside each."""

    targets: list[tuple[str, tuple[float, float, float, float]]]
    chunks: list[tuple[float, float, str]]

    def visitor(self, text, cm, tm, _font, _size) -> None:
        """pypdf's ``visitor_text``: remember where each piece of text is drawn."""
        if text and text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            self.chunks.append((x, y, text))

    def anchors(self) -> list[tuple[str, str]]:
        """(anchor text, URI) for each link with text under it, in page order."""
        out = []
        for uri, (x1, y1, x2, y2) in self.targets:
            # a piece of text belongs to the link when it starts inside the rectangle (text that merely
            # continues after the link starts at its right edge)
            inside = [t for x, y, t in self.chunks
                      if x1 - SLACK <= x < x2 - SLACK and y1 - SLACK <= y <= y2 + SLACK]
            anchor = " ".join(" ".join(inside).split())
            if anchor:
                out.append((anchor, uri))
        return out


def _resolved(obj):
    return obj.get_object() if hasattr(obj, "get_object") else obj


def page_links(page) -> PageLinks | None:
    """The URI links of a page, or None when it has none (so its text need not be visited)."""
    targets = []
    for annot in _resolved(page.get("/Annots")) or []:
        annot = _resolved(annot)
        if not hasattr(annot, "get") or annot.get("/Subtype") != "/Link":
            continue
        action = _resolved(annot.get("/A"))
        if not hasattr(action, "get") or action.get("/S") != "/URI" or not action.get("/URI"):
            continue
        try:
            x1, y1, x2, y2 = (float(v) for v in _resolved(annot.get("/Rect")))
        except (TypeError, ValueError):
            continue
        targets.append((str(action["/URI"]), (min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2))))
    return PageLinks(targets, []) if targets else None


def locate(text: str, anchors: list[tuple[str, str]], start: int, end: int) -> list[Link]:
    """Links for the anchors found, in order, in ``text[start:end]`` (a page's share of the text); a line
    break may fall between any two words of an anchor. An anchor not found is left out."""
    links: list[Link] = []
    pos = start
    for anchor, uri in anchors:
        pattern = re.compile(r"\s+".join(re.escape(w) for w in anchor.split()))
        m = pattern.search(text, pos, end)
        if not m:
            continue
        if links and links[-1].url == uri and not text[links[-1].end:m.start()].strip():
            # a link broken over two lines is drawn as one rectangle per line: one link again
            s = links[-1].start
            links[-1] = Link(text[s:m.end()], uri, s, m.end())
        else:
            links.append(Link(m.group(), uri, m.start(), m.end()))
        pos = m.end()
    return links
