"""Markdown: the plain text a reader sees, with links kept as anchor text plus a :class:`Link`.

Parsed with markdown-it-py (CommonMark, plus tables and strikethrough). Headings, paragraphs, list items,
block quotes and code blocks become paragraphs separated by blank lines; emphasis markers disappear; a link keeps
its anchor text in the text and its target in ``Metadata.links``; an autolink ``<https://…>`` becomes the URL.
"""

from __future__ import annotations

import html
import re

from markdown_it import MarkdownIt
from markdown_it.token import Token

from variorum.core.load.builder import TextBuilder
from variorum.core.load.dates import iso_date
from variorum.core.load.encoding import decode, looks_binary, replacement_warning
from variorum.core.load.errors import LoadError
from variorum.core.load.extracted import Extracted
from variorum.core.load.html_text import HtmlTextWalker
from variorum.core.load.text import unify_newlines
from variorum.core.model import Link, Metadata

_BLOCK_OPEN = {"paragraph_open", "heading_open", "blockquote_open", "list_item_open", "bullet_list_open",
               "ordered_list_open", "table_open", "tr_open"}
_BLOCK_CLOSE = {"paragraph_close", "heading_close", "blockquote_close", "list_item_close", "bullet_list_close",
                "ordered_list_close", "table_close", "tr_close"}
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
_A_OPEN = re.compile(r"""<a\s[^>]*?\bhref\s*=\s*(?:"(?P<q1>[^"]*)"|'(?P<q2>[^']*)'|(?P<bare>[^\s>]+))[^>]*>""",
                     re.IGNORECASE)
_A_OPEN_NO_HREF = re.compile(r"<a(?:\s[^>]*)?>", re.IGNORECASE)
_A_CLOSE = re.compile(r"</a\s*>", re.IGNORECASE)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FM_FIELD = re.compile(r"^(title|date|author|byline|url|canonical)\s*:\s*(.+?)\s*$", re.MULTILINE | re.IGNORECASE)


def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


class _Renderer:
    def __init__(self) -> None:
        self.out = TextBuilder()
        self.title: str | None = None
        self._in_h1 = False
        self._h1_parts: list[str] = []
        self._ordinals: list[int | None] = []
        self._cell = 0
        self._marker = ""  # an ordered list item's number, written before its first text

    def render(self, tokens: list[Token]) -> None:
        for tok in tokens:
            t = tok.type
            if t in ("paragraph_open", "paragraph_close") and tok.hidden:
                continue  # the paragraphs of a tight list item
            if t in _BLOCK_OPEN:
                self._open_block(tok)
            elif t in _BLOCK_CLOSE:
                self._close_block(t)
            elif t in ("th_open", "td_open"):
                if self._cell:
                    self.out.write(" | ")
                self._cell += 1
            elif t == "inline":
                if self._marker:
                    self.out.write(self._marker)
                    self.out.space()
                    self._marker = ""
                self._inline(tok.children or [])
            elif t in ("fence", "code_block"):
                self.out.paragraph()
                self.out.write(tok.content.rstrip("\n"), preserve=True)
                self.out.paragraph()
            elif t == "hr":
                self.out.paragraph()
            elif t == "html_block":
                self._html_block(tok.content)

    def _open_block(self, tok: Token) -> None:
        t = tok.type
        if not (t == "paragraph_open" and self._marker):
            self.out.paragraph()
        if t == "bullet_list_open":
            self._ordinals.append(None)
        elif t == "ordered_list_open":
            self._ordinals.append(int(tok.attrs.get("start", 1) or 1))
        elif t == "list_item_open" and self._ordinals and self._ordinals[-1] is not None:
            self._marker = f"{self._ordinals[-1]}."
            self._ordinals[-1] += 1
        elif t == "heading_open" and tok.tag == "h1" and self.title is None:
            self._in_h1 = True
        elif t == "tr_open":
            self._cell = 0

    def _close_block(self, t: str) -> None:
        self.out.paragraph()
        if t in ("bullet_list_close", "ordered_list_close") and self._ordinals:
            self._ordinals.pop()
        elif t == "heading_close" and self._in_h1:
            self._in_h1 = False
            title = " ".join("".join(self._h1_parts).split())
            self.title = title or None
            self._h1_parts = []

    def _html_block(self, fragment: str) -> None:
        """Raw HTML in the Markdown: its text and links, as a web page's would be read."""
        from lxml import etree
        from lxml import html as lxml_html

        parser = lxml_html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True)
        try:
            root = lxml_html.fragment_fromstring(fragment, create_parent="div", parser=parser)
        except (etree.ParserError, ValueError):
            return
        self.out.paragraph()
        HtmlTextWalker(None, html=True, out=self.out).walk(root)
        self.out.paragraph()

    def _text(self, s: str, *, preserve: bool = False) -> None:
        self.out.write(s, preserve=preserve)
        if self._in_h1:
            self._h1_parts.append(s)

    def _inline(self, children: list[Token]) -> None:
        for c in children:
            t = c.type
            if t == "text":
                self._text(c.content)
            elif t == "code_inline":
                self._text(c.content, preserve=True)
            elif t == "softbreak":
                self.out.space()
                if self._in_h1:
                    self._h1_parts.append(" ")
            elif t == "hardbreak":
                self.out.line_break()
            elif t == "link_open":
                self.out.begin_link(str(c.attrs.get("href", "")))
            elif t == "link_close":
                self.out.end_link()
            elif t == "html_inline":
                tag = c.content.strip()
                if _BR.fullmatch(tag):
                    self.out.line_break()
                elif m := _A_OPEN.fullmatch(tag):
                    self.out.begin_link(html.unescape(m.group("q1") or m.group("q2") or m.group("bare") or ""))
                elif _A_OPEN_NO_HREF.fullmatch(tag):
                    self.out.begin_link("")
                elif _A_CLOSE.fullmatch(tag):
                    self.out.end_link()
            elif t == "image":
                continue  # an image's alt text is not part of the article's text


def _front_matter(text: str) -> tuple[str, dict[str, str]]:
    """Strip a YAML front matter block (``---`` … ``---``) and read its simple fields."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return text, {}
    fields: dict[str, str] = {}
    for fm in _FM_FIELD.finditer(m.group(1)):
        fields.setdefault(fm.group(1).lower(), fm.group(2).strip().strip("\"'"))
    if not fields:
        return text, {}
    return text[m.end():], fields


def _metadata(title: str | None, fields: dict[str, str], links: tuple[Link, ...]) -> Metadata:
    sources: list[tuple[str, str]] = []
    if fields.get("title"):
        title = fields["title"]
        sources.append(("title", "markdown front matter"))
    elif title:
        sources.append(("title", "markdown heading"))
    published = iso_date(fields.get("date", ""))
    if published:
        sources.append(("published", "markdown front matter"))
    byline = fields.get("author") or fields.get("byline") or None
    if byline:
        sources.append(("byline", "markdown front matter"))
    url = fields.get("canonical") or fields.get("url") or None
    if url:
        sources.append(("url", "markdown front matter"))
    return Metadata(title=title, published=published, byline=byline, url=url, links=links,
                    sources=tuple(sources), carrier="front matter" if fields else None)


def extract(raw: bytes) -> Extracted:
    if looks_binary(raw):
        raise LoadError("This looks like a binary file, not Markdown text; it cannot be compared.")
    source, encoding = decode(raw)
    source = unify_newlines(source).replace("\ufeff", "")
    source, fields = _front_matter(source)
    r = _Renderer()
    r.render(_parser().parse(source))
    text, links = r.out.build()
    warnings: tuple[str, ...] = ()
    if not text.strip() and source.strip():
        # markdown-it gives up on absurd nesting (thousands of ">"); the words are still worth comparing
        text, links = source.strip(), ()
        warnings += ("The Markdown could not be interpreted (it is nested too deeply); it is compared as plain "
                     "text, markup included.",)
    damage = replacement_warning(raw, text, encoding)
    if damage:
        warnings += (damage,)
    return Extracted(text=text, encoding=encoding, metadata=_metadata(r.title, fields, links), warnings=warnings)
