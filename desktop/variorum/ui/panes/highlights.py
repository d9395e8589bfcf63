"""What each pane highlights and where Alt+Down stops, computed from a :class:`Comparison`. No Qt here.

- A version of the same article shows its own differences against the base: insertions, replacements, moves.
- The base shows what the *compared* version lacks or changed: deletions, replacements, moves.
- Related coverage is not word-diffed: it shows the facts the findings cite in it, marked as shared (``shared-…``
  findings and those of severity ``info``) or conflicting (every other finding).
- Cosmetic differences are painted in the quiet ``cosmetic`` format only when the user asks to see them.
- A version read by OCR marks its uncertain readings (``uncertain``) under everything else, so the words to check
  against the image stand out even where nothing differs.
"""

from __future__ import annotations

from variorum.core.model import Comparison, Difference, Finding, OcrWord
from variorum.core.quick_dataclass import dataclass

_OTHER_KEYS = {"insert": "insert", "replace": "replace", "move": "move"}
_BASE_KEYS = {"delete": "delete", "replace": "replace", "move": "move"}


def _visible(d: Difference, show_cosmetic: bool) -> bool:
    return show_cosmetic or not d.cosmetic


def fact_key(finding: Finding) -> str:
    """Shared facts (corroboration, reported as ``info``) versus everything a finding disputes."""
    shared = finding.kind.startswith("shared") or finding.severity == "info"
    return "fact-shared" if shared else "fact-conflict"


def is_word_diffed(comparison: Comparison, version_id: str) -> bool:
    rel = comparison.relations.get(version_id)
    return rel is not None and rel.kind == "same-article"


def _uncertain_words(comparison: Comparison, version_id: str) -> list[OcrWord]:
    return [w for w in comparison.version(version_id).ocr if w.low_confidence]


def pane_spans(comparison: Comparison, version_id: str, compared: str | None,
               show_cosmetic: bool) -> list[tuple[int, int, str]]:
    """(start, end, format key) code-point spans to paint in ``version_id``'s pane (later ones paint over)."""
    spans = [(w.start, w.end, "uncertain") for w in _uncertain_words(comparison, version_id)]
    if version_id == comparison.base:
        if compared is not None and is_word_diffed(comparison, compared):
            for d in comparison.differences:
                if d.version == compared and _visible(d, show_cosmetic) and d.base.end > d.base.start:
                    key = "cosmetic" if d.cosmetic else _BASE_KEYS.get(d.kind)
                    if key:
                        spans.append((d.base.start, d.base.end, key))
        elif compared is not None:
            spans.extend(_fact_spans(comparison, version_id, involving=compared))
        return spans
    if is_word_diffed(comparison, version_id):
        for d in comparison.differences:
            if d.version == version_id and _visible(d, show_cosmetic) and d.other.end > d.other.start:
                key = "cosmetic" if d.cosmetic else _OTHER_KEYS.get(d.kind)
                if key:
                    spans.append((d.other.start, d.other.end, key))
        return spans
    return spans + _fact_spans(comparison, version_id)


def _fact_spans(comparison: Comparison, version_id: str, involving: str | None = None) -> list[tuple[int, int, str]]:
    spans = []
    for f in comparison.findings:
        if involving is not None and involving not in f.versions:
            continue
        for e in f.evidence:
            if e.version == version_id and e.end > e.start:
                spans.append((e.start, e.end, fact_key(f)))
    # Conflicts paint over shared facts where they overlap.
    spans.sort(key=lambda s: (s[2] == "fact-conflict", s[0]))
    return spans


@dataclass(frozen=True)
class Stop:
    """One place Alt+Down stops at: a difference, or a finding's evidence in related coverage."""

    start: int  # in the base
    end: int
    difference: Difference | None = None
    finding: Finding | None = None


def stops(comparison: Comparison, compared: str | None, show_cosmetic: bool) -> list[Stop]:
    """The differences between the base and ``compared`` in reading order (substantive ones, plus cosmetic
    ones while they are shown); for related coverage, the findings that cite it."""
    if compared is None or comparison.base is None:
        return []
    if is_word_diffed(comparison, compared):
        out = [Stop(d.base.start, d.base.end, difference=d) for d in comparison.differences
               if d.version == compared and _visible(d, show_cosmetic)]
        out.sort(key=lambda s: (s.start, s.end, s.difference.other.start if s.difference else 0))
        return out
    out = []
    for f in comparison.findings:
        if compared in f.versions:
            base_ev = [e for e in f.evidence if e.version == comparison.base]
            start = min((e.start for e in base_ev), default=0)
            out.append(Stop(start, max((e.end for e in base_ev), default=start), finding=f))
    out.sort(key=lambda s: s.start)
    return out


def _quoted(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return "“" + (text if len(text) <= limit else text[:limit - 1] + "…") + "”"


def describe_at(comparison: Comparison, version_id: str, offset: int, compared: str | None,
                show_cosmetic: bool) -> str | None:
    """A sentence about the highlight under ``offset`` in ``version_id``'s pane, or None."""
    about = _describe_highlight(comparison, version_id, offset, compared, show_cosmetic)
    doubt = next((w for w in _uncertain_words(comparison, version_id) if w.start <= offset < w.end), None)
    if doubt is None:
        return about
    text = comparison.version(version_id).text
    uncertain = (f"{_quoted(text[doubt.start:doubt.end])} is an uncertain OCR reading (confidence "
                 f"{doubt.conf:.0f}%): check it against the image")
    return f"{about}\n\n{uncertain}" if about else uncertain


def _describe_highlight(comparison: Comparison, version_id: str, offset: int, compared: str | None,
                        show_cosmetic: bool) -> str | None:
    base = comparison.base
    if version_id == base and compared is not None and is_word_diffed(comparison, compared):
        hits = [d for d in comparison.differences if d.version == compared and _visible(d, show_cosmetic)
                and d.base.start <= offset < d.base.end]
        side = "base"
    elif is_word_diffed(comparison, version_id):
        hits = [d for d in comparison.differences if d.version == version_id and _visible(d, show_cosmetic)
                and d.other.start <= offset < d.other.end]
        side = "other"
    else:
        found = [f for f in comparison.findings
                 if any(e.version == version_id and e.start <= offset < e.end for e in f.evidence)]
        return "\n\n".join(f"{f.severity.upper()}: {f.message}" for f in found[:3]) or None
    if not hits:
        return None
    d = hits[0]
    what = f"cosmetic ({d.category})" if d.cosmetic else d.category
    if d.kind == "replace":
        text = f"{d.version} has {_quoted(d.other.text)} where the base {base} has {_quoted(d.base.text)}"
    elif d.kind == "delete":
        text = f"{d.version} lacks {_quoted(d.base.text)}"
    elif d.kind == "insert":
        text = f"{d.version} adds {_quoted(d.other.text)}, which the base {base} lacks"
    else:
        text = f"moved: {_quoted(d.other.text if side == 'other' else d.base.text)}"
    return f"{text} [{what}]"
