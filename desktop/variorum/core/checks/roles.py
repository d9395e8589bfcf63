"""``claim-changed`` (title or role): a person's title, rank or office stated differently in aligned passages.

"an american chess player … she holds the title of international master" → "an american chess international
grandmaster", "the acting director" → "the director", "Lt. Col." → "Col.": what a person is said to be changed,
though no figure and no name did. A change counts when the edits of one paragraph touch a title on each side and
the titles differ (a title dropped with nothing in its place, "Captain Jane Roe" → "Jane Roe", is a shorter
form, not another title). Titles and their qualifiers ("former", "acting", "deputy", "vice") are read as whole
phrases, so "vice president" → "president" is a change and "president" → "President" is not.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Iterator

from variorum.core.checks.context import Context, join_ids, sentence_around
from variorum.core.lazy_regex import LazyPattern
from variorum.core.model import Evidence, Finding
from variorum.core.normalize import lower as lower_case

# words that do not name what an officer is chief of
_NOT_AN_OFFICE = (r"(?:the|a|an|and|or|of|to|for|with|by|at|in|on|as|his|her|its|their|our|your|who|that|which"
                  r"|is|was|are|were|has|had|have|be|been|said|says|told|tells|asked|called|named|police|fire)")
# an organisation's chief officers named by what they are chief of ("chief information security officer"), as
# whole phrases: the words between are not the words of a sentence running on to another officer
_CHIEF_OFFICER = rf"chief\s+(?!executive\b)(?:(?!{_NOT_AN_OFFICE}\b)[a-z]+\s+){{1,3}}officer"
_TITLES = (
    # chess and games
    r"(?:woman\s+)?(?:international\s+|fide\s+|candidate\s+)?grandmaster|(?:woman\s+)?international\s+master"
    r"|fide\s+master|candidate\s+master"
    # armed forces and police (ranks that are also common words — general, major, private — only with a partner)
    r"|(?:lieutenant|major|brigadier)\s+general|(?:lieutenant\s+)?colonel|lieutenant(?:\s+commander)?|captain"
    r"|sergeant|corporal|(?:rear\s+|vice\s+)?admiral|commodore|commander|field\s+marshal|constable|inspector"
    r"|superintendent|detective"
    # offices
    r"|(?:prime\s+)?minister|president|chancellor|premier|governor|mayor|senator|congress(?:wo)?man|speaker"
    r"|ambassador|secretary(?:\s+general)?|attorney\s+general|chair(?:man|woman|person)?"
    rf"|{_CHIEF_OFFICER}|chief\s+of\s+staff|chief\s+executive"
    r"|ceo|cfo|coo|director|(?:general\s+)?manager|spokes(?:man|woman|person)|founder|co-founder|chief"
    r"|member\s+of\s+parliament|mp|councill?or|judge|(?:chief\s+)?justice|magistrate|prosecutor|sheriff"
    # academia, church, nobility
    r"|(?:assistant\s+|associate\s+)?professor|lecturer|dean|provost|rector|bishop|archbishop|cardinal|pope"
    r"|priest|rabbi|imam|king|queen|prince|princess|duke|duchess|earl|baron|baroness|lord|lady|dame|sir"
)
_QUALIFIER = r"(?:(?:former|acting|interim|deputy|vice|assistant|associate|senior|junior|honorary|ex-)[\s-]*)*"
_TITLE = LazyPattern(rf"\b{_QUALIFIER}(?:{_TITLES})\b", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
Title = tuple[int, int, str]  # where a title is stated, and the title in normal form


# The same titles read in lower-cased text, tried only at words starting with a letter some title or qualifier
# starts with: the case-blind search tried every alternative at every word, the most costly scan of the checks.
_FIRST_LETTERS = "".join(sorted({w[0] for w in re.findall(r"[a-z]+", _QUALIFIER + _TITLES.replace(_CHIEF_OFFICER,
                                                                                                "chief"))}))
_TITLE_LOWER = re.compile(rf"\b(?=[{_FIRST_LETTERS}]){_QUALIFIER}(?:{_TITLES})\b")
# Letters the case-blind search takes for an ASCII letter though lower-casing does not turn them into it
# (dotless i, long s), and the one letter lower-cased into two characters (capital I with a dot): texts holding
# them are read the slow way; in all others each character is lower-cased into one.
_NOT_ONE_FOR_ONE = ("\u0131", "\u017f", "\u0130")


def titles_in(text: str, spans: Iterable[tuple[int, int]] | None = None) -> list[Title]:
    """(start, end, title in normal form) of every title ``text`` states; given ``spans``, at least those that
    touch one of them (the checks need no other), found as the scan of the whole text finds them.

    Around a few edits only the windows that hold them are lower-cased, not the whole text (a page of megabytes
    was lower-cased whole, its size once more, to read the titles of none or two of its paragraphs)."""
    windows = None if spans is None else _windows(text, spans)
    same = not any(c in text for c in _NOT_ONE_FOR_ONE)
    spots: Iterable[tuple[int, int]]
    if windows is None:
        scanned = lower_case(text) if same else text
        found: Iterable[re.Match[str]] = (_TITLE_LOWER if same else _TITLE.compiled()).finditer(scanned)
        spots = ((m.start(), m.end()) for m in found)
    elif same:  # each window lower-cased with the character before it (the scan's word boundary reads it)
        spots = ((m.start() + q - lead, m.end() + q - lead) for q, r in windows
                 for lead in ((1 if q else 0),)
                 for m in _TITLE_LOWER.finditer(text[q - lead:r].lower(), lead))
    else:
        spots = ((m.start(), m.end()) for q, r in windows for m in _TITLE.compiled().finditer(text, q, r))
    return [(s, e, _SPACES.sub(" ", text[s:e].lower()).replace("- ", "-")) for s, e in spots]


# A title holds only letters, white space and hyphens: no title runs across any other character, so a scan
# started just after one, and stopped at one that is not part of a word either, finds there what the scan of the
# whole text finds (the word boundaries at both ends are read in the whole text). Windows are looked for this far
# around each span; a text without such characters so near is scanned whole.
_REACH = 400
_UP_TO_LAST_OUTSIDE = re.compile(r"(?s:.*)(?:[^\w\s-]|[\d_])")  # up to the last character no title holds
_STOP = re.compile(r"[^\w\s-]")  # a character no title and no word holds


def _windows(text: str, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]] | None:
    """Stretches of ``text``, in order and apart, that hold every title touching one of ``spans``; None when
    scanning the whole text is as cheap."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        floor = max(0, start - _REACH)
        last = _UP_TO_LAST_OUTSIDE.match(text, floor, start)
        stop = _STOP.search(text, end, end + _REACH)
        if (last is None and floor > 0) or (stop is None and end + _REACH < len(text)):
            return None
        q = last.end() if last else 0
        r = stop.start() if stop else len(text)
        if out and q <= out[-1][1]:
            out[-1] = (out[-1][0], max(r, out[-1][1]))
        else:
            out.append((q, r))
    return out if sum(r - q for q, r in out) * 2 < len(text) else None


def _touching(titles: list[Title], starts: list[int], start: int, end: int) -> list[Title]:
    """The titles (sorted, with their ``starts``) overlapping [start, end), or for an empty span touching it."""
    out = []
    for t in titles[max(0, bisect.bisect_right(starts, start) - 1):bisect.bisect_right(starts, end)]:
        if (t[0] <= start <= t[1]) if start == end else (t[0] < end and start < t[1]):
            out.append(t)
    return out


def check(ctx: Context) -> Iterator[Finding]:
    base = ctx.base
    if base is None:
        return
    # only the titles the edits touch count: each text is read around its edits
    spans: dict[str, list[tuple[int, int]]] = {v.id: [] for v in ctx.group}
    if base.id not in spans:
        return
    for d in ctx.aligned_changes:
        if d.version in spans:
            spans[base.id].append((d.base.start, d.base.end))
            spans[d.version].append((d.other.start, d.other.end))
    titles = {v.id: titles_in(v.text, spans[v.id]) for v in ctx.group}
    if not titles.get(base.id):
        return
    starts = {vid: [t[0] for t in found] for vid, found in titles.items()}
    # per version and base paragraph: the titles its edits touch on each side
    touched: dict[tuple[str, tuple[int, int]], tuple[set[Title], set[Title]]] = {}
    for d in ctx.aligned_changes:
        para = ctx.text(base.id).paragraph_at(d.base.start)
        if para is None:
            continue
        if d.version not in titles:
            continue
        before, after = touched.setdefault((d.version, para), (set(), set()))
        before.update(_touching(titles[base.id], starts[base.id], d.base.start, d.base.end))
        after.update(_touching(titles[d.version], starts[d.version], d.other.start, d.other.end))
    changed: dict[tuple[tuple[Title, ...], tuple[str, ...]], list[tuple[str, list[Title]]]] = {}
    for (vid, _para), (before, after) in touched.items():
        old, new = Counter(t[2] for t in before), Counter(t[2] for t in after)
        if not old or not new or old == new:
            continue
        lost = sorted(t for t in before if t[2] not in new) or sorted(before)
        gained = sorted(t for t in after if t[2] not in old) or sorted(after)
        changed.setdefault((tuple(lost), tuple(t[2] for t in gained)), []).append((vid, gained))
    for (lost_titles, gained_names), entries in changed.items():
        lost = list(lost_titles)
        versions = [vid for vid, _ in entries]
        others = join_ids(versions)
        around = sentence_around(base.text, lost[0][0], lost[0][1])
        was = ", ".join(f"'{t[2]}'" for t in lost)
        now = ", ".join(f"'{name}'" for name in gained_names)
        ev = [Evidence(base.id, s, e, base.text[s:e]) for s, e, _ in lost]
        ev += [Evidence(vid, s, e, ctx.version(vid).text[s:e]) for vid, gained in entries for s, e, _ in gained]
        yield ctx.finding("claim-changed", "medium",
                          f"The claim changes (a title or role): {ctx.base_id} has {was}, {others} "
                          f"{'has' if len(versions) == 1 else 'have'} {now} in “{around}”.", ev)
