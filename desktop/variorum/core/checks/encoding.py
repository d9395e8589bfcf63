"""``encoding-damage``: text decoded with the wrong encoding (mojibake such as ``â€™``, ``Ã±``, ``Nationâs``).

ftfy decides: a stretch ftfy finds "bad" and can repair is damage, and ftfy's repair is the likely intended
text. One finding per version, citing every damaged word.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from difflib import SequenceMatcher

import ftfy
from ftfy.badness import is_bad

from variorum.core.checks.context import Context
from variorum.core.model import Evidence, Finding

MAX_EVIDENCE = 20
_C1 = re.compile(r"[\x80-\x9f]")
_LINE = re.compile(r"[^\n]+")
_WORD = re.compile(r"\S+")


def _visible(text: str) -> str:
    """Mojibake as a reader sees it: invisible C1 control characters dropped."""
    return _C1.sub("", text)


def repairs(text: str, verdicts: dict[str, bool] | None = None) -> list[tuple[int, int, str]]:
    """(start, end, repaired text) for every damaged word in ``text``.

    ``verdicts`` keeps ftfy's verdict on each line judged: versions of one article share most lines, so passing
    one dict for all of them judges each line once.
    """
    verdicts = {} if verdicts is None else verdicts
    out: list[tuple[int, int, str]] = []
    for line in _LINE.finditer(text):
        chunk = line.group()
        if chunk.isascii():
            continue
        bad = verdicts.get(chunk)
        if bad is None:
            bad = verdicts[chunk] = is_bad(chunk)
        if not bad:
            continue
        fixed = ftfy.fix_encoding(chunk)
        if fixed == chunk:
            continue
        changed = [(a1, a2) for op, a1, a2, _b1, _b2 in
                   SequenceMatcher(None, chunk, fixed, autojunk=False).get_opcodes() if op != "equal"]
        for word in _WORD.finditer(chunk):
            if not any(a1 < word.end() and word.start() <= a2 and a1 != a2 or word.start() <= a1 < word.end()
                       for a1, a2 in changed):
                continue
            repaired = ftfy.fix_encoding(word.group())
            if repaired != word.group():
                out.append((line.start() + word.start(), line.start() + word.end(), repaired))
    return out


def check(ctx: Context) -> Iterator[Finding]:
    verdicts: dict[str, bool] = {}  # this run's only: lines are the versions' text
    for v in ctx.readable:
        found = repairs(v.text, verdicts)
        if not found:
            continue
        examples = list(dict.fromkeys((_visible(v.text[s:e]), r) for s, e, r in found))
        shown = "; ".join(f"'{bad}' → '{good}'" for bad, good in examples[:4])
        more = f" and {len(examples) - 4} more" if len(examples) > 4 else ""
        count = len(found)
        message = (f"{v.id} contains {count} word{'s' if count != 1 else ''} garbled by a wrong text encoding "
                   f"(mojibake): {shown}{more}. The repaired text is what the source most likely said.")
        ev = [Evidence(v.id, s, e, v.text[s:e]) for s, e, _ in found[:MAX_EVIDENCE]]
        yield ctx.finding("encoding-damage", "low", message, ev)
