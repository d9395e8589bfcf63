"""Metadata read from a version's text, merged with what its format loader found.

The loader's values win (an HTML ``article:published_time`` is better evidence than a guess from the text);
the text fills only the fields the loader left empty. ``Metadata.sources`` records where every field came from.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

from variorum.core.metadata.dates import (
    DateMention,
    UrlDate,
    find_dates,
    find_weekday_dates,
    format_date,
    parse_date,
    url_date,
)
from variorum.core.metadata.fields import (
    Dateline,
    Found,
    date_from_url,
    find_byline,
    find_credits,
    find_datelines,
    find_original_url,
    find_title,
)
from variorum.core.metadata.links import find_links, is_placeholder, merge_links, slug_words, url_key
from variorum.core.model import Link, Version
from variorum.core.quick_dataclass import dataclass

__all__ = ["enrich", "text_metadata", "TextMetadata", "Found", "Dateline", "DateMention", "UrlDate",
           "find_dates", "find_weekday_dates", "find_links", "url_date", "parse_date", "format_date", "is_placeholder", "url_key",
           "slug_words"]


@dataclass(frozen=True)
class TextMetadata:
    """Everything the text itself states, each value with the span it was read from."""

    title: Found | None
    datelines: tuple[Dateline, ...]
    byline: Found | None
    credits: tuple[Found, ...]
    original_url: Found | None
    links: tuple[Link, ...]

    @property
    def published(self) -> Dateline | None:
        return next((d for d in self.datelines if not d.modified), None)

    @property
    def modified(self) -> Dateline | None:
        return next((d for d in self.datelines if d.modified), None)


def text_metadata(text: str, paragraphs: Sequence[tuple[int, int]] | None = None) -> TextMetadata:
    """What ``text`` states about itself (a comparison run reads it once per version and keeps it for the run;
    ``paragraphs``: the text's paragraph ranges, when the run has split it already)."""
    return TextMetadata(
        title=find_title(text),
        datelines=tuple(find_datelines(text)),
        byline=find_byline(text),
        credits=tuple(find_credits(text, paragraphs)),
        original_url=find_original_url(text),
        links=tuple(find_links(text)),
    )


def enrich(version: Version, found: TextMetadata | None = None) -> Version:
    """The version with text-derived metadata filling the fields its loader left empty.

    ``found`` is what its text states, when the caller has already read it.
    """
    if not version.ok or not version.text:
        return version
    if found is None:
        found = text_metadata(version.text)
    meta = version.metadata
    sources = dict(meta.sources)
    changes: dict[str, Any] = {}

    def fill(name: str, value: object, source: str) -> None:
        if value and not getattr(meta, name):
            changes[name] = value
            sources[name] = source

    if found.title:
        fill("title", found.title.value, found.title.source)
    if found.published:
        fill("published", found.published.found.value, "dateline")
    if found.modified:
        fill("modified", found.modified.found.value, "dateline")
    if found.original_url:
        fill("url", found.original_url.value, "original url")
    if "published" not in changes and not meta.published:
        canonical = changes.get("url") or meta.url
        date = date_from_url(Found(str(canonical), 0, 0, "")) if canonical else None
        if date:
            fill("published", date.isoformat(), "url")
    if found.byline:
        fill("byline", found.byline.value, "byline")
    if found.credits:
        fill("credits", tuple(dict.fromkeys(c.value for c in found.credits)), "text")
    if found.links:
        merged = merge_links(meta.links, list(found.links))
        if merged != meta.links:
            changes["links"] = merged
            sources["links"] = "format+text" if meta.links else "text"
    if not changes:
        return version
    changes["sources"] = tuple(sorted(sources.items()))
    return dataclasses.replace(version, metadata=dataclasses.replace(meta, **changes))

