"""An article that contains markup cannot run code or load anything in a report made from it."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pyromark

from reportcase import XSS_IMG, XSS_SCRIPT, hostile_comparison, hostile_notes
from variorum.core.report import Report, build_report
from variorum.core.report.render_html import render_html
from variorum.core.report.render_markdown import render_markdown
from variorum.core.report.schema import validation_errors


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def _tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(html)
    return parser.tags


def _report() -> Report:
    return build_report(hostile_comparison(), notes=hostile_notes())


def test_hostile_report_is_still_a_valid_report():
    assert validation_errors(_report()) == []


def test_html_escapes_text_title_labels_notes_and_link_urls():
    html = render_html(_report())
    tags = _tags(html)
    assert not [t for t, _ in tags if t in ("script", "img", "iframe", "object", "embed", "link", "base", "form")]
    assert not [a for _, attrs in tags for a in attrs if a.startswith("on")]
    hrefs = [attrs.get("href") or "" for t, attrs in tags if t == "a"]
    assert all(h.startswith("#") for h in hrefs), hrefs
    assert "javascript:" not in "".join(str(v) for _, attrs in tags for v in attrs.values())
    assert XSS_SCRIPT not in html and XSS_IMG not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in html
    # the escaped text is there to be read: in the title, the finding, the note and the metadata
    assert html.count("&lt;script&gt;") >= 5


def test_html_content_security_policy_forbids_scripts_and_requests():
    html = render_html(_report())
    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html).group(1)
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
    assert directives["default-src"] == "'none'"
    assert directives["script-src"] == "'none'"
    assert directives["style-src"].startswith("'sha256-")
    assert "unsafe-inline" not in csp
    assert html.count("<style>") == 1 and ' style="' not in html


def test_markdown_renders_input_as_text_not_markup():
    md = render_markdown(_report())
    html = pyromark.html(md, options=pyromark.Options.ENABLE_TABLES | pyromark.Options.ENABLE_STRIKETHROUGH)
    tags = _tags(html)
    assert not [t for t, _ in tags if t in ("script", "img", "iframe", "a")]
    assert not [a for _, attrs in tags for a in attrs if a.startswith("on")]
    assert "<script>" not in html
