"""Golden tests on real multi-version texts (tests/data): they load in the right format and compare as expected."""

from __future__ import annotations

from variorum.core.case import load_case
from variorum.core.model import Options


def substantive(comparison, version_id):
    return [(d.kind, d.base.text, d.other.text) for d in comparison.differences_for(version_id, cosmetic=False)]


def test_energy_gov_captures_load_as_html_with_their_metadata(energy_paths):
    c = load_case(energy_paths).compare()
    for v in c.versions:
        assert v.ok and v.format == "html" and v.encoding == "utf-8"
        assert v.metadata.title == "Department of Energy"
        assert v.metadata.url == "https://energy.gov/"
        assert v.metadata.source_of("url") == "canonical link"
        # links are absolute (resolved against the page's canonical address) and point at their anchor text
        assert v.metadata.links
        for link in v.metadata.links:
            assert link.url.startswith("https://energy.gov/")
            assert v.text[link.start:link.end] == link.text
        # the captures carry real mojibake; the user is told, and the damage stays visible in the text
        assert any("mojibake" in w for w in v.warnings)
    assert "Nation\u00e2\u20ac\u2122s Critical Energy Infrastructure" in c.versions[0].text


def test_energy_gov_later_capture_adds_two_press_items_and_drops_two(energy_paths):
    c = load_case(energy_paths, options=Options(base="v1")).compare()
    assert c.relations["v2"].kind == "same-article"
    assert substantive(c, "v2") == [
        ("insert", "", "Secretary Perry Announces Conditional Commitment to Support Continued Construction of "
                       "Vogtle Advanced Nuclear Energy Project"),
        ("insert", "", "The Vogtle project is the first new nuclear power plant to be licensed and begin "
                       "construction in the United States in more than three decades."),
        ("insert", "", "September 29, 2017"),
        ("insert", "", "View Article"),
        ("insert", "", "Secretary Perry Urges FERC to Take Swift Action to Address Threats to Grid Resiliency"),
        ("insert", "", "Secretary of Energy Rick Perry formally proposes that the Federal Energy Regulatory "
                       "Commission (FERC) take swift action to address threats to grid."),
        ("insert", "", "September 29, 2017"),
        ("insert", "", "View Article"),
        ("delete", "View Article", ""),
        ("delete", "Energy Department Invests Up to $50 Million to Improve the Resilience and Security of the "
                   "Nation\u00e2\u20ac\u2122s Critical Energy Infrastructure", ""),
        ("delete", "Projects to improve the resilience of the Nation's critical energy infrastructure, including "
                   "the electric grid and oil and natural gas infrastructure.", ""),
        ("delete", "September 12, 2017", ""),
        ("delete", "View Article", ""),
        ("delete", "U.S. Department of Energy Proposes Expedited Approval for Small-Scale Natural Gas Exports", ""),
        ("delete", "A proposed rule aims to provide faster approval of small-scale exports of natural gas, "
                   "including liquefied natural gas (LNG), from export facilities.", ""),
        ("delete", "September 1, 2017", ""),
    ]
    assert len(c.differences_for("v2", cosmetic=True)) == 16  # nothing else, cosmetic or not


def test_energy_gov_paragraphs_align_one_to_one_around_the_changes(energy_paths):
    c = load_case(energy_paths, options=Options(base="v1")).compare()
    pairs = c.alignments["v2"].paragraphs
    base, other = c.versions[0].text, c.versions[1].text
    matched = [(p.base, p.other) for p in pairs if p.base and p.other]
    assert len([p for p in pairs if p.base is None]) == 8  # the two new items: title, summary, date, "View Article"
    assert len([p for p in pairs if p.other is None]) == 8
    assert all(base[b[0]:b[1]] == other[o[0]:o[1]] for b, o in matched)


def test_darwin_six_editions_align_and_show_real_variants(darwin_paths):
    c = load_case(darwin_paths, options=Options(base=str(darwin_paths[0]))).compare()
    assert [v.label for v in c.versions] == ["origin-1859.txt", "origin-1860.txt", "origin-1861.txt",
                                             "origin-1866.txt", "origin-1869.txt", "origin-1872.txt"]
    assert c.base == "v1"
    assert all(c.relations[v].kind == "same-article" for v in ("v2", "v3", "v4", "v5", "v6"))
    # 1859 "differ much more from each other, than do" / 1860 "differ more from each other than do"
    e1860 = c.differences_for("v2", cosmetic=False)
    much = [d for d in e1860 if d.kind == "delete" and d.base.text == "much"]
    assert len(much) == 1
    base = c.versions[0].text
    assert base[much[0].base.start - len("differ "):much[0].base.end + len(" more")] == "differ much more"
    assert c.versions[1].text[much[0].other.start - len("differ "):much[0].other.start + len("more")] == \
        "differ more"
    assert ("replace", "greater", "great") in substantive(c, "v2")
    # 1866 adds a heading; 1872 has "any great amount" where 1859 has "any appreciable amount"
    assert ("insert", "", "Causes of Variability.") in substantive(c, "v4")
    assert ("replace", "appreciable", "great") in substantive(c, "v6")
