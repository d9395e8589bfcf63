"""``--format tei``: TEI P5 parallel segmentation, checked for its structure."""

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from variorum.core.case import load_case
from variorum.core.report import build_report, render

ROOT = Path(__file__).resolve().parents[3]
TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


@pytest.mark.parametrize("folder", ["tests/data/darwin-origin-ch1-para1", "resources/demo"])
def test_tei_is_well_formed_and_every_reading_points_at_declared_witnesses(folder):
    c = load_case(sorted((ROOT / folder).glob("*.txt"))).compare()
    root = ET.fromstring(render(build_report(c), "tei"))  # well-formed, or this raises
    assert root.tag == f"{TEI}TEI"
    declared = {w.get(XML_ID) for w in root.iter(f"{TEI}witness")}
    assert c.base in declared
    apps = list(root.iter(f"{TEI}app"))
    assert len(apps) == sum(1 for p in c.places if not p.cosmetic) > 0
    for app in apps:
        readings = [r for r in app if r.tag in (f"{TEI}lem", f"{TEI}rdg")]
        assert len(readings) >= 2
        assert [r.tag for r in readings].count(f"{TEI}lem") == 1
        pointed = [w for r in readings for w in r.get("wit").split()]
        assert all(w.startswith("#") and w[1:] in declared for w in pointed)
        assert len(pointed) == len(set(pointed))  # each witness reads once per place
    ids = [e.get(XML_ID) for e in root.iter() if e.get(XML_ID)]
    assert len(ids) == len(set(ids))


def test_cli_writes_tei(tmp_path, darwin_paths):
    from variorum import cli_compare

    out = tmp_path / "darwin.xml"
    assert cli_compare.main([*map(str, darwin_paths), "--format", "tei", "--output", str(out)]) == 0
    root = ET.parse(out).getroot()
    readings = [*root.iter(f"{TEI}lem"), *root.iter(f"{TEI}rdg")]
    assert any((r.text or "") == "much more" for r in readings)
