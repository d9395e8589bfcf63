"""Markdown: the plain text a reader sees, with links kept as anchor text plus a :class:`Link`.

Parsed with pyromark (pulldown-cmark: CommonMark, plus tables and strikethrough), whose compiled parser reads a
100 KB article in about a millisecond and keeps its own stack flat however deeply the Markdown nests. Headings,
paragraphs, list items, block quotes and code blocks become paragraphs separated by blank lines; emphasis markers
disappear; a link keeps its anchor text in the text and its target in ``Metadata.links`` (percent-encoded, its
host in ASCII, as CommonMark renderers write it); an autolink ``<https://…>`` becomes the URL; a link to a
``javascript:``, ``vbscript:``, ``file:`` or ``data:`` address keeps its words but is not a link.

Attribute lists are markup, not words: kramdown's and Python-Markdown's ``{: #id .class key="value" }`` after a
block, a heading or an inline element ("Effective February 25, 2025 {: datetime="2025-02-25" }"), and the
``{#id .class}`` that pandoc and others close a heading with. Braces that are not an attribute list stay
("# The set {1, 2, 3}").
"""

from __future__ import annotations

import json
import re
from contextlib import suppress
from typing import Any

import pyromark

from variorum.core.lazy_regex import LazyPattern
from variorum.core.load.builder import TextBuilder
from variorum.core.load.dates import iso_date
from variorum.core.load.encoding import decode, looks_binary, replacement_warning
from variorum.core.load.errors import LoadError
from variorum.core.load.extracted import Extracted
from variorum.core.load.html_text import HtmlTextWalker
from variorum.core.load.text import unify_newlines
from variorum.core.model import Link, Metadata

_OPTIONS = pyromark.Options.ENABLE_TABLES | pyromark.Options.ENABLE_STRIKETHROUGH
# blocks that start and end a paragraph of the text (a list item's own paragraphs are handled with its marker)
_BLOCKS = {"Paragraph", "Heading", "BlockQuote", "Item", "List", "Table", "TableHead", "TableRow"}
_BR = LazyPattern(r"<br\s*/?>", re.IGNORECASE)
_A_OPEN = LazyPattern(r"""<a\s[^>]*?\bhref\s*=\s*(?:"(?P<q1>[^"]*)"|'(?P<q2>[^']*)'|(?P<bare>[^\s>]+))[^>]*>""",
                     re.IGNORECASE)
_A_OPEN_NO_HREF = LazyPattern(r"<a(?:\s[^>]*)?>", re.IGNORECASE)
_A_CLOSE = LazyPattern(r"</a\s*>", re.IGNORECASE)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
# Some tools (web clippers, extractors) open their Markdown with the page's metadata as a JSON object instead of
# YAML: bare, or in a ```json fence. Only an object naming at least one metadata field is taken for front matter.
_JSON_FRONT_MATTER = LazyPattern(r"\A(?:```[ \t]*json[ \t]*\n(\{.*?\n\})[ \t]*\n```|(\{[ \t]*\n.*?\n\}))[ \t]*(?:\n|\Z)",
                                 re.DOTALL | re.IGNORECASE)
_FM_KEYS = frozenset({"title", "date", "published", "author", "byline", "url", "canonical"})
_FM_FIELD = LazyPattern(r"^(title|date|author|byline|url|canonical)\s*:\s*(.+?)\s*$", re.MULTILINE | re.IGNORECASE)
# kramdown's inline and block attribute lists (and its attribute list definitions, "{:name: .class}")
_ATTRIBUTE_LIST = LazyPattern(r"[ \t]*\{:[^{}\n]*\}")
# an attribute list closing a heading: an id or class first ("{#accounts}", "{.unnumbered}", "{#id .class}")
_HEADING_ATTRIBUTES = LazyPattern(r"[ \t]*\{[#.][\w:.-]+(?:[ \t]+[^{}\n]*)?\}[ \t]*$")
_UNSAFE_TARGET = re.compile(r"^(vbscript|javascript|file|data):", re.IGNORECASE)
_HOST_RECODED_FOR = ("http:", "https:", "mailto:")


def link_target(url: str) -> str:
    """A link's target as CommonMark renderers write it: non-ASCII characters and spaces percent-encoded
    (escapes already there kept), an internationalised host name in its ASCII (punycode) form."""
    import mdurl  # loaded when a text has links, not for every Markdown text

    parsed = mdurl.parse(url, slashes_denote_host=True)
    if parsed.hostname and (not parsed.protocol or parsed.protocol in _HOST_RECODED_FOR):
        with suppress(UnicodeError):
            parsed = parsed._replace(hostname=parsed.hostname.encode("idna").decode("ascii"))
    if not parsed.hostname or ":" not in parsed.hostname:
        return mdurl.encode(mdurl.format(parsed))
    return mdurl.format(parsed._replace(  # an IPv6 host: each part encoded before format() adds the brackets
        protocol=parsed.protocol and mdurl.encode(parsed.protocol), auth=parsed.auth and mdurl.encode(parsed.auth),
        hostname=mdurl.encode(parsed.hostname), pathname=parsed.pathname and mdurl.encode(parsed.pathname),
        search=parsed.search and mdurl.encode(parsed.search), hash=parsed.hash and mdurl.encode(parsed.hash)))


def _autolink_text(url: str) -> str:
    """What an autolink shows: its address with percent-escapes read (``%25`` stays)."""
    import mdurl

    return mdurl.decode(url, mdurl.DECODE_DEFAULT_CHARS + "%")


class _Renderer:
    def __init__(self) -> None:
        self.out = TextBuilder()
        self.title: str | None = None
        self._in_h1 = False
        self._h1_parts: list[str] = []
        self._ordinals: list[int | None] = []
        self._cell = 0
        self._marker = ""  # an ordered list item's number, written before its first text
        self._skip = 0  # inside an image: its alt text is not part of the article's text
        self._links: list[bool] = []  # for each open link: whether it is a link in the text (not refused)
        self._autolink = False
        self._raw: list[str] | None = None  # the lines of a code or HTML block being read
        self._heading = False

    def render(self, events: Any) -> None:
        run: list[str] = []  # the lines of running text read since the last other event, written as one
        for ev in events:
            plain = self._raw is None and not self._skip and not self._autolink
            if plain and ev == "SoftBreak":
                run.append(" ")
                continue
            if plain and isinstance(ev, dict) and "Text" in ev:
                run.append(ev["Text"])
                continue
            if run:
                self._running_text("".join(run))
                run.clear()
            if isinstance(ev, str):
                self._bare(ev)
                continue
            [(kind, value)] = ev.items()
            if kind == "Text":
                self._text_event(value)
            elif kind == "Start":
                self._start(value)
            elif kind == "End":
                self._end(value)
            elif kind == "Code":
                self._words(value, preserve=True)
            elif kind == "Html":
                if self._raw is not None:
                    self._raw.append(value)
            elif kind == "InlineHtml":
                self._inline_html(value)
        if run:
            self._running_text("".join(run))

    def _running_text(self, s: str) -> None:
        """Text between two other events (a heading's, a paragraph's, an emphasis'), its attribute lists left out."""
        if "{" in s:
            s = _ATTRIBUTE_LIST.sub("", s)
            if self._heading:
                s = _HEADING_ATTRIBUTES.sub("", s)
            if not s:
                return
        self._words(s)

    def _bare(self, ev: str) -> None:
        if self._skip:
            return
        if ev == "SoftBreak":
            self.out.space()
            if self._in_h1:
                self._h1_parts.append(" ")
        elif ev == "HardBreak":
            self.out.line_break()
        elif ev == "Rule":
            self.out.paragraph()

    def _text_event(self, s: str) -> None:
        if self._raw is not None:
            self._raw.append(s)
        elif not self._skip:
            self._words(_autolink_text(s) if self._autolink else s)

    def _start(self, tag: Any) -> None:
        value: Any = None  # a tag's details: a heading's level, a list's first number, a link's target
        name = tag
        if isinstance(tag, dict):
            [(name, value)] = tag.items()
        if name in _BLOCKS:
            self._open_block(name, value)
        elif name == "TableCell":
            if self._cell:
                self.out.write(" | ")
            self._cell += 1
        elif name in ("CodeBlock", "HtmlBlock"):
            self._raw = []
        elif name == "Link":
            self._open_link(value)
        elif name == "Image":
            self._inline_starts()
            self._skip += 1

    def _end(self, tag: Any) -> None:
        name = next(iter(tag)) if isinstance(tag, dict) else tag
        if name in _BLOCKS:
            self._close_block(name)
        elif name == "CodeBlock":
            self.out.paragraph()
            self.out.write("".join(self._raw or ()).rstrip("\n"), preserve=True)
            self.out.paragraph()
            self._raw = None
        elif name == "HtmlBlock":
            self._html_block("".join(self._raw or ()))
            self._raw = None
        elif name == "Link":
            self._autolink = False
            if self._links.pop():
                self.out.end_link()
        elif name == "Image":
            self._skip -= 1

    def _open_link(self, value: dict[str, str]) -> None:
        self._inline_starts()
        url = value["dest_url"]
        if value["link_type"] == "Email":
            url = f"mailto:{url}"
        target = link_target(url)
        linked = not _UNSAFE_TARGET.match(target)
        self._links.append(linked)
        self._autolink = value["link_type"] in ("Autolink", "Email")
        if linked:
            self.out.begin_link(target)

    def _open_block(self, name: str, value: Any) -> None:
        if not (name == "Paragraph" and self._marker):
            self.out.paragraph()
        if name == "List":
            self._ordinals.append(None if value is None else int(value))
        elif name == "Item" and self._ordinals and self._ordinals[-1] is not None:
            self._marker = f"{self._ordinals[-1]}."
            self._ordinals[-1] += 1
        elif name == "Heading":
            self._heading = True
            self._in_h1 = value["level"] == "H1" and self.title is None
        elif name in ("TableHead", "TableRow"):
            self._cell = 0

    def _close_block(self, name: str) -> None:
        self.out.paragraph()
        if name == "List" and self._ordinals:
            self._ordinals.pop()
        elif name == "Heading":
            self._heading = False
        if name == "Heading" and self._in_h1:
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

    def _inline_starts(self) -> None:
        """A paragraph's or heading's content begins: an ordered list item's number goes first."""
        if self._marker:
            self.out.write(self._marker)
            self.out.space()
            self._marker = ""

    def _words(self, s: str, *, preserve: bool = False) -> None:
        self._inline_starts()
        if self._skip:
            return
        self.out.write(s, preserve=preserve)
        if self._in_h1:
            self._h1_parts.append(s)

    def _inline_html(self, tag: str) -> None:
        self._inline_starts()
        if self._skip:
            return
        tag = tag.strip()
        if _BR.fullmatch(tag):
            self.out.line_break()
        elif m := _A_OPEN.fullmatch(tag):
            import html  # an HTML link written inside Markdown: rare

            self.out.begin_link(html.unescape(m.group("q1") or m.group("q2") or m.group("bare") or ""))
        elif _A_OPEN_NO_HREF.fullmatch(tag):
            self.out.begin_link("")
        elif _A_CLOSE.fullmatch(tag):
            self.out.end_link()


def _json_front_matter(text: str) -> tuple[str, dict[str, str]]:
    """Strip a leading JSON object of metadata (bare or fenced as ``json``) and read its string fields."""
    m = _JSON_FRONT_MATTER.match(text)
    if not m:
        return text, {}
    try:
        data = json.loads(m.group(1) or m.group(2))
    except ValueError:
        return text, {}
    if not isinstance(data, dict):
        return text, {}
    fields = {k.lower(): v.strip() for k, v in data.items() if isinstance(v, str) and k.lower() in _FM_KEYS}
    if not any(fields.values()):
        return text, {}
    return text[m.end():], fields


def _front_matter(text: str) -> tuple[str, dict[str, str]]:
    """Strip a front matter block (YAML between ``---`` lines, or a JSON object) and read its simple fields."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return _json_front_matter(text)
    fields: dict[str, str] = {}
    for fm in _FM_FIELD.finditer(m.group(1)):
        fields.setdefault(fm.group(1).lower(), fm.group(2).strip().strip("\"'"))
    if not fields:
        return text, {}
    return text[m.end():], fields


_FIRST_LINE = LazyPattern(r"\A\s*(?:#{1,6}[ \t]+)?(?P<line>[^\n]*?)[ \t#]*(?:\n|\Z)")


def _opens_with(source: str, title: str) -> bool:
    """Whether the Markdown's first line (a heading or not) is the title already."""
    m = _FIRST_LINE.match(source)
    return m is not None and " ".join(re.sub(r"[*_`\\]", "", m.group("line")).split()).casefold() == \
        " ".join(title.split()).casefold()


def _metadata(title: str | None, fields: dict[str, str], links: tuple[Link, ...]) -> Metadata:
    sources: list[tuple[str, str]] = []
    if fields.get("title"):
        title = fields["title"]
        sources.append(("title", "markdown front matter"))
    elif title:
        sources.append(("title", "markdown heading"))
    published = iso_date(fields.get("date") or fields.get("published") or "")
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
    title = fields.get("title")
    if title and not _opens_with(source, title):  # shown over the text, as a rendered page shows it
        r.out.write(title)
        r.out.paragraph()
    r.render(pyromark.events(source, options=_OPTIONS))
    text, links = r.out.build()
    damage = replacement_warning(raw, text, encoding)
    warnings = (damage,) if damage else ()
    return Extracted(text=text, encoding=encoding, metadata=_metadata(r.title, fields, links), warnings=warnings)
