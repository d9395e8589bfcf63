"""``variorum compare`` on web archives and saved archive pages: the capture's chain of custody in every report."""

from __future__ import annotations

import contextlib
import io
import json

import pytest
from pypdf import PdfReader
from test_compare_cli import run

from archive_builders import ARTICLE_URL, OTHER_URL, article_html, build_wacz, build_warc, wayback_page
from variorum.cli_compare import main
from variorum.core.report.schema import validation_errors

DATES = ("2024-03-01T09:00:00Z", "2024-03-04T10:30:00Z", "2024-03-06T12:00:00Z")


def crawl(tmp_path):
    """A WACZ with two captures of the article, a revisit of the second, and a capture of another page."""
    warc = build_warc([(ARTICLE_URL, DATES[0], article_html(closed_days="ten")),
                       (ARTICLE_URL, DATES[1], article_html(closed_days="fourteen")),
                       (OTHER_URL, DATES[1], article_html(closed_days="two", title="Final score"))],
                      revisits=[(ARTICLE_URL, DATES[2], 1)])
    path = tmp_path / "crawl.wacz"
    path.write_bytes(build_wacz(warc, [(ARTICLE_URL, DATES[0], "Harbour bridge"), (OTHER_URL, DATES[1], "Score")]))
    return path


def test_the_pages_listed_cannot_act_on_the_terminal(tmp_path):
    """The addresses are the archive's: an escape sequence in one was printed as it was."""
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(build_warc([(ARTICLE_URL, DATES[0], article_html(closed_days="ten")),
                                 ("https://example.org/\x1b]0;owned\x07page", DATES[1], article_html(closed_days="two"))]))
    out = run("compare", str(path))
    assert out.returncode == 2 and "\x1b" not in out.stderr and "\x07" not in out.stderr
    assert "  https://example.org/\\x1b]0;owned\\x07page" in out.stderr.splitlines()


def test_an_archive_of_several_pages_lists_them_and_asks_for_one(tmp_path):
    out = run("compare", str(crawl(tmp_path)))
    assert out.returncode == 2
    assert "holds captures of 2 pages; choose one with --url URL" in out.stderr
    assert f"\n  {ARTICLE_URL}\n  {OTHER_URL}" in out.stderr
    assert out.stdout == ""


def test_the_captures_of_the_chosen_page_are_compared_with_their_chain_of_custody(tmp_path):
    out = run("compare", str(crawl(tmp_path)), "--url", ARTICLE_URL, "--format", "json")
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    assert validation_errors(report) == []
    assert [v["capture"]["captured_at"] for v in report["versions"]] == list(DATES)
    for v in report["versions"]:
        assert v["capture"]["target_uri"] == ARTICLE_URL
        assert v["capture"]["record_id"].startswith("<urn:uuid:")
        assert v["capture"]["payload_digest"].startswith("sha1:")
        assert v["capture"]["source"] == "WACZ crawl.wacz"
    changed = [(d["version"], d["base"]["text"], d["other"]["text"]) for d in report["differences"]
               if not d["cosmetic"]]
    assert changed == [("v2", "ten", "fourteen"), ("v3", "ten", "fourteen")]  # v3 revisits v2
    assert [f["kind"] for f in report["findings"]] == ["number-changed"]


def compare_page(path, url) -> tuple[int, str, str]:
    """``variorum compare PATH --url URL``: its exit status, standard output and standard error."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main([str(path), "--url", url])
    return status, out.getvalue(), err.getvalue()


BRIDGE = ARTICLE_URL.removeprefix("https://www.")


@pytest.mark.parametrize("given", [
    f"http://www.{BRIDGE}",  # the scheme
    f"https://{BRIDGE}",  # no www.
    f"{ARTICLE_URL}/",  # a trailing slash
    f"{ARTICLE_URL}#comments",  # a place on the page
    f"{ARTICLE_URL}?utm_source=twitter&utm_medium=social",  # a link shared with campaign tags
    f"HTTPS://WWW.EXAMPLE-NEWS.COM/{BRIDGE.split('/', 1)[1]}",  # the host's letter case
    BRIDGE,  # copied from the address bar without the scheme
    f" <{ARTICLE_URL}> ",  # pasted with the brackets and spaces around it in an e-mail
])
def test_url_picks_the_page_however_its_address_is_written(tmp_path, given):
    status, out, err = compare_page(crawl(tmp_path), given)
    assert status == 0, err
    report = json.loads(out)
    assert [v["capture"]["target_uri"] for v in report["versions"]] == [ARTICLE_URL] * 3


@pytest.mark.parametrize("given", [
    f"{ARTICLE_URL}?page=2",  # another part of the article: a query that is not a campaign tag
    ARTICLE_URL.replace("/world/", "/World/"),  # servers tell paths by their letter case
    ARTICLE_URL.removesuffix("-closed"),
])
def test_url_of_another_address_picks_nothing(tmp_path, given):
    status, out, err = compare_page(crawl(tmp_path), given)
    assert status == 2 and out == ""
    assert f"This web archive holds no capture of {given.strip()}; it holds {ARTICLE_URL}, {OTHER_URL}." in err


def test_url_tells_pages_apart_by_their_query(tmp_path):
    pages = [(f"https://forum.example.org/thread.php?id={n}&sort=new", d, article_html(closed_days=days))
             for n, d, days in ((1, DATES[0], "ten"), (2, DATES[1], "two"), (1, DATES[2], "nine"))]
    path = tmp_path / "forum.warc.gz"
    path.write_bytes(build_warc(pages))
    status, out, err = compare_page(path, "https://forum.example.org/thread.php?sort=new&id=1")
    assert status == 0, err
    assert [v["capture"]["captured_at"] for v in json.loads(out)["versions"]] == [DATES[0], DATES[2]]


def test_markdown_and_html_reports_show_the_capture(tmp_path):
    saved = tmp_path / "wayback.html"
    saved.write_bytes(wayback_page(article_html(closed_days="ten"), original=ARTICLE_URL, stamp="20240301143210"))
    archive = tmp_path / "capture.warc.gz"
    archive.write_bytes(build_warc([(ARTICLE_URL, DATES[1], article_html(closed_days="fourteen"))]))
    md = run("compare", str(saved), str(archive), "--format", "md")
    assert md.returncode == 0, md.stderr
    assert "Web archive captures (chain of custody):" in md.stdout
    assert "- v1: captured: 2024-03-01T14:32:10Z; from: Wayback Machine; target URI: " in md.stdout
    assert "- v2: captured: 2024-03-04T10:30:00Z; from: WARC capture.warc.gz;" in md.stdout
    assert "payload digest: `sha1:" in md.stdout
    html = run("compare", str(saved), str(archive), "--format", "html")
    assert html.returncode == 0, html.stderr
    assert '<span class="k">Captured:</span> 2024-03-04T10:30:00Z' in html.stdout
    assert '<span class="k">Payload digest:</span>' in html.stdout



def test_the_pdf_report_prints_the_capture_as_it_is_written(tmp_path):
    """Identifiers are printed letter for letter: no "ff" or "ffi" drawn as one ligature, which a reader copying
    the record id or address out of the PDF would get as another character."""
    saved = tmp_path / "wayback.html"
    saved.write_bytes(wayback_page(article_html(closed_days="ten"), original=ARTICLE_URL, stamp="20240301143210"))
    traffic = "https://www.example-news.com/traffic/2024/03/04/office-staff-affected"
    record = "<urn:uuid:0ffe1d2c-affe-4ffa-9ff0-c0ffee0ff1ce>"
    archive = tmp_path / "capture.warc.gz"
    archive.write_bytes(build_warc([(traffic, DATES[1], article_html(closed_days="fourteen"))], record_ids=[record]))
    target = tmp_path / "report.pdf"
    out = run("compare", str(saved), str(archive), "--format", "pdf", "--output", str(target))
    assert out.returncode == 0, out.stderr
    digest = json.loads(run("compare", str(saved), str(archive)).stdout)["versions"][1]["capture"]["payload_digest"]
    # long values wrap inside the table's cells: compare the text without its spaces and line breaks
    text = "".join("".join(page.extract_text() for page in PdfReader(target).pages).split())
    assert "Captured2024-03-01T14:32:10Z·WaybackMachine·" + ARTICLE_URL in text
    assert f"Captured2024-03-04T10:30:00Z·WARCcapture.warc.gz·{traffic}Record{record}·payload{digest}" in text
