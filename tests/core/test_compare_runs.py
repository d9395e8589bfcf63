"""A comparison run keeps what it reads from its texts to itself: freed when the run ends, never shared."""

from __future__ import annotations

import gc
import sys
import weakref

from variorum.core.checks import TextAnalysis
from variorum.core.compare import compare_versions
from variorum.core.load import load_pasted

PARAGRAPH = ("On March {n}, 2021, the mayor of the river town said “the bridge will open next spring, whatever "
             "the council decides,” while {n}0 residents signed a petition against the toll of {n} euros.")


def article(paragraphs: int, *, change: int | None = None) -> str:
    paras = [PARAGRAPH.format(n=n % 27 + 1) + f" Item {n}." for n in range(paragraphs)]
    if change is not None:
        paras[change] = paras[change].replace("will open", "will not open").replace("residents", "voters")
    return "# Bridge Opens Next Spring\n\nBy Jane Roe\n\nMarch 1, 2021\n\n" + "\n\n".join(paras) + "\n"


def compare(*texts: str, seen: list[weakref.ref[TextAnalysis]] | None = None,
            read: list[set[str]] | None = None):
    """Compare ``texts``; ``seen`` gets a weak reference to each analysis alive as the run finishes, ``read`` the
    parts each had computed by then."""
    versions = [load_pasted(t, version_id=f"v{i}", label=f"v{i}.txt") for i, t in enumerate(texts, start=1)]

    def progress(fraction: float, _message: str) -> None:
        if fraction < 1.0:  # only once the run is done, before it returns
            return
        analyses = [o for o in gc.get_objects() if isinstance(o, TextAnalysis) and o.text in texts]
        if seen is not None:
            seen.extend(weakref.ref(a) for a in analyses)
        if read is not None:
            read.extend(set(vars(a)) for a in analyses)

    return compare_versions(versions, progress=progress)


def test_what_a_run_reads_from_a_big_text_is_freed_when_it_ends():
    big, edited = article(1500), article(1500, change=700)  # about 300 KB each
    seen: list[weakref.ref[TextAnalysis]] = []
    read: list[set[str]] = []
    comparison = compare(big, edited, seen=seen, read=read)
    assert {f.kind for f in comparison.findings} >= {"quote-changed"}
    assert len(seen) == 2  # one analysis per text, alive while the run lasted…
    assert all({"metadata", "dates", "quotations"} <= parts for parts in read)
    gc.collect()
    assert [ref() for ref in seen] == [None, None]  # …and gone with it, though the comparison is still held


def test_runs_one_after_the_other_share_nothing_and_agree():
    a, b = article(40), article(40, change=12)
    first_seen: list[weakref.ref[TextAnalysis]] = []
    first = compare(a, b, seen=first_seen)
    other = compare(article(30, change=3), article(30))  # another case between the two runs
    again_seen: list[weakref.ref[TextAnalysis]] = []
    again = compare(a, b, seen=again_seen)
    assert again == first
    assert other.findings != first.findings
    gc.collect()
    assert all(ref() is None for ref in first_seen + again_seen) and len(first_seen) == len(again_seen) == 2


def test_nothing_outside_a_run_keeps_the_texts_it_compared():
    """No cache outside the run holds a text (or a web page's whole text) it read: a case closed is let go."""
    base = article(60)
    paragraphs = base.split("\n\n")
    # a paragraph dropped (the passage check reads both whole texts) and a figure changed (the facts check reads
    # which words each text capitalises)
    edited = "\n\n".join(paragraphs[:30] + paragraphs[31:]).replace("40 residents", "45 residents")
    versions = [load_pasted(t, version_id=f"v{i}", label=f"v{i}.txt") for i, t in enumerate((base, edited), 1)]
    del base, edited, paragraphs
    texts = [v.text for v in versions]
    alone = [sys.getrefcount(t) for t in texts]  # held by the versions and by ``texts``
    comparison = compare_versions(versions)
    assert {f.kind for f in comparison.findings} >= {"passage-missing", "number-changed"}
    held = [sys.getrefcount(t) for t in texts]
    del comparison, versions
    gc.collect()
    assert [sys.getrefcount(t) for t in texts] == [n - 1 for n in alone], held


def test_a_run_splits_each_version_into_paragraphs_once(monkeypatch) -> None:
    """The metadata reader, the word diff and the checks share one paragraph split of each version's text."""
    import variorum.core.checks.analysis as analysis
    import variorum.core.prepared as prepared
    import variorum.core.tokens as tokens

    texts = (article(12), article(12, change=3), article(12, change=7))
    versions = [load_pasted(t, version_id=f"v{i}", label=f"v{i}.txt") for i, t in enumerate(texts, start=1)]
    split = tokens.paragraphs
    whole: list[str] = []

    def counted(text: str) -> list[tuple[int, int]]:
        if any(text == v.text for v in versions):
            whole.append(text)
        return split(text)

    for module in (tokens, prepared, analysis):
        monkeypatch.setattr(module, "paragraphs", counted)
    comparison = compare_versions(versions)
    assert comparison.differences  # the versions were diffed and checked
    assert sorted(whole) == sorted(v.text for v in versions)
