"""Variation places: the pairwise differences merged into N-way places, readings grouped."""

from dataclasses import replace
from pathlib import Path

import pytest

from variorum.core.case import load_case
from variorum.core.model import Difference, Evidence, Finding, Span
from variorum.core.variants import compared_versions, variation_places

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def darwin():
    return load_case(sorted((ROOT / "tests" / "data" / "darwin-origin-ch1-para1").glob("*.txt"))).compare()


@pytest.fixture(scope="module")
def seeds():
    return load_case(sorted((ROOT / "resources" / "demo").glob("*.txt"))).compare()


def _year(c, vid):
    return c.version(vid).label[7:11]


def _years(c, versions):
    return sorted(_year(c, v) for v in versions)


def test_darwin_much_more_groups_the_later_editions(darwin):
    place = next(p for p in darwin.places if any(r.text.strip() == "much more" for r in p.readings))
    groups = {r.text.strip(): _years(darwin, r.versions) for r in place.readings}
    assert groups["much more"] == ["1859"]
    # 1869 moved the word ("differ from each other more"), so it reads apart; the others read "more"
    assert groups["more"] == ["1860", "1861", "1866", "1872"]
    assert not place.cosmetic


def test_darwin_heading_is_read_by_the_editions_from_1866_on(darwin):
    (place,) = [p for p in darwin.places if any("Causes of Variability" in r.text for r in p.readings)]
    with_heading = sorted(_year(darwin, v) for r in place.readings if "Causes of Variability." in r.text
                          for v in r.versions)
    assert with_heading == ["1866", "1869", "1872"]
    without = [r for r in place.readings if "Causes" not in r.text]
    assert without and sorted(_year(darwin, v) for r in without for v in r.versions) == ["1859", "1860", "1861"]
    assert all(" ".join(r.text.split()).startswith("Causes of Variability. ") or "Causes" not in r.text
               for r in place.readings)  # the heading and the next word stay apart


def test_seeds_2025_url_line_is_one_place_only_in_000(seeds):
    places = [p for p in seeds.places
              if any("themoscowtimes.com/2025/02/21" in r.text for r in p.readings)]
    assert len(places) == 1
    (with_url,) = [r for r in places[0].readings if "2025/02/21" in r.text]
    assert [seeds.version(v).label[:3] for v in with_url.versions] == ["000"]


def test_every_substantive_difference_falls_in_exactly_one_place(seeds, darwin):
    for c in (seeds, darwin):
        for d in c.differences:
            if d.cosmetic:
                continue
            holding = [p for p in c.places if d.id in p.differences]
            assert len(holding) == 1
            assert holding[0].start <= d.base.start <= d.base.end <= holding[0].end


def test_places_do_not_overlap_and_come_in_base_order(seeds, darwin):
    for c in (seeds, darwin):
        for a, b in zip(c.places, c.places[1:], strict=False):
            assert a.end <= b.start and (a.start, a.end) != (b.start, b.end)


def test_every_compared_version_has_exactly_one_reading(darwin):
    versions = compared_versions(darwin)
    assert len(versions) == 6
    for p in darwin.places:
        seen = [v for r in p.readings for v in r.versions]
        assert sorted(seen) == sorted(versions)
        assert p.readings[0].base
        assert darwin.base not in p.differing


def test_place_ids_are_stable_and_unique(darwin):
    again = variation_places(darwin)
    assert [p.id for p in again] == [p.id for p in darwin.places]
    assert len({p.id for p in darwin.places}) == len(darwin.places)


def test_readings_group_by_normalized_equality(darwin):
    """Two versions that differ from the base only in case and spacing read together at a substantive place."""
    c = darwin
    base = c.base_version
    start = base.text.index("appreciable")
    end = start + len("appreciable")
    others = [v for v in compared_versions(c) if v != c.base][:2]
    diffs = [Difference(f"t{i}", v, "replace", False, "wording", Span(start, end, "appreciable"),
                        Span(0, 0, text)) for i, (v, text) in enumerate(zip(others, ("Great", "great "), strict=True))]
    trial = replace(c, differences=tuple(diffs), findings=())
    (place,) = variation_places(trial)
    assert [len(r.versions) for r in place.readings] == [4, 2]
    assert set(place.readings[1].versions) == set(others)


def test_cosmetic_only_place_is_marked_and_grouped_by_exact_text(darwin):
    c = darwin
    base = c.base_version
    start = base.text.index("appreciable")
    end = start + len("appreciable")
    v = next(v for v in compared_versions(c) if v != c.base)
    diff = Difference("t", v, "replace", True, "case", Span(start, end, "appreciable"), Span(0, 0, "Appreciable"))
    (place,) = variation_places(replace(c, differences=(diff,), findings=()))
    assert place.cosmetic
    assert [r.text for r in place.readings] == ["appreciable", "Appreciable"]
    assert place.differing == (v,)


def test_findings_cite_the_places_their_evidence_falls_in(darwin):
    c = darwin
    place = next(p for p in c.places if "appreciable" in p.base_text)
    other = place.readings[-1]
    version, start, end = other.spans[0]
    finding = Finding("f-test", "number-changed", "medium", (c.base, version), "a test finding",
                      (Evidence(version, start, end, c.version(version).text[start:end]),))
    cited = variation_places(replace(c, findings=(finding,)))
    assert [p.id for p in cited if "f-test" in p.findings] == [place.id]


def test_reading_spans_point_at_the_reading_in_each_version(darwin):
    for p in darwin.places:
        if p.cosmetic:
            continue
        for r in p.readings:
            for v, s, e in r.spans:
                got = " ".join(darwin.version(v).text[s:e].split())
                assert " ".join(r.text.split()) in got or not r.text.strip()


def _rewrapped_case(folder: Path) -> list[Path]:
    texts = (
        "The council met on Monday and voted to close the park for the summer.\n\nIt will reopen in May.\n",
        # line wraps only: a place where every difference is cosmetic
        "The council met on Monday and voted\nto close the park for the summer.\n\nIt will reopen\nin May.\n",
        # a rewording over the place where the other copy wraps its line: a place that mixes both kinds
        "The council met on Monday and closed the park for the summer.\n\nIt will reopen in May.\n",
    )
    paths = []
    for i, text in enumerate(texts):
        paths.append(folder / f"v{i}.txt")
        paths[-1].write_text(text, encoding="utf-8")
    return paths


def test_without_cosmetic_places_the_substantive_places_are_the_same(tmp_path):
    """A report that hides cosmetic differences never shows the places where every difference is cosmetic; they
    are not built, and every other place (one that mixes a cosmetic difference with a substantive one included)
    is the same as when they are."""
    c = load_case(_rewrapped_case(tmp_path)).compare()
    all_places = variation_places(c)
    ids = {d.id: d for d in c.differences}
    mixed = [p for p in all_places if not p.cosmetic and any(ids[i].cosmetic for i in p.differences)]
    assert any(p.cosmetic for p in all_places) and mixed
    substantive = variation_places(c, cosmetic=False)
    assert substantive and substantive == tuple(p for p in all_places if not p.cosmetic)


def test_the_command_line_leaves_cosmetic_places_out_only_when_it_hides_them(tmp_path):
    from variorum.core.model import Options

    paths = _rewrapped_case(tmp_path)
    hidden = load_case(paths, options=Options(cosmetic_places=False)).compare()
    shown = load_case(paths, options=Options(show_cosmetic=True)).compare()
    assert hidden.places and not any(p.cosmetic for p in hidden.places)
    assert any(p.cosmetic for p in shown.places)
    assert hidden.differences == shown.differences  # every cosmetic difference is still there, and counted
