"""TEI P5 parallel segmentation of the variation places (``--format tei``): the exchange format of digital
editions and CollateX. Every compared version is a ``<witness>``; every place is an ``<app>`` whose ``<rdg>``
elements carry the grouped readings, ``wit`` pointing at the witnesses (``#v2 #v3``); the base's reading is the
``<lem>``. The report does not carry the versions' full texts, so each place stands in its own ``<ab>`` (with
its base offsets), not inside a running text."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from variorum.core.report.model import Report

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def _t(tag: str) -> str:
    return f"{{{TEI_NS}}}{tag}"


def render_tei(report: Report) -> str:
    ET.register_namespace("", TEI_NS)
    tei = ET.Element(_t("TEI"))
    header = ET.SubElement(tei, _t("teiHeader"))
    desc = ET.SubElement(header, _t("fileDesc"))
    ET.SubElement(ET.SubElement(desc, _t("titleStmt")), _t("title")).text = report.title
    ET.SubElement(ET.SubElement(desc, _t("publicationStmt")), _t("p")).text = (
        f"Written by {report.tool.name} {report.tool.version} at {report.generated_at}.")
    source = ET.SubElement(desc, _t("sourceDesc"))
    witnesses = ET.SubElement(source, _t("listWit"))
    cited = {v for p in report.variants for r in p.readings for v in r.versions}
    for v in report.versions:
        if v.id in cited or v.id == report.base:
            w = ET.SubElement(witnesses, _t("witness"), {XML_ID: v.id})
            w.text = v.label + (" (base)" if v.id == report.base else "")
    encoding = ET.SubElement(header, _t("encodingDesc"))
    ET.SubElement(encoding, _t("variantEncoding"), {"method": "parallel-segmentation", "location": "internal"})
    body = ET.SubElement(ET.SubElement(tei, _t("text")), _t("body"))
    div = ET.SubElement(body, _t("div"), {"type": "variants"})
    for p in report.variants:
        ab = ET.SubElement(div, _t("ab"), {"n": f"{p.start}-{p.end}", XML_ID: p.id})
        app = ET.SubElement(ab, _t("app"), {"type": "cosmetic" if p.cosmetic else "substantive"})
        for r in p.readings:
            tag = "lem" if report.base in r.versions else "rdg"
            el = ET.SubElement(app, _t(tag), {"wit": " ".join(f"#{v}" for v in r.versions)})
            el.text = r.text.strip()
    ET.indent(tei)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(tei, encoding="unicode") + "\n"
