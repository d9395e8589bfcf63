"""Golden findings on the bundled demo case: every finding listed, each justified.

000 = PDF text extraction, 001 = Markdown copy (the base: title, dateline, original URL), 002 = plain-text copy;
003 and 004 = other outlets' articles on the same story. Everything else that differs between 000, 001 and 002
(curly vs straight quotes, line wraps, end-of-line hyphenation, ** and [..](#) markup) is cosmetic and must not
produce a finding.
"""

import pytest

from variorum.core.case import load_case


@pytest.fixture(scope="module")
def seeds():
    from pathlib import Path

    demo = Path(__file__).resolve().parents[3] / "resources" / "demo"
    return load_case(sorted(demo.glob("*.txt"))).compare()


def _label(c, vid):
    return c.version(vid).label[:3]


def _summary(c):
    return [(f.kind, f.severity, tuple(_label(c, v) for v in f.versions)) for f in c.findings]


EXPECTED = [
    # 000 carries a link whose URL is dated 21 Feb 2025, in an article that 001 dates 19 Aug 2020 (dateline and
    # original URL): the link cannot have been in the article when it ran. The one high finding, listed first.
    ("url-date-mismatch", "high", ("000", "001")),
    # Only 001 states a publication date; 000 and 002 cannot be dated on their own.
    ("date-mismatch", "low", ("000", "001", "002")),
    # Only 001 has the headline; the PDF extraction and the plain-text copy lost it.
    ("title-mismatch", "low", ("000", "001", "002")),
    # The photo caption (with its credit) is in 000 and 001 but not in 002.
    ("passage-missing", "low", ("000", "001", "002")),
    # The "Related article" line is in 000 and 001 but not in 002.
    ("passage-missing", "low", ("000", "001", "002")),
    # The related-article link points to the real (2025) URL in 000 but to a placeholder "#" in 001.
    ("link-target-mismatch", "low", ("000", "001")),
    # 003 (another outlet) corroborates names and the 9 Aug 2020 election date of the base.
    ("shared-facts", "info", ("001", "003")),
    # 004 (another outlet) shares only countries, institutions and the story's subject with the base ("Belarus,
    # Russia, Kremlin, EU"): no specific fact, so no corroboration is claimed.
    # 003 and 004, the two other outlets, both give Lukashenko "more than" / "just over 80% of the votes".
    ("shared-facts", "info", ("003", "004")),
]


def test_every_finding_on_the_seeds(seeds):
    assert _summary(seeds) == EXPECTED


def test_url_date_mismatch_cites_the_2025_link_and_the_date_source(seeds):
    f = seeds.findings[0]
    ev = [(_label(seeds, e.version), e.text) for e in f.evidence]
    url_2025 = "https://www.themoscowtimes.com/2025/02/21/belarus-opposition-urges-eu-to-reject-vote-as-leaders-" \
               "hold-emergency-talks"
    assert ("000", url_2025) in ev
    assert ("001", "August 19, 2020") in ev
    assert "21 Feb 2025" in f.message and "19 Aug 2020" in f.message and "dateline in v2" in f.message
    for e in f.evidence:
        assert seeds.version(e.version).text[e.start:e.end] == e.text


def test_passages_missing_from_the_plain_text_copy(seeds):
    caption, related = [f for f in seeds.findings if f.kind == "passage-missing"]
    assert caption.evidence[0].text.startswith("Russia criticized alleged foreign involvement")
    assert "It carries the credit 'Dmitri Lovetsky / AP / TASS'." in caption.message
    assert related.evidence[0].text.startswith("Related article:")  # the Markdown copy's ** is markup, not text
    assert "missing from v3" in caption.message and "missing from v3" in related.message


def test_shared_facts_name_the_election_date(seeds):
    f = next(f for f in seeds.findings if f.kind == "shared-facts" and "v4" in f.versions)
    assert "dates 9 Aug 2020" in f.message and "Sergei Lavrov" in f.message


def test_cosmetic_differences_alone_produce_no_finding(seeds, tmp_path):
    # 001 against itself with every difference the copies show that is only cosmetic
    base = seeds.version("v2").text
    restyled = (base.replace("'", "’").replace('"', "“").replace("**", "").replace(" Wednesday", "\nWednesday")
                .replace("post-Soviet", "post-\nSoviet"))
    (tmp_path / "a.txt").write_text(base, encoding="utf-8")
    (tmp_path / "b.txt").write_text(restyled, encoding="utf-8")
    c = load_case([tmp_path / "a.txt", tmp_path / "b.txt"]).compare()
    assert any(d.cosmetic for d in c.differences)
    assert c.findings == ()


def test_ids_are_stable(seeds):
    from pathlib import Path

    demo = Path(__file__).resolve().parents[3] / "resources" / "demo"
    again = load_case(sorted(demo.glob("*.txt"))).compare()
    assert [f.id for f in again.findings] == [f.id for f in seeds.findings]


def test_pdf_extraction_and_plain_text_copy_alone():
    from pathlib import Path

    demo = Path(__file__).resolve().parents[3] / "resources" / "demo"
    c = load_case([demo / "000_e98675efc5ff9c7a.txt", demo / "002_b7fdf649bdad1003.txt"]).compare()
    # neither version is dated, so the 2025 link cannot be checked; what the plain-text copy lacks is still found
    assert [(f.kind, f.severity) for f in c.findings] == [("passage-missing", "low"), ("passage-missing", "low")]
    assert c.findings[0].message.startswith("A paragraph present in v1 is missing from v2: 'Russia criticized")


def test_same_findings_when_the_markdown_copy_is_read_as_markdown(tmp_path):
    import shutil
    from pathlib import Path

    demo = Path(__file__).resolve().parents[3] / "resources" / "demo"
    for p in demo.glob("*.txt"):
        shutil.copy(p, tmp_path / (p.stem + (".md" if p.name.startswith("001") else ".txt")))
    c = load_case(sorted(tmp_path.iterdir())).compare()
    assert _summary(c) == EXPECTED
