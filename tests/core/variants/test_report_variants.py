"""The report carries the variation places, timeline and stemma, and still validates against its schema."""

from pathlib import Path

from variorum.core.case import load_case
from variorum.core.report import build_report
from variorum.core.report.render_json import report_data
from variorum.core.report.schema import report_schema, validation_errors

DARWIN = Path(__file__).resolve().parents[2] / "data" / "darwin-origin-ch1-para1"


def test_darwin_report_has_variants_and_validates():
    c = load_case(sorted(DARWIN.glob("*.txt"))).compare()
    data = report_data(build_report(c))
    assert validation_errors(data) == []
    assert len(data["variants"]) == sum(1 for p in c.places if not p.cosmetic) > 0
    place = data["variants"][0]
    assert place["readings"][0]["versions"][0] == c.base
    assert " | " in place["grouped"]
    assert {e["oriented_by"] for e in data["stemma"]["edges"]} == {"none"}
    assert len(data["stemma"]["edges"]) == 5
    assert data["timeline"]["undated"] == [v.id for v in c.versions]


def test_schema_documents_the_new_fields():
    props = report_schema()["properties"]
    for name in ("variants", "timeline", "stemma"):
        assert name in props
    assert "variants" in report_schema()["description"]


def test_a_report_with_a_bad_place_fails_validation():
    c = load_case(sorted(DARWIN.glob("*.txt"))).compare()
    data = report_data(build_report(c))
    data["variants"][0]["readings"] = []
    assert any(e.startswith("variants/0/readings") for e in validation_errors(data))


def _darwin_report():
    return build_report(load_case(sorted(DARWIN.glob("*.txt"))).compare())


def test_markdown_and_html_reports_carry_the_variant_table_timeline_and_stemma():
    from variorum.core.report import render

    report = _darwin_report()
    md = render(report, "md").decode()
    assert f"## Variant table ({len(report.variants)} places)" in md
    assert "origin-1859.txt: much more ¦" in md
    assert "## Timeline" in md and "No known time (not placed): origin-1859.txt" in md
    assert "## Derivation (estimated stemma)" in md and "Estimated, not proven" in md
    html = render(report, "html").decode()
    assert html.count('<tr id="place-') == len(report.variants)
    assert "<b>origin-1859.txt</b>: much more" in html
    assert 'id="timeline"' in html and 'id="stemma"' in html
