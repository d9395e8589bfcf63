"""``encoding-damage``: text decoded with the wrong encoding (mojibake such as ``â€™``, ``Ã±``, ``Nationâs``).

ftfy decides (see :mod:`variorum.core.repair`): a stretch ftfy finds "bad" and can repair is damage, and ftfy's
repair is the likely intended text. One finding per version, citing every damaged word. The comparison itself
reads the repaired words, so the damage is reported here once and never again as a changed name or figure.
"""

from __future__ import annotations

from collections.abc import Iterator

from variorum.core.checks.context import Context
from variorum.core.lazy_regex import LazyPattern
from variorum.core.model import Evidence, Finding

MAX_EVIDENCE = 20
_C1 = LazyPattern(r"[\x80-\x9f]")


def _visible(text: str) -> str:
    """Mojibake as a reader sees it: invisible C1 control characters dropped (named when nothing else is left)."""
    seen = _C1.sub("", text)
    return seen if seen.strip() else " ".join(f"U+{ord(ch):04X}" for ch in text.strip())


def check(ctx: Context) -> Iterator[Finding]:
    for v in ctx.readable:
        repaired = ctx.text(v.id).repaired
        if not repaired.repaired:
            continue
        found = [(s, e, repaired.text[rs:re_]) for rs, re_, s, e in repaired.edits]
        examples = list(dict.fromkeys((_visible(v.text[s:e]), r) for s, e, r in found))
        shown = "; ".join(f"'{bad}' → '{good}'" for bad, good in examples[:4])
        more = f" and {len(examples) - 4} more" if len(examples) > 4 else ""
        count = len(found)
        message = (f"{v.id} contains {count} word{'s' if count != 1 else ''} garbled by a wrong text encoding "
                   f"(mojibake): {shown}{more}. The repaired text is what the source most likely said.")
        ev = [Evidence(v.id, s, e, v.text[s:e]) for s, e, _ in found[:MAX_EVIDENCE]]
        yield ctx.finding("encoding-damage", "low", message, ev)
