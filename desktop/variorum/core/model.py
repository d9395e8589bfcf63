"""The comparison model: frozen dataclasses shared by every part of Variorum.

All offsets are code-point offsets into a version's extracted ``text`` (Python ``str`` indices).
Conversion to Qt's UTF-16 positions happens only in the UI, in one helper.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import field
from typing import Literal, Protocol

from variorum.core.quick_dataclass import dataclass

# A long text's words are counted a piece at a time: ``len(text.split())`` holds a list of every word, some
# 60 bytes a word (more than five times the text itself).
_COUNT_PIECE = 1 << 18


def count_words(text: str) -> int:
    """``len(text.split())``, in bounded extra memory."""
    if len(text) <= _COUNT_PIECE:
        return len(text.split())
    count = 0
    for i in range(0, len(text), _COUNT_PIECE):
        piece = text[i:i + _COUNT_PIECE]
        count += len(piece.split())
        if i and not piece[0].isspace() and not text[i - 1].isspace():
            count -= 1  # a word cut in two at the piece's start was counted in both pieces
    return count


RelationKind = Literal["base", "same-article", "related", "unrelated"]
DiffKind = Literal["insert", "delete", "replace", "move"]
Severity = Literal["high", "medium", "low", "info"]

SEVERITY_ORDER: dict[str, int] = {"high": 0, "medium": 1, "low": 2, "info": 3}


@dataclass(frozen=True)
class Link:
    """A hyperlink found in a version: its anchor text, its target, and where the anchor text sits."""

    text: str
    url: str
    start: int
    end: int


@dataclass(frozen=True)
class Capture:
    """Where and when a web archive captured a version: its chain of custody.

    ``time`` is the capture time (ISO-8601 UTC, ``…Z``); ``record_id`` and ``payload_digest`` are the WARC record's
    ``WARC-Record-ID`` and ``WARC-Payload-Digest`` (None for a saved archive page, which carries neither);
    ``source`` names what the capture came from (``WARC``, ``WACZ``, ``Wayback Machine``, ``archive.today``).
    """

    time: str | None
    target_uri: str | None
    record_id: str | None = None
    payload_digest: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class OcrWord:
    """A word read by text recognition: where it sits in the version's text (``start``/``end``), its box on the
    page image in pixels, its confidence (0-100) and the page (0-based) it was read from."""

    start: int
    end: int
    left: int
    top: int
    width: int
    height: int
    conf: float
    page: int = 0

    @property
    def low_confidence(self) -> bool:
        return self.conf < LOW_OCR_CONFIDENCE


# Below this confidence (Tesseract's 0-100 scale) a recognised word is marked as uncertain.
LOW_OCR_CONFIDENCE = 70.0


@dataclass(frozen=True)
class Metadata:
    """What a version says about itself. Dates are ISO-8601 strings (``YYYY-MM-DD`` or a full timestamp)."""

    title: str | None = None
    published: str | None = None
    modified: str | None = None
    byline: str | None = None
    credits: tuple[str, ...] = ()
    url: str | None = None
    links: tuple[Link, ...] = ()
    # Where each field came from, e.g. {"published": "dateline", "title": "og:title"}; helps explain findings.
    sources: tuple[tuple[str, str], ...] = ()
    capture: Capture | None = None  # set for a version taken from a web archive
    # Where the file keeps what it says about itself, when its format has such a place and it is filled: "<head>"
    # (a web page), "front matter" (Markdown), "document properties" (DOCX, PDF). None for a plain text or an
    # extracted article body, whose silence about a title, date or byline says nothing.
    carrier: str | None = None

    def source_of(self, name: str) -> str | None:
        return dict(self.sources).get(name)


@dataclass(frozen=True)
class Furniture:
    """A stretch of a version's text that is page furniture or an embed, not the article: an embedded social post,
    a sidebar, a related-links list, a newsletter box, a wire agency's copyright line. It stays in the text (and in
    the pane) but takes no part in the checks."""

    start: int
    end: int
    reason: str  # what it is, for a reader: "embedded social post", "sidebar", "newsletter box", …


def nth_id(n: int) -> str:
    """The id of the ``n``-th version a case loaded (from 1): ``v1``, ``v2``… (the one id scheme)."""
    return f"v{n}"


@dataclass(frozen=True)
class Version:
    """One loaded file (or pasted text): the unit being compared."""

    id: str
    label: str
    path: str | None
    sha256: str
    format: str  # "text" | "markdown" | "html" | "pdf" | "docx" | "image" | "unknown"
    encoding: str | None
    text: str
    metadata: Metadata = field(default_factory=Metadata)
    warnings: tuple[str, ...] = ()
    error: str | None = None
    size: int | None = None  # bytes read (or found on disk, for a file too large to read); None when unknown
    ocr: tuple[OcrWord, ...] = ()  # the recognised words, in text order, for a version read by OCR
    furniture: tuple[Furniture, ...] = ()  # page furniture and embeds, in text order (see Furniture)
    # a web page's whole visible text (its <title> first), when the article extractor kept only part of it
    page_text: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def chars(self) -> int:
        return len(self.text)

    @property
    def words(self) -> int:
        return count_words(self.text)

    def furniture_at(self, start: int, end: int) -> Furniture | None:
        """The furniture holding the whole of ``[start, end)``, if any."""
        return next((f for f in self.furniture if f.start <= start and end <= f.end), None)


@dataclass(frozen=True)
class Relation:
    kind: RelationKind
    similarity: float


@dataclass(frozen=True, slots=True)  # held by the hundred thousand
class Span:
    """A stretch of one version's text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)  # held by the hundred thousand
class Difference:
    """One word-level difference between the base and another version."""

    id: str
    version: str  # id of the non-base version
    kind: DiffKind
    cosmetic: bool
    category: str  # wording | typography | whitespace | markup | punctuation | case | hyphenation | …
    base: Span
    other: Span


@dataclass(frozen=True)
class Evidence:
    version: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Finding:
    """A typed, explained discrepancy with evidence in every version involved."""

    id: str
    kind: str
    severity: Severity
    versions: tuple[str, ...]
    message: str
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)  # held by the hundred thousand
class ParagraphPair:
    """Aligned paragraphs: ``base`` and ``other`` are (start, end) ranges, either may be None (no counterpart)."""

    base: tuple[int, int] | None
    other: tuple[int, int] | None


@dataclass(frozen=True)
class Alignment:
    """How one version lines up against the base."""

    version: str
    paragraphs: tuple[ParagraphPair, ...]


@dataclass(frozen=True, slots=True)  # held by the hundred thousand
class Reading:
    """One way the versions read at a place: the versions that read so (in case order) and where, in each."""

    text: str  # the first version's words (empty: the versions leave the place out)
    versions: tuple[str, ...]
    spans: tuple[tuple[str, int, int], ...]  # (version, start, end) in that version's text
    base: bool  # the base reads so

    @property
    def absent(self) -> bool:
        return not self.text.strip()


class _Read(Protocol):
    @property
    def text(self) -> str: ...

    @property
    def versions(self) -> tuple[str, ...]: ...


def grouped_line(readings: Iterable[_Read], labels: dict[str, str] | None = None) -> str:
    """Readings in one line, each with the versions that read so: ``v1: much more | v2, v3: more``."""
    names = labels or {}
    return " | ".join(f"{', '.join(names.get(v, v) for v in r.versions)}: {r.text.strip() or '(absent)'}"
                      for r in readings)


@dataclass(frozen=True, slots=True)  # held by the hundred thousand
class Place:
    """A stretch of the base where the versions do not all read alike."""

    id: str
    start: int  # base offsets; start == end for an insertion in some version
    end: int
    kind: str  # insert | delete | replace | move (the differences' kind when they agree, else replace)
    cosmetic: bool  # every difference here is cosmetic
    readings: tuple[Reading, ...]  # the base's reading first, then in order of first version
    differing: tuple[str, ...]  # versions whose reading is not the base's
    differences: tuple[str, ...]  # ids of the pairwise differences merged here
    findings: tuple[str, ...] = ()  # ids of the findings whose evidence falls here

    @property
    def base_text(self) -> str:
        return self.readings[0].text if self.readings else ""

    def reading_of(self, version: str) -> Reading | None:
        return next((r for r in self.readings if version in r.versions), None)

    def span_in(self, version: str) -> tuple[int, int] | None:
        for r in self.readings:
            for v, s, e in r.spans:
                if v == version:
                    return s, e
        return None

    def grouped(self, labels: dict[str, str] | None = None) -> str:
        """The readings in one line: ``v1: much more | v2, v3: more``."""
        return grouped_line(self.readings, labels)

    def alone(self, version: str) -> bool:
        """``version`` reads differently from every other version here."""
        r = self.reading_of(version)
        return r is not None and len(r.versions) == 1


@dataclass(frozen=True)
class Options:
    base: str | None = None  # what the user asked for (id or path); None = automatic
    show_cosmetic: bool = False
    # whether the places where every difference is cosmetic are built: a report that will never show them (the
    # command line's, without --show-cosmetic) leaves them out; the app shows them on request, so it keeps them
    cosmetic_places: bool = True


@dataclass(frozen=True)
class Comparison:
    """The whole result of comparing a set of versions."""

    base: str | None  # id of the base version, None when no version could be read
    versions: tuple[Version, ...]
    relations: dict[str, Relation]
    differences: tuple[Difference, ...]
    findings: tuple[Finding, ...]
    alignments: dict[str, Alignment]
    options: Options = field(default_factory=Options)
    # the differences merged into N-way variation places (variorum.core.variants), in base order
    places: tuple[Place, ...] = ()

    def version(self, version_id: str) -> Version:
        for v in self.versions:
            if v.id == version_id:
                return v
        raise KeyError(version_id)

    @property
    def base_version(self) -> Version | None:
        return self.version(self.base) if self.base else None

    def differences_for(self, version_id: str, *, cosmetic: bool = True) -> list[Difference]:
        return [d for d in self.differences if d.version == version_id and (cosmetic or not d.cosmetic)]
