"""The text of an element tree (a web page's body, trafilatura's XML of an article, raw HTML inside Markdown),
with paragraph breaks and links, through :class:`~variorum.core.load.builder.TextBuilder`."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urljoin

from variorum.core.load.builder import TextBuilder

if TYPE_CHECKING:  # a Markdown text without raw HTML in it loads no HTML parser
    from lxml.etree import _Element

_SKIP = {"script", "style", "noscript", "template", "svg", "head", "title", "iframe", "object", "canvas",
         "select", "option", "button", "input", "textarea", "math"}
_BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "table", "tr",
          "blockquote", "pre", "section", "article", "header", "footer", "nav", "aside", "main", "figure",
          "figcaption", "form", "hr", "address", "fieldset", "details", "summary", "caption", "body",
          # trafilatura's XML
          "head", "list", "item", "quote", "row", "doc", "comments"}


class HtmlTextWalker:
    """Turns an element tree (trafilatura's XML, or a real HTML body) into text with links.

    Iterative, so that pages nested thousands of levels deep cannot exhaust the stack.
    """

    def __init__(self, base: str | None, *, html: bool, out: TextBuilder | None = None) -> None:
        self.out = out or TextBuilder()
        self.base = base
        self.html = html  # a real page: skip <head>, hidden elements; in trafilatura's XML <head> is a heading

    def _href(self, href: str | None) -> str | None:
        href = (href or "").strip()
        if not href or href.lower().startswith(("javascript:", "data:")):
            return None
        return urljoin(self.base, href) if self.base and not href.startswith("#") else href

    def _skipped(self, el, tag: str) -> bool:
        if not tag:
            return True  # comments, processing instructions
        if not self.html:
            return tag == "graphic"
        return tag in _SKIP or (el.get("hidden") is not None or el.get("aria-hidden") == "true"
                                or "display:none" in (el.get("style") or "").replace(" ", ""))

    def walk(self, root: _Element) -> None:
        out = self.out
        stack: list[tuple[_Element, bool, bool, bool]] = [(root, True, False, False)]
        while stack:
            el, entering, block, linked = stack.pop()
            if not entering:
                if linked:
                    out.end_link()
                if block:
                    out.paragraph()
                if el.tail and el is not root:
                    out.write(el.tail)
                continue
            tag = el.tag.lower() if isinstance(el.tag, str) else ""
            if self._skipped(el, tag) or tag in ("br", "lb"):
                if tag in ("br", "lb"):
                    out.line_break()
                if el.tail and el is not root:
                    out.write(el.tail)
                continue
            if tag in ("td", "th", "cell"):
                prev = el.getprevious()
                if prev is not None and isinstance(prev.tag, str):
                    out.write(" | ")
            parent = el.getparent()
            block = tag in _BLOCK or (tag == "code" and parent is not None
                                      and parent.tag in ("main", "doc", "quote", "comments"))
            if block:
                out.paragraph()
            url = self._href(el.get("href") or el.get("target")) if tag in ("a", "ref") else None
            if url:
                out.begin_link(url)
            if el.text:
                out.write(el.text, preserve=tag in ("pre", "code") and block)
            stack.append((el, False, block, bool(url)))
            stack.extend((child, True, False, False) for child in reversed(el))
