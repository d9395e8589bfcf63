"""Comparing a large text with a short one, checks and JSON report included, stays within a bounded multiple of
the text's size in memory.

Measured in a fresh process (the peak of what Python allocates there from loading to the last byte of the report),
so that nothing else the test run holds is counted. A short version against a long one makes every paragraph of
the long one a difference, and the checks then read the whole text: the case where whole-text copies (a list of
every word, a lower-cased copy at twelve bytes a character) added up to 34 bytes per byte of input."""

from __future__ import annotations

import random
import subprocess
import sys
import textwrap
from pathlib import Path

TEXT_BYTES = 2_000_000
MAX_PEAK_PER_BYTE = 28  # measured 24 since the checks read long texts a piece at a time; 34 before

_SCRIPT = textwrap.dedent("""
    import sys, tracemalloc
    from variorum.core.case import load_case
    from variorum.core.model import Options
    from variorum.core.report import build_report
    from variorum.core.report.render_json import write_json
    tracemalloc.start()
    case = load_case(sys.argv[1:3], options=Options(base="v1"))
    comparison = case.compare()
    with open(sys.argv[3], "w", encoding="utf-8") as out:
        write_json(build_report(comparison), out)
    print(tracemalloc.get_traced_memory()[1], len(comparison.differences))
""")


def _article(size: int) -> str:
    rng = random.Random(5)
    vocabulary = [f"w{n}" for n in range(5000)] + ["the", "said", "council", "“we", "will”", "Mayor", "Smith",
                                                    "on", "Tuesday", "12", "percent"]
    words = [rng.choice(vocabulary) for _ in range(size // 6)]
    lines = [" ".join(words[i:i + 12]) + "." for i in range(0, len(words), 12)]
    return "\n\n".join("\n".join(lines[i:i + 6]) for i in range(0, len(lines), 6))[:size]


def test_comparing_a_large_text_with_a_short_one_is_bounded_in_memory(tmp_path: Path) -> None:
    text = _article(TEXT_BYTES)
    (tmp_path / "large.txt").write_text(text, encoding="utf-8")
    (tmp_path / "short.txt").write_text(text[:9000].replace("w1", "w2"), encoding="utf-8")
    desktop = Path(__file__).resolve().parents[2] / "desktop"
    out = subprocess.run([sys.executable, "-c", _SCRIPT, str(tmp_path / "large.txt"), str(tmp_path / "short.txt"),
                          str(tmp_path / "report.json")], capture_output=True, text=True, check=True,
                         env={"PYTHONPATH": str(desktop), "PATH": ""}, timeout=600)
    peak, differences = map(int, out.stdout.split())
    size = (tmp_path / "large.txt").stat().st_size
    assert differences > 100  # the long text was compared, not set aside as another article
    assert (tmp_path / "report.json").stat().st_size > size // 2  # the report quotes what the short one lacks
    assert peak < MAX_PEAK_PER_BYTE * size, f"{peak / size:.1f} bytes per byte"


_REPORT_SCRIPT = textwrap.dedent("""
    import sys, tracemalloc
    from variorum.core.case import load_case
    from variorum.core.model import Options
    from variorum.core.report import build_report
    from variorum.core.report.render_json import report_data
    tracemalloc.start()
    comparison = load_case(sys.argv[1:3], options=Options(base="v1")).compare()
    before = tracemalloc.get_traced_memory()[0]
    report = build_report(comparison)
    held = tracemalloc.get_traced_memory()[0] - before
    grouped = [place["grouped"] for place in report_data(report)["variants"]]
    print(held, len(grouped), sum(map(len, grouped)), grouped[-1][:12])
""")


def test_a_report_holds_no_second_copy_of_the_passages_its_places_read(tmp_path: Path) -> None:
    """Each place's one-line summary repeats its readings; it is made when the report is written, so a report
    of long removed paragraphs (a web page against a short text) does not hold them once more."""
    rng = random.Random(5)
    vocabulary = [f"w{n}" for n in range(5000)] + ["the", "said", "council", "“we", "will”", "Mayor", "Smith"]
    lead = "The council said on Tuesday that the budget would pass."
    paragraphs = [" ".join(rng.choice(vocabulary) for _ in range(8000)) + "." for _ in range(8)]
    (tmp_path / "long.txt").write_text("\n\n".join([lead, *paragraphs]) + "\n", encoding="utf-8")
    (tmp_path / "short.txt").write_text(lead + "\n", encoding="utf-8")
    desktop = Path(__file__).resolve().parents[2] / "desktop"
    out = subprocess.run([sys.executable, "-c", _REPORT_SCRIPT, str(tmp_path / "long.txt"), str(tmp_path / "short.txt")],
                         capture_output=True, text=True, check=True, env={"PYTHONPATH": str(desktop), "PATH": ""},
                         timeout=600)
    held, places, grouped_length, last_start = out.stdout.split(maxsplit=3)
    removed = sum(map(len, paragraphs))
    assert int(places) >= 1
    assert int(grouped_length) > removed and last_start.startswith("v1: w")  # the summaries are still whole
    # the summaries were held as strings: twice the removed text's size (two bytes a character); now a few KB
    assert int(held) < removed // 4, f"{int(held) / removed:.2f} bytes per removed character"


_PAGE_SCRIPT = textwrap.dedent("""
    import os, sys, tracemalloc
    from variorum.core.case import load_case
    from variorum.core.report import build_report
    from variorum.core.report.render_json import write_json
    paths = sys.argv[1:4]
    tracemalloc.start()
    comparison = load_case(paths).compare()
    with open(sys.argv[4], "w", encoding="utf-8") as out:
        write_json(build_report(comparison), out)
    print(tracemalloc.get_traced_memory()[1], len(comparison.differences))
""")
PAGE_MAX_PEAK_PER_BYTE = 19  # measured 15.9; 23.6 before the report was written as it was made and the checks
# let go of what they had read


def test_a_page_of_thousands_of_paragraphs_against_two_short_texts_is_bounded_in_memory(tmp_path: Path) -> None:
    """The hostile-input run's web page (short paragraphs of the same few words, too large for the article
    extractor) against two short texts: every paragraph is a difference from each of them, a variation place,
    and part of the passage the finding says they lack."""
    article = ("The minister said on Tuesday that the “reform” would go ahead. Café owners in Zürich disagreed, and "
               "José Martínez, a spokesman, called it “a mistake” that ignores the council. ") * 12
    rng = random.Random(3)
    words = article.split()
    body = "".join("<p>" + " ".join(rng.choice(words) for _ in range(60)) + "</p>\n" for _ in range(6000))
    (tmp_path / "page.html").write_text(f"<html><body><nav>Home</nav><article>{body}</article></body></html>",
                                        encoding="utf-8")
    for n, day in enumerate(("Tuesday", "Wednesday")):
        (tmp_path / f"v{n}.txt").write_text(article.replace("Tuesday", day), encoding="utf-8")
    paths = [tmp_path / "v0.txt", tmp_path / "v1.txt", tmp_path / "page.html"]
    desktop = Path(__file__).resolve().parents[2] / "desktop"
    out = subprocess.run([sys.executable, "-c", _PAGE_SCRIPT, *map(str, paths), str(tmp_path / "report.json")],
                         capture_output=True, text=True, check=True, env={"PYTHONPATH": str(desktop), "PATH": ""},
                         timeout=600)
    peak, differences = map(int, out.stdout.split())
    size = sum(p.stat().st_size for p in paths)
    assert differences >= 2 * 6000  # each paragraph, from each short text
    assert (tmp_path / "report.json").stat().st_size > size  # the report quotes them all
    assert peak < PAGE_MAX_PEAK_PER_BYTE * size, f"{peak / size:.1f} bytes per byte"
