"""What a saved web page says about itself: title, dates, byline and address, read from the page alone.

Sources, in order of trust: Open Graph / ``article:*`` meta tags, JSON-LD (schema.org ``Article`` and kin),
other ``<meta>`` conventions (Dublin Core, ``name=date``, ``name=author``), ``<time datetime>``,
``rel=author``/``.byline`` elements, and finally ``<title>``/``<h1>``. Every field records where it came from in
``Metadata.sources``. Nothing is fetched: relative addresses are only resolved against the page's own URL.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator

from lxml import html as lxml_html

from variorum.core.load.dates import iso_date
from variorum.core.metadata.people import credit_text, person_byline
from variorum.core.model import Link, Metadata

_ARTICLE_TYPES = {"newsarticle", "article", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
                  "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "scholarlyarticle",
                  "techarticle", "report", "liveblogposting", "socialmediaposting"}
_PUBLISHED_META = ("article:published_time", "og:article:published_time", "og:published_time", "published_time",
                   "datepublished", "date", "pubdate", "publishdate", "publish-date", "publish_date",
                   "publication_date", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date",
                   "dcterms.created", "dc.date.created", "sailthru.date", "parsely-pub-date",
                   "citation_publication_date", "citation_date", "original-publish-date")
_MODIFIED_META = ("article:modified_time", "og:article:modified_time", "og:updated_time", "datemodified",
                  "last-modified", "dcterms.modified", "dc.date.modified", "revised")
_AUTHOR_META = ("author", "article:author", "byline", "dc.creator", "dcterms.creator", "sailthru.author",
                "parsely-author", "citation_author", "twitter:creator")
MAX_CREDITS = 20
_BY_PREFIX = re.compile(r"^\s*(?:by|von|par|por|от|автор[:]?)\s+", re.IGNORECASE)
_URLISH = re.compile(r"^(?:https?:)?//|^www\.", re.IGNORECASE)


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    return text or None


def _meta_values(tree) -> dict[str, list[str]]:
    """Every ``<meta>`` content keyed by its lower-cased property/name/itemprop."""
    out: dict[str, list[str]] = {}
    for m in tree.iter("meta"):
        content = _clean(m.get("content"))
        if content is None:
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = m.get(attr)
            if key:
                out.setdefault(key.strip().lower(), []).append(content)
    return out


def _walk_jsonld(node: object) -> Iterator[dict]:
    if isinstance(node, list):
        for item in node:
            yield from _walk_jsonld(item)
    elif isinstance(node, dict):
        yield node
        if "@graph" in node:
            yield from _walk_jsonld(node["@graph"])


def _jsonld_objects(tree) -> list[dict]:
    """JSON-LD objects, article types first."""
    objects: list[dict] = []
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text, strict=False)
        except ValueError:
            continue
        objects.extend(_walk_jsonld(data))

    def is_article(obj: dict) -> bool:
        types = obj.get("@type")
        types = types if isinstance(types, list) else [types]
        return any(isinstance(t, str) and t.lower() in _ARTICLE_TYPES for t in types)

    return [o for o in objects if is_article(o)] + [o for o in objects if not is_article(o)]


def _person_names(value: object) -> list[str]:
    if isinstance(value, str):
        return [value] if not _URLISH.match(value) else []
    if isinstance(value, dict):
        name = value.get("name")
        return [name] if isinstance(name, str) else []
    if isinstance(value, list):
        return [n for v in value for n in _person_names(v)]
    return []


def _is_organization(value: object) -> bool:
    kinds = value.get("@type") if isinstance(value, dict) else None
    return any(isinstance(k, str) and k.lower().endswith("organization")
               for k in (kinds if isinstance(kinds, list) else [kinds]))


def _authors(value: object) -> list[str]:
    """The people a JSON-LD ``author`` names: an outlet named as the author is no byline."""
    people = [v for v in value if not _is_organization(v)] if isinstance(value, list) else \
        [] if _is_organization(value) else value
    return _person_names(people)


def _byline(value: str | None) -> str | None:
    value = _clean(value)
    if not value or _URLISH.match(value) or len(value) > 200:
        return None
    return _BY_PREFIX.sub("", value).strip() or None


def _jsonld_url(obj: dict) -> str | None:
    for key in ("url", "mainEntityOfPage"):
        v = obj.get(key)
        if isinstance(v, dict):
            v = v.get("@id") or v.get("url")
        if isinstance(v, str) and _URLISH.match(v):
            return v
    return None


def _element_text(el) -> str | None:
    return _clean(el.text_content())


def window_title(tree) -> str | None:
    """The page's ``<title>``, as its window or tab shows it."""
    title_el = tree.find(".//title")
    return _element_text(title_el) if title_el is not None else None


_Offer = Callable[[str, str | None, str], None]  # field, value, where it was found
_FirstMeta = Callable[..., None]


def page_metadata(tree, links: tuple[Link, ...] = ()) -> Metadata:
    """Metadata of a parsed page (an lxml HTML tree)."""
    meta = _meta_values(tree)
    ld = _jsonld_objects(tree)
    fields: dict[str, str] = {}
    sources: dict[str, str] = {}

    def offer(field: str, value: str | None, source: str) -> None:
        if value and field not in fields:
            fields[field] = value
            sources[field] = source

    def first_meta(keys: tuple[str, ...], field: str, convert=_clean) -> None:
        for key in keys:
            for v in meta.get(key, []):
                offer(field, convert(v), key if key.startswith(("og:", "article:", "twitter:")) else f"meta {key}")

    _offer_title(tree, meta, ld, offer)
    _offer_dates(tree, meta, ld, offer, first_meta)
    _offer_byline(tree, meta, ld, offer, first_meta)
    _offer_address(tree, meta, ld, offer)
    _keep_person_byline(fields, sources, meta)

    credits, credit_source = _credits(tree, ld)
    if credits:
        sources["credits"] = credit_source
    return Metadata(title=fields.get("title"), published=fields.get("published"),
                    modified=fields.get("modified"), byline=fields.get("byline"), credits=credits,
                    url=fields.get("url"), links=links, sources=tuple(sources.items()),
                    carrier="<head>" if _has_head(tree) else None)


def _offer_title(tree, meta: dict[str, list[str]], ld: list[dict], offer: _Offer) -> None:
    """The candidates for the page's title, best first."""
    for key in ("og:title", "twitter:title"):
        for v in meta.get(key, []):
            offer("title", _clean(v), key)
    for obj in ld:
        offer("title", _clean(obj.get("headline")), "JSON-LD headline")
    offer("title", window_title(tree), "<title>")
    for h1 in tree.iter("h1"):
        offer("title", _element_text(h1), "<h1>")
        break


def _offer_dates(tree, meta: dict[str, list[str]], ld: list[dict], offer: _Offer, first_meta: _FirstMeta) -> None:
    """The candidates for the page's dates, best first."""
    for key in _PUBLISHED_META[:5]:
        for v in meta.get(key, []):
            offer("published", iso_date(v), key if ":" in key else f"meta {key}")
    for obj in ld:
        offer("published", iso_date(obj.get("datePublished")), "JSON-LD datePublished")
    first_meta(_PUBLISHED_META[5:], "published", iso_date)
    for t in tree.iter("time"):
        if t.get("pubdate") is not None or (t.get("itemprop") or "").lower() == "datepublished":
            offer("published", iso_date(t.get("datetime") or t.text_content()), "<time pubdate>")
    for t in tree.iter("time"):
        offer("published", iso_date(t.get("datetime")), "<time datetime>")
    first_meta(_MODIFIED_META[:3], "modified", iso_date)
    for obj in ld:
        offer("modified", iso_date(obj.get("dateModified")), "JSON-LD dateModified")
    first_meta(_MODIFIED_META[3:], "modified", iso_date)


def _offer_byline(tree, meta: dict[str, list[str]], ld: list[dict], offer: _Offer, first_meta: _FirstMeta) -> None:
    """The candidates for the page's byline, best first."""
    first_meta(_AUTHOR_META[:2], "byline", _byline)
    for obj in ld:
        names = [n for n in (_byline(x) for x in _authors(obj.get("author"))) if n]
        offer("byline", ", ".join(dict.fromkeys(names)) or None, "JSON-LD author")
    first_meta(_AUTHOR_META[2:], "byline", _byline)
    for el in tree.xpath('//*[@rel="author"] | //*[@itemprop="author"]'):
        offer("byline", _byline(_element_text(el)), "rel=author" if el.get("rel") else "itemprop=author")
    for el in tree.xpath('//*[contains(concat(" ", normalize-space(@class), " "), " byline ")]'):
        offer("byline", _byline(_element_text(el)), ".byline")


def _offer_address(tree, meta: dict[str, list[str]], ld: list[dict], offer: _Offer) -> None:
    """The candidates for the page's address, best first."""
    for el in tree.xpath('//link[@rel]'):
        if "canonical" in (el.get("rel") or "").lower().split():
            offer("url", _clean(el.get("href")), "canonical link")
    for v in meta.get("og:url", []):
        offer("url", _clean(v), "og:url")
    for obj in ld:
        offer("url", _jsonld_url(obj), "JSON-LD url")



def _keep_person_byline(fields: dict[str, str], sources: dict[str, str], meta: dict[str, list[str]]) -> None:
    """An author field naming no person (a handle, the outlet, a desk) is no byline."""
    if "byline" not in fields:
        return
    byline = person_byline(fields["byline"], next(iter(meta.get("og:site_name", [])), None))
    if byline:
        fields["byline"] = byline
    else:
        del fields["byline"], sources["byline"]


def _has_head(tree) -> bool:
    """The page has a ``<head>`` saying something about it (a title or meta tags): an extracted fragment has none,
    and then its silence about a title, date or byline is no discrepancy. A page that closes its ``<head>`` early
    and writes its ``<title>`` and ``<meta>`` tags after it (the parser then puts them in the body) has one too;
    ``<meta itemprop>`` inside an article's markup is not a head."""
    head = tree.find("head")
    if head is not None and (head.find("title") is not None or head.find("meta[@content]") is not None):
        return True
    return tree.find(".//title") is not None or next(
        (True for el in tree.iter("meta") if el.get("content") is not None and not el.get("itemprop")), False)


def _credits(tree, ld: list[dict]) -> tuple[tuple[str, ...], str]:
    """Photo and agency credits: elements classed as credits, else the credits of JSON-LD images."""
    found: list[str] = []
    for el in tree.xpath('//*[contains(@class, "credit")]'):
        classes = (el.get("class") or "").lower().split()
        if any(c == "credit" or c.endswith(("-credit", "_credit", "credits")) or c.startswith("credit")
               for c in classes):
            text = credit_text(_clean(el.text_content()))
            if text and len(text) <= 200:
                found.append(text)
    if found:
        return tuple(dict.fromkeys(found))[:MAX_CREDITS], ".credit"
    for obj in ld:
        images = obj.get("image")
        for image in images if isinstance(images, list) else [images]:
            if not isinstance(image, dict):
                continue
            for key in ("creditText", "copyrightHolder", "author"):
                for name in ([image[key]] if isinstance(image.get(key), str) else _person_names(image.get(key))):
                    cleaned = _clean(name)
                    if cleaned:
                        found.append(cleaned)
    return tuple(dict.fromkeys(found))[:MAX_CREDITS], "JSON-LD image credit"


def base_url(tree, metadata: Metadata) -> str | None:
    """The address relative links are resolved against: ``<base href>``, else the page's own URL."""
    for el in tree.iter("base"):
        href = _clean(el.get("href"))
        if href and _URLISH.match(href):
            return href
    if metadata.url and _URLISH.match(metadata.url):
        return metadata.url
    return None


def parse(text: str):
    """An lxml tree for the page, and whether the parser had to stop early (a page nested too deeply)."""
    # huge_tree lifts libxml2's nesting limit from 256 to 2048 levels, past which real pages built of nested
    # <div>s would lose their text; HTML parsing expands no entities, and the file size is already bounded.
    parser = lxml_html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True, default_doctype=False,
                                  huge_tree=True)
    tree = lxml_html.document_fromstring(text, parser=parser)
    cut_short = any("Excessive depth" in (e.message or "") for e in parser.error_log)
    return tree, cut_short
