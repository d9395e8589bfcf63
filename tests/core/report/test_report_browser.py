"""The HTML report in a real browser (headless Chromium): it renders, styled, with no console message and no
network request, even when the article tries to inject markup.

Chromium is Debian's ``chromium`` (``.ci/run`` installs it). Without it the tests are skipped, except in CI
(``CI=true``), where a missing browser is a failure.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest

from reportcase import XSS_SCRIPT, hostile_comparison, hostile_notes, seed_report
from variorum.core.report import build_report
from variorum.core.report.render_html import render_html

pytestmark = pytest.mark.slow

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
WIDTH, HEIGHT = 1100, 1600


@pytest.fixture(scope="module")
def chromium() -> str:
    if CHROMIUM is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("chromium is not installed; .ci/run should have installed it (apt-get install chromium)")
        pytest.skip("chromium is not installed (Debian: apt-get install chromium); the browser test needs it")
    return CHROMIUM


@dataclass
class Visit:
    console: list[str]  # console messages the page produced (CSP violations, errors, logs)
    requests: list[str]  # URLs the page asked the network for
    output: str


def _visit(chromium: str, page: Path, tmp: Path, *mode: str) -> Visit:
    """Open ``page`` once in a fresh profile; collect the page's console messages and network requests."""
    profile = tmp / f"profile-{len(list(tmp.iterdir()))}"
    netlog = profile.with_suffix(".netlog.json")
    cmd = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
           f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0", f"--log-net-log={netlog}",
           f"--window-size={WIDTH},{HEIGHT}", *mode, page.as_uri()]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    console = [line for line in done.stderr.splitlines() if ":CONSOLE" in line]
    log = json.loads(netlog.read_text(encoding="utf-8"))
    start_job = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    # The browser's own housekeeping (update checks and the like) has no origin; the page's requests have one.
    requests = [e["params"]["url"] for e in log["events"] if e["type"] == start_job and "url" in e.get("params", {})
                and e["params"].get("initiator") != "not an origin"]
    return Visit(console, requests, done.stdout)


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def _write(tmp: Path, name: str, html: str) -> Path:
    path = tmp / name
    path.write_text(html, encoding="utf-8")
    return path


def test_the_checks_below_would_see_a_misbehaving_page(chromium, tmp_path):
    """A control: a page that breaks the rules is caught, so a clean result below means something."""
    bad = _write(tmp_path, "bad.html", (
        "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Security-Policy\" content=\"img-src 'none'\">"
        "</head><body><p>x</p><img src=\"http://127.0.0.1:9/pixel.png\">"
        "<link rel=\"stylesheet\" href=\"http://127.0.0.1:9/style.css\"><script>console.error('boom')</script>"
        "</body></html>"))
    visit = _visit(chromium, bad, tmp_path, "--dump-dom")
    assert any("boom" in line for line in visit.console)
    assert any("pixel.png" in line for line in visit.console)  # blocked by the CSP, and said so
    assert "http://127.0.0.1:9/style.css" in visit.requests


@pytest.mark.parametrize("case", ["seed", "hostile"])
def test_report_renders_with_no_console_message_and_no_request(chromium, tmp_path, case):
    report = seed_report() if case == "seed" else build_report(hostile_comparison(), notes=hostile_notes())
    page = _write(tmp_path, "report.html", render_html(report))

    dom = _visit(chromium, page, tmp_path, "--dump-dom")
    assert dom.console == []
    assert dom.requests == []
    parsed = _Elements()
    parsed.feed(dom.output)
    tags = [t for t, _ in parsed.elements]
    assert "section" in tags and tags.count("article") == len(report.findings)
    assert not {"script", "img", "iframe", "object", "embed", "link"} & set(tags)
    assert not [name for _, attrs in parsed.elements for name in attrs if name.startswith("on")]
    text = "".join(parsed.text)
    for f in report.findings:
        assert " ".join(f.message.split()) in " ".join(text.split())
    if case == "hostile":
        assert XSS_SCRIPT in text  # shown to the reader as text

    shot = tmp_path / "report.png"
    visit = _visit(chromium, page, tmp_path, f"--screenshot={shot}")
    assert visit.console == [] and visit.requests == []
    _assert_styled_screenshot(shot)


def _assert_styled_screenshot(path: Path) -> None:
    """The screenshot is the size asked for, not blank, and shows the report's own colours (so the stylesheet
    was applied: the CSP let exactly it through)."""
    from PySide6.QtGui import QImage

    image = QImage(str(path))
    assert not image.isNull()
    assert (image.width(), image.height()) == (WIDTH, HEIGHT)
    colours: dict[int, int] = {}
    for y in range(0, image.height(), 3):
        for x in range(0, image.width(), 3):
            rgb = image.pixel(x, y) & 0xFFFFFF
            colours[rgb] = colours.get(rgb, 0) + 1
    total = sum(colours.values())
    assert max(colours.values()) < total * 0.9  # not one flat colour

    def present(hex_colour: str) -> bool:
        r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
        return any(abs((c >> 16 & 255) - r) + abs((c >> 8 & 255) - g) + abs((c & 255) - b) <= 12
                   for c in colours)

    assert present("#eef1f4")  # the page background around the report
    assert present("#c0392b")  # a high-severity badge
    assert present("#f5f7f9")  # the summary boxes
