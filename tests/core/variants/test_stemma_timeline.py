"""The timeline (best-known times, undated versions apart) and the estimated stemma on Darwin's editions."""

import os
import random
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from variorum.core.case import load_case
from variorum.core.model import Evidence, Finding, Metadata
from variorum.core.stemma import estimate_stemma
from variorum.core.timeline import build_timeline
from variorum.core.variants import compared_versions

DARWIN = Path(__file__).resolve().parents[2] / "data" / "darwin-origin-ch1-para1"


@pytest.fixture(scope="module")
def hidden(tmp_path_factory):
    """Darwin's six editions under meaningless names, in a shuffled order, all with the same file time; the
    years are kept aside, for the assertions only."""
    folder = tmp_path_factory.mktemp("hidden")
    sources = sorted(DARWIN.glob("*.txt"))
    random.Random(7).shuffle(sources)
    years = {}
    for i, src in enumerate(sources):
        dst = folder / f"witness-{chr(ord('k') + i)}.txt"
        shutil.copyfile(src, dst)
        years[dst.name] = src.stem[-4:]
        os.utime(dst, (1_000_000_000, 1_000_000_000))
    c = load_case(sorted(folder.glob("*.txt"))).compare()
    return c, {v.id: years[v.label] for v in c.versions}


def _same(year):
    return "1860/1861" if year in ("1860", "1861") else year  # the two editions' paragraphs are identical


def test_stemma_recovers_darwins_chain_from_the_texts_alone(hidden):
    c, year = hidden
    texts = {year[v.id]: v.text for v in c.versions}
    assert texts["1860"] == texts["1861"]
    stemma = estimate_stemma(c.places, compared_versions(c), build_timeline(c))
    links = {frozenset((_same(year[e.source]), _same(year[e.target]))) for e in stemma.edges}
    links.discard(frozenset(("1860/1861",)))
    assert links == {frozenset(p) for p in [("1859", "1860/1861"), ("1860/1861", "1866"), ("1866", "1869"),
                                           ("1869", "1872")]}
    # the texts say which editions are neighbours, not which came first: without known times, no direction
    assert {e.oriented_by for e in stemma.edges} == {"none"}
    assert "estimate" in stemma.note.lower() or "estimated" in stemma.note.lower()


def test_known_times_direct_the_chain(hidden):
    c, year = hidden
    dated = tuple(replace(v, metadata=replace(v.metadata, published=f"{year[v.id]}-11-24",
                                              sources=(("published", "test"),))) for v in c.versions)
    c = replace(c, versions=dated)
    timeline = build_timeline(c)
    assert [year[t.version] for t in timeline.dated][::5] == ["1859", "1872"]
    stemma = estimate_stemma(c.places, compared_versions(c), timeline)
    assert [_same(year[v]) for v in stemma.chain()] == ["1859", "1860/1861", "1860/1861", "1866", "1869", "1872"]
    assert all(e.oriented_by == "time" for e in stemma.edges if year[e.source] != "1860" or year[e.target] != "1861")
    assert all(0.0 <= e.confidence <= 1.0 for e in stemma.edges)


def test_timeline_keeps_versions_with_no_known_time_apart(hidden):
    c, year = hidden
    first, *rest = c.versions
    meta = Metadata(modified="2025-02-21T14:40:00Z", sources=(("modified", "meta"),))
    c = replace(c, versions=(replace(first, metadata=meta), *rest))
    timeline = build_timeline(c, file_times=True)
    assert [(t.version, t.source) for t in timeline.dated] == [(first.id, "modified (meta)")]
    assert timeline.undated == tuple(v.id for v in rest)
    assert {t.version for t in timeline.file_times} == set(timeline.undated)
    assert all(t.weak for t in timeline.file_times)
    assert build_timeline(c).file_times == ()


def test_url_date_is_a_time_source(hidden):
    c, _ = hidden
    v = c.versions[0]
    c = replace(c, versions=(replace(v, metadata=Metadata(url="https://example.org/2024/03/05/story")),
                             *c.versions[1:]))
    (only,) = build_timeline(c).dated
    assert (only.version, only.when, only.source) == (v.id, "2024-03-05", "URL date")


def test_fact_history_follows_the_timeline(hidden):
    c, _ = hidden
    a, b, *rest = c.versions
    c = replace(c, versions=(replace(a, metadata=Metadata(published="2025-02-21T10:02:00")),
                             replace(b, metadata=Metadata(published="2025-02-21T14:40:00")), *rest),
                findings=(Finding("f1", "number-changed", "high", (b.id, a.id), "injured: 25 → 27",
                                  (Evidence(b.id, 0, 2, "27"), Evidence(a.id, 0, 2, "25"))),))
    (fact,) = build_timeline(c).facts
    assert fact.line() == f"25 ({a.id}, 2025-02-21 10:02) → 27 ({b.id}, 2025-02-21 14:40)"


def test_a_web_archive_capture_time_comes_first(hidden):
    from variorum.core.model import Capture

    c, _ = hidden
    a, b, *rest = c.versions
    capture = Capture(time="2017-09-30T04:00:00Z", target_uri="https://energy.gov/", source="WARC")
    captured = replace(a, metadata=Metadata(published="2017-09-29", sources=(("published", "dateline"),),
                                            capture=capture))
    dated = replace(b, metadata=Metadata(published="2017-09-29T12:00:00", sources=(("published", "meta"),)))
    timeline = build_timeline(replace(c, versions=(captured, dated, *rest)))
    assert [(t.version, t.source) for t in timeline.dated] == [(b.id, "published (meta)"), (a.id, "capture (WARC)")]


def test_distances_count_each_place_where_two_versions_read_differently():
    """Counted across each place's groups of versions (not pair by pair), the distances are still the number of
    substantive places where the two versions' readings differ, versions with no reading there counting as alike."""
    from itertools import combinations

    from variorum.core.model import Place, Reading
    from variorum.core.stemma import distances

    rng = random.Random(1859)
    for _ in range(200):
        versions = [f"v{i + 1}" for i in range(rng.randint(1, 9))]
        places = []
        for k in range(rng.randint(0, 20)):
            pool = [v for v in versions if rng.random() < 0.9]
            rng.shuffle(pool)
            readings = []
            while pool:
                cut = rng.randint(1, len(pool))
                readings.append(Reading(text=str(cut), versions=tuple(pool[:cut]), spans=(), base=False))
                pool = pool[cut:]
            places.append(Place(id=f"p{k}", start=0, end=0, kind="replace", cosmetic=rng.random() < 0.2,
                                readings=tuple(readings), differing=(), differences=()))
        expected = {}
        for a, b in combinations(versions, 2):
            readings_of = [{v: i for i, r in enumerate(p.readings) for v in r.versions} for p in places
                           if not p.cosmetic]
            expected[(a, b)] = sum(group.get(a) != group.get(b) for group in readings_of)
        assert distances(places, versions) == expected
