"""Golden test on the seed article: three versions of one article and two related pieces."""

import pytest

from variorum.core.case import BaseNotFound, load_case
from variorum.core.model import Options


@pytest.fixture
def seeds(seed_paths):
    return load_case(seed_paths).compare()


def test_relations_and_base(seeds):
    kinds = {v.label[:3]: seeds.relations[v.id].kind for v in seeds.versions}
    # 001 (the Markdown copy) is the most complete version: title, dateline and original URL.
    assert kinds == {"000": "same-article", "001": "base", "002": "same-article",
                     "003": "related", "004": "related"}
    for v in seeds.versions:
        rel = seeds.relations[v.id]
        assert 0.0 <= rel.similarity <= 1.0
        if rel.kind == "same-article":
            assert rel.similarity > 0.9
        if rel.kind == "related":
            assert rel.similarity < 0.2


def test_related_versions_are_not_word_diffed(seeds):
    related = {v.id for v in seeds.versions if seeds.relations[v.id].kind == "related"}
    assert related and not any(d.version in related for d in seeds.differences)


def _substantive(seeds, label_prefix):
    vid = next(v.id for v in seeds.versions if v.label.startswith(label_prefix))
    return [d for d in seeds.differences if d.version == vid and not d.cosmetic]


def test_pdf_extraction_version_substantive_differences(seeds):
    texts = [(d.kind, d.base.text or d.other.text) for d in _substantive(seeds, "000")]
    assert texts == [
        ("delete", "Russia Slams 'Foreign Meddling' in Belarus, Rules Out Immediate Military Aid"),  # title
        ("delete", "August 19, 2020"),  # dateline
        ("insert", "https://www.themoscowtimes.com/2025/02/21/belarus-opposition-urges-eu-to-reject-vote-as-leaders-"
                   "hold-emergency-talks"),  # the URL line inserted into a quote by the PDF extraction
        # the base's "Original url: <…>" footer is metadata (read by the metadata checks), not two removed passages
    ]


def test_plain_text_version_misses_caption_and_related_line(seeds):
    texts = [d.base.text for d in _substantive(seeds, "002")]
    assert any(t.startswith("Russia criticized alleged foreign involvement") and t.endswith("Dmitri Lovetsky / AP / TASS")
               for t in texts)  # photo caption with its credit
    assert any(t.startswith("Related article:") for t in texts)
    assert all(d.kind == "delete" for d in _substantive(seeds, "002"))


def test_quotes_and_line_wraps_are_cosmetic(seeds):
    cosmetic = [d for d in seeds.differences if d.cosmetic]
    categories = {d.category for d in cosmetic}
    # the Markdown copy is read as Markdown (its markup is not text), so no markup difference is left to show
    assert {"typography", "whitespace"} <= categories
    for d in cosmetic:
        assert d.category in {"typography", "whitespace", "hyphenation", "case", "furniture"}
    curly = [d for d in cosmetic if "’" in d.other.text or "“" in d.other.text or "’" in d.base.text]
    assert curly and all(d.category == "typography" for d in curly)


def test_ids_stable_across_runs(seed_paths, seeds):
    again = load_case(seed_paths).compare()
    assert [d.id for d in again.differences] == [d.id for d in seeds.differences]


def test_choosing_another_base(seed_paths):
    c = load_case(seed_paths, options=Options(base="v3")).compare()
    assert c.base == "v3"
    assert c.relations["v2"].kind == "same-article"
    c2 = load_case(seed_paths, options=Options(base=str(seed_paths[0]))).compare()
    assert c2.base == "v1"
    with pytest.raises(BaseNotFound):
        load_case(seed_paths, options=Options(base="v9")).compare()


def test_alignment_pairs_paragraphs_in_order(seeds):
    for vid, alignment in seeds.alignments.items():
        last_b = last_o = -1
        for pair in alignment.paragraphs:
            if pair.base:
                assert pair.base[0] >= last_b
                last_b = pair.base[0]
            if pair.other:
                assert pair.other[0] >= last_o
                last_o = pair.other[0]
        assert any(p.base and p.other for p in alignment.paragraphs), vid
