"""The metadata table's ≠ and the findings follow one rule per field: a value written differently is neither
marked nor reported; a value that really differs is both."""

from __future__ import annotations

import html

import pytest
from app_helpers import drop_files, make_window, open_and_wait
from session_helpers import session_with

from variorum.core.case import load_case
from variorum.ui.findings.panel import FindingsPanel
from variorum.ui.metadata.table import MetadataTable

BASE = {
    "title": "Dam Bursts After Heavy Storm",
    "published": "2020-08-20T23:30:00-04:00",
    "byline": "Jane Roe",
    "url": "https://news.example.org/world/dam-bursts",
    "link": "https://council.example.org/decisions/2020/bridge",
    "credit": "Photo: EFE/EPA",
}

# one cosmetic difference per case, as copies of one page write it
COSMETIC = {
    "letter case": {"title": "DAM BURSTS AFTER HEAVY STORM", "byline": "jane roe",
                    "url": "HTTPS://News.Example.org/world/dam-bursts", "credit": "photo: efe/epa"},
    "trailing slash": {"url": BASE["url"] + "/", "link": BASE["link"] + "/"},
    "site name": {"title": "Dam Bursts After Heavy Storm | The Daily Example"},
    "site name after a dash": {"title": "Dam Bursts After Heavy Storm - Example News"},
    "time zone": {"published": "2020-08-21"},
    "same instant in UTC": {"published": "2020-08-21T03:30:00Z"},
    "tracking parameters": {"url": BASE["url"] + "?utm_source=twitter&utm_medium=social",
                            "link": BASE["link"] + "?fbclid=IwAR0abc&gclid=Cj0KCQ"},
    "quotes and spaces": {"title": "“Dam Bursts After Heavy Storm”", "byline": "By Jane Roe",
                          "credit": "Photo: EFE / EPA"},
    "headline cut short": {"title": "Dam Bursts After Heavy…"},
}

# one real difference per case: the table marks the row and a check reports it
REAL = {
    "title": ({"title": "Bridge Opens After Long Delay"}, "title-mismatch"),
    "published": ({"published": "2020-08-23T10:00:00-04:00"}, "date-mismatch"),
    "byline": ({"byline": "John Doe"}, "byline-mismatch"),
    "credits": ({"credit": "Photo: Reuters/AP"}, "credit-mismatch"),
    "links": ({"link": "https://council.example.org/decisions/2019/tunnel"}, "link-target-mismatch"),
}


def page(**changes: str) -> str:
    v = {k: html.escape(x, quote=True) for k, x in {**BASE, **changes}.items()}
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta property="og:title" content="{v['title']}">
<meta property="article:published_time" content="{v['published']}">
<meta name="author" content="{v['byline']}">
<link rel="canonical" href="{v['url']}">
</head><body><article>
<p>Officials said on Thursday that the old dam above the town gave way after two days of rain, flooding the
lower streets and forcing hundreds of residents to leave their homes before dawn.</p>
<p>Read <a href="{v['link']}">the council decision</a> for the details of the repair budget.</p>
<figure><figcaption>Residents wade through the flooded market square. <span class="credit">{v['credit']}</span>
</figcaption></figure>
<p>Engineers had warned the regional council for years that the structure needed repairs it never paid for.</p>
</article></body></html>"""


def write_pair(tmp_path, changes: dict[str, str]):
    a, b = tmp_path / "first.html", tmp_path / "second.html"
    a.write_text(page(), encoding="utf-8")
    b.write_text(page(**changes), encoding="utf-8")
    return [a, b]


def panels(qtbot, paths):
    c = load_case(paths).compare()
    assert c.relations["v2"].kind == "same-article"
    session = session_with(c)
    table, findings = MetadataTable(session), FindingsPanel(session)
    for w in (table, findings):
        qtbot.addWidget(w)
        w.show()
    table.redraw()
    findings.redraw()
    return table, findings


@pytest.mark.parametrize("case", list(COSMETIC))
def test_a_value_written_differently_is_neither_marked_nor_reported(qtbot, tmp_path, case):
    table, findings = panels(qtbot, write_pair(tmp_path, COSMETIC[case]))
    assert table.disagreeing_fields() == []
    assert [f.kind for f in findings.shown_findings()] == []


@pytest.mark.parametrize("field", list(REAL))
def test_a_value_that_differs_is_marked_and_reported(qtbot, tmp_path, field):
    changes, kind = REAL[field]
    table, findings = panels(qtbot, write_pair(tmp_path, changes))
    assert table.disagreeing_fields() == [field]
    assert [f.kind for f in findings.shown_findings()] == [kind]


def test_dropped_copies_that_differ_only_cosmetically_show_no_disagreement(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    every = {k: v for case in COSMETIC.values() for k, v in case.items()}
    every["title"] = "“DAM BURSTS AFTER HEAVY…” | The Daily Example"
    with qtbot.waitSignal(window.comparisonShown, timeout=20000):
        drop_files(window, write_pair(tmp_path, every))
    assert window.docks.metadata.disagreeing_fields() == []
    assert window.docks.findings.shown_findings() == []


def test_opened_copies_that_differ_for_real_show_both_the_mark_and_the_finding(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    changes = {k: v for ch, _kind in REAL.values() for k, v in ch.items()}
    open_and_wait(qtbot, window, write_pair(tmp_path, changes))
    assert window.docks.metadata.disagreeing_fields() == list(REAL)
    assert sorted(f.kind for f in window.docks.findings.shown_findings()) == sorted(k for _ch, k in REAL.values())
