"""A saved web page: the article body without the page furniture, its links, and the page's own metadata.

The body comes from trafilatura (XML output with links, favouring recall), walked into plain text with paragraph
breaks and link offsets. When trafilatura finds nothing, the whole visible body text is used instead (lxml).
Nothing is ever fetched: trafilatura gets the already-decoded page and is asked for no metadata.
"""

from __future__ import annotations

import codecs
import copy
import re
from dataclasses import replace

import ftfy.badness
from ftfy.fixes import fix_c1_controls
from lxml import etree

from variorum.core.load import archive_pages, html_meta, limits, mhtml
from variorum.core.load.encoding import decode, looks_binary, replacement_warning
from variorum.core.load.errors import LoadError
from variorum.core.load.extracted import Extracted
from variorum.core.load.furniture import find_furniture, page_blocks
from variorum.core.load.html_text import HtmlTextWalker
from variorum.core.model import Link
from variorum.core.normalize import WHITE_SPACE

# Below this share of the page's visible text, the user is told the extractor dropped most of the page.
KEPT_SHARE_WARNING = 0.4
MOJIBAKE_SCAN_CHARS = 1_000_000  # mis-decoded pages show it throughout; no need to scan a huge page to the end
EXTRACTOR_MAX_CHARS = 2_000_000  # above this, the article extractor takes minutes; the whole page text is used
EXTRACTOR_SKIPPED = ("This page is larger than 2 MB of text, so the article extractor was not run (on a page this "
                     "size it takes minutes); the whole page text is compared, menus and footers included.")
DEEP_PAGE = 200  # nesting depth beyond which trafilatura runs without its fallback extractors
TOO_DEEP = ("This page is nested more than 2048 elements deep (it is probably damaged or machine-made) and cannot "
            "be read.")
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig", "utf-8"), (codecs.BOM_UTF16_LE, "utf-16", "utf-16-le"),
         (codecs.BOM_UTF16_BE, "utf-16", "utf-16-be"))
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.IGNORECASE)
_XML_DECL = re.compile(r"\A\s*<\?xml[^>]*\?>", re.IGNORECASE)
_MOJIBAKE_WORD = re.compile(r"\S*(?:[ÂÃâ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
                            r"\u2013-\u2026\u2030\u2039\u203a\u20ac\u2122]+)\S*")

# What a page holds besides its text: scripts, styles and templates with their content, comments, tags (one left
# open at the end of the page runs to the end)
_HIDDEN_START = re.compile(r"<(script|style|template)\b|<!--", re.IGNORECASE)
_HIDDEN_END = {name: re.compile(end, re.IGNORECASE) for name, end in (
    ("script", r"</script\s*>"), ("style", r"</style\s*>"), ("template", r"</template\s*>"), ("!--", r"-->"))}
_TAG = re.compile(r"<[^>]*(?:>|\Z)")
_REFERENCE = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
_NO_SPACES = str.maketrans("", "", WHITE_SPACE)
_C1_CONTROL = re.compile(r"[\u0080-\u009f]")
# While the page is extracted, C1 control characters stand as Braille patterns (printable, so the extractor keeps
# them, and absent from news pages; a page that has any is not sheltered)
_SHELTER = 0x2800 - 0x80
_UNSHELTER = {c + _SHELTER: c for c in range(0x80, 0xA0)}
_SHELTERED = re.compile(r"[\u2800-\u281f]")


def _unshelter(text: str, links: tuple[Link, ...]) -> tuple[str, tuple[Link, ...]]:
    """The text and links with the sheltered C1 control characters back (one character each: offsets hold)."""
    if not _SHELTERED.search(text) and not any(_SHELTERED.search(ln.text) for ln in links):
        # nothing to give back (a translated copy of a long text is costly)
        return text, links
    text = text.translate(_UNSHELTER)
    return text, tuple(replace(ln, text=ln.text.translate(_UNSHELTER)) for ln in links)
_LATIN1_RANGE = re.compile(r"[\u0080-\u00ff]")  # every common mojibake has one of these


def _is_multibyte_utf8(raw: bytes) -> bool:
    if raw.isascii():
        return False
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _by_label(raw: bytes, label: str) -> tuple[str, str] | None:
    """Decode with a declared encoding; None when the label is unknown or wrong for these bytes."""
    try:
        name = codecs.lookup(label.strip().lower()).name
    except LookupError:
        return None
    # as browsers do (WHATWG Encoding), a page labelled Latin-1 or ASCII is read as Windows-1252
    name = "cp1252" if name in ("latin-1", "iso8859-1", "ascii") else name
    if name not in ("utf-8", "utf-16", "utf-32") and _is_multibyte_utf8(raw):
        return raw.decode("utf-8"), "utf-8"  # a stale declaration: no legacy text is valid UTF-8 by chance
    try:
        return raw.decode(name), name
    except UnicodeDecodeError:
        return None


def decode_html(raw: bytes, declared: str | None = None) -> tuple[str, str]:
    """The page's text and encoding: a BOM, else the encoding declared for it (by the file that carries it, then
    by its ``<meta charset>``) unless the bytes can only be UTF-8, else as a text file is decoded."""
    for bom, codec, name in _BOMS:
        if raw.startswith(bom):
            return raw.decode(codec), name
    m = _META_CHARSET.search(raw[:4096])
    for label in (declared, m.group(1).decode("ascii") if m else None):
        decoded = _by_label(raw, label) if label else None
        if decoded:
            return decoded
    try:
        return decode(raw)  # UTF-16 without BOM, UTF-8 (a few damaged bytes included), else a legacy code page
    except LoadError as exc:
        raise LoadError("The page's text encoding could not be recognised; save it as UTF-8 and try again.") from exc


def _depth(root) -> int:
    deepest, stack = 0, [(root, 1)]
    while stack:
        el, d = stack.pop()
        deepest = max(deepest, d)
        stack.extend((child, d + 1) for child in el)
    return deepest


def _trafilatura_xml(tree) -> etree._Element | None:
    """The article body as trafilatura's XML, from a copy of the parsed page (trafilatura prunes what it gets),
    image captions included.

    On very deeply nested pages trafilatura's second-opinion extractors take time that grows with the square of
    the depth; there its main extractor alone is used.
    """
    import trafilatura  # here, not with this module: a page too large for it never loads it (some 19 MB)

    page = copy.deepcopy(tree)
    # Captions (often with the photo credit) are part of what a reader sees; trafilatura leaves out <figure>
    # and <figcaption>, so they are handed over as plain blocks.
    for el in page.iter("figure", "figcaption"):
        el.tag = "div" if el.tag == "figure" else "p"
        for attr in ("class", "id", "role"):
            el.attrib.pop(attr, None)
    xml = trafilatura.extract(page, output_format="xml", include_links=True, favor_recall=True,
                              include_comments=False, include_tables=True, include_images=False,
                              with_metadata=False, deduplicate=False, fast=_depth(tree) > DEEP_PAGE)
    if not xml:
        return None
    try:
        return etree.fromstring(xml.encode("utf-8"), etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError:
        return None


def _article_xml(tree, huge: bool, warnings: list[str]) -> etree._Element | None:
    """The article body, unless the page is too large for the extractor to finish in reasonable time (then the
    user is told, and the whole page text is compared)."""
    if huge:
        warnings.append(EXTRACTOR_SKIPPED)
        return None
    return _trafilatura_xml(tree)


def _article_text(doc: etree._Element | None, base: str | None) -> tuple[str, tuple[Link, ...]]:
    """The text and links of the extractor's article body (nothing when it found none)."""
    if doc is None:
        return "", ()
    main = doc.find("main")
    walker = HtmlTextWalker(base, html=False)
    walker.walk(main if main is not None else doc)
    return _unshelter(*walker.out.build())


def _mojibake_warning(text: str) -> str | None:
    for para in text[:MOJIBAKE_SCAN_CHARS].split("\n"):
        para = para.replace("\ufffd", "")  # bytes that were damaged, not decoded wrongly
        if _LATIN1_RANGE.search(para) and ftfy.badness.is_bad(para):
            m = _MOJIBAKE_WORD.search(para)
            sample = m.group() if m else para[:40]
            fixed = ftfy.fix_text(sample, uncurl_quotes=False)
            meant = f", meant as {fixed!r}" if fixed != sample else ""
            return (f"The page contains mis-decoded characters (mojibake) such as {sample!r}{meant}: it was saved "
                    "or published with the wrong encoding. Such words are compared as they are.")
    return None


def text_outside_markup(page: str) -> int:
    """How many characters of text a page holds at least, read without parsing it: what is left once its tags,
    comments, scripts and styles are taken out, white space not counted and each character reference
    (``&amp;``) counted as the one character it stands for. One pass: a comment or script left open runs to the
    end of the page, as a browser reads it."""
    chars = pos = 0
    while pos < len(page):
        hidden = _HIDDEN_START.search(page, pos)
        outside = _TAG.sub(" ", page[pos:hidden.start() if hidden else len(page)])
        chars += len(outside.translate(_NO_SPACES)) - sum(len(m.group()) - 1 for m in _REFERENCE.finditer(outside))
        if hidden is None:
            break
        close = _HIDDEN_END[(hidden.group(1) or "!--").lower()].search(page, hidden.end())
        pos = close.end() if close else len(page)
    return chars


def _refuse_too_much_text(page: str) -> None:
    """Refuse a page whose text alone is past the limit of one version, before it is parsed: parsing and reading
    a page that size takes a minute and hundreds of megabytes, only for it to be refused afterwards. A page
    whose size is mostly markup (embedded images, scripts) is read as usual."""
    limit = limits.MAX_TEXT_CHARS
    if len(page) <= limit:  # a page's text is never longer than the page
        return
    chars = text_outside_markup(page)
    if chars > limit:
        raise LoadError(f"This page holds too much text to compare (at least {chars:,} characters outside its "
                        f"markup; the limit is {limit:,}, as comparing more would take many minutes and gigabytes "
                        "of memory), so it was not read further. Compare a part of it, saved as a separate file.")


def extract(raw: bytes) -> Extracted:
    if looks_binary(raw):
        raise LoadError("This looks like a binary file, not a web page; it cannot be compared.")
    transport_charset = saved_from = None
    if mhtml.looks_like_mhtml(raw):
        part = mhtml.html_part(raw)
        if part is None:
            raise LoadError("This single-file web page (MHTML) holds no HTML page.")
        raw, transport_charset, saved_from = part.html, part.charset, part.location
    page, encoding = decode_html(raw, transport_charset)
    page = _XML_DECL.sub("", page.replace("\ufeff", ""), count=1)
    if _C1_CONTROL.search(page):
        # Invisible C1 controls are what is left of Windows-1252 punctuation decoded as Latin-1 (mojibake such
        # as "Nationâ\x80\x99s"); the extractor would silently delete them. Shown as their Windows-1252
        # characters ("Nationâ€™s") the damage stays visible and can be reported.
        page = fix_c1_controls(page)
        # What is left are bytes Windows-1252 leaves undefined (the last byte of "â€\x90", a hyphen): kept, out of
        # the extractor's reach, so that the damaged word can still be repaired ("1â€\x90877" → "1‐877").
        if not _SHELTERED.search(page):
            page = _C1_CONTROL.sub(lambda m: chr(ord(m.group()) + _SHELTER), page)
    if not page or page.isspace():
        raise LoadError("The page is empty: it contains only whitespace.")
    _refuse_too_much_text(page)
    try:
        tree, cut_short = html_meta.parse(page)
    except (etree.ParserError, ValueError) as exc:
        raise LoadError(f"The page could not be parsed as HTML ({exc}).") from exc
    archived = archive_pages.unwrap(tree, page)  # a page saved from a web archive: the archived page only
    huge = len(page) > EXTRACTOR_MAX_CHARS
    del page  # the parsed page is read from now on (the page as text is a copy of megabytes)
    meta = archive_pages.with_capture(html_meta.page_metadata(tree), archived)
    if meta.url is None and saved_from:
        meta = replace(meta, url=saved_from, sources=meta.sources + (("url", "MHTML Content-Location"),))
    base = html_meta.base_url(tree, meta)

    body = tree.find("body")
    full = HtmlTextWalker(base, html=True)
    full.walk(body if body is not None else tree)
    full_text, full_links = _unshelter(*full.out.build())

    warnings: list[str] = []
    if cut_short:
        if not full_text.strip():
            raise LoadError(TOO_DEEP)
        warnings.append(TOO_DEEP.replace("cannot be read", "was read only up to that depth"))
    text, links = _article_text(_article_xml(tree, huge, warnings), base)
    if not text.strip():
        text, links = full_text, full_links
        if text.strip() and not huge:
            warnings.append("No article body was recognised on this page; the whole page text is compared, "
                            "menus and footers included.")
    elif len(full_text) and len(text) / len(full_text) < KEPT_SHARE_WARNING:
        share = round(100 * len(text) / len(full_text))
        warnings.append(f"The article extractor kept only {share}% of the page's text (menus, sidebars and "
                        "other page furniture were left out); check that no part of the article is missing.")
    blocks = page_blocks(tree)
    shown_title = html_meta.window_title(tree)
    del tree, body  # the parsed page (tens of megabytes for a page of megabytes) is not needed from here on
    mojibake = _mojibake_warning(text)
    if mojibake:
        warnings.append(mojibake)
    damage = replacement_warning(raw, text, encoding)
    if damage:
        warnings.append(damage)
    furniture = find_furniture(text, blocks)
    page_text = full_text if text is not full_text and full_text.strip() else None
    if page_text and shown_title:  # the page shows its <title> too, in its window: an extraction may copy it
        page_text = f"{shown_title}\n\n{page_text}"
    return Extracted(text=text, encoding=encoding, metadata=replace(meta, links=links), warnings=tuple(warnings),
                     furniture=furniture, page_text=page_text)
