"""Builders for web archive test files (WARC, WACZ, saved Wayback pages), written inside the tests."""

from __future__ import annotations

import io
import json
import zipfile

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ARTICLE_URL = "https://www.example-news.com/world/2024/03/01/harbour-bridge-closed"
OTHER_URL = "https://www.example-news.com/sport/2024/03/02/final-score"


def article_html(*, closed_days: str, title: str = "Harbour bridge closed after storm damage",
                 related: str = "https://www.example-news.com/world/2024/02/20/storm-warning") -> bytes:
    """A news page: navigation, the article with a link, a footer."""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | Example News</title>
<meta property="og:title" content="{title}">
<meta property="article:published_time" content="2024-03-01T08:00:00Z">
<link rel="canonical" href="{ARTICLE_URL}">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>{title}</h1>
<p class="byline">By Maria Jensen</p>
<p>The harbour bridge will stay closed for {closed_days} days after Tuesday's storm damaged two of its cables,
the city's transport office said on Friday. Engineers inspected the structure overnight.</p>
<p>Commuters were told to use the ferry, which will run every twenty minutes from six in the morning. The storm
had been <a href="{related}">forecast a week earlier</a> by the national weather service.</p>
<p>The mayor said repairs would be paid for from the city's emergency fund and that no tolls would be charged
while the bridge is closed.</p>
</article>
<footer>© 2024 Example News · <a href="/privacy">Privacy</a></footer>
</body></html>""".encode()


def build_warc(captures: list[tuple[str, str, bytes]], *, revisits: list[tuple[str, str, int]] = (),
               other: list[tuple[str, str, bytes, str]] = (), gzip: bool = True) -> bytes:
    """A WARC holding ``captures`` (address, WARC-Date, HTML) as 200 responses, each with its request, then
    ``other`` responses (address, date, body, content type), then ``revisits`` (address, date, index of the capture
    repeated) as identical-payload-digest revisit records."""
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gzip)
    writer.write_record(writer.create_warcinfo_record("capture.warc", {"software": "test builder"}))
    written = []
    for uri, date, html in captures:
        req = writer.create_warc_record(uri, "request", payload=io.BytesIO(b""),
                                        http_headers=StatusAndHeaders("GET / HTTP/1.1", [("Host", "example")],
                                                                      is_http_request=True),
                                        warc_headers_dict={"WARC-Date": date})
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        rec = writer.create_warc_record(uri, "response", payload=io.BytesIO(html), http_headers=http,
                                        warc_headers_dict={"WARC-Date": date})
        writer.write_record(req)
        writer.write_record(rec)
        written.append(rec)
    for uri, date, body, ctype in other:
        http = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=http,
                                                      warc_headers_dict={"WARC-Date": date}))
    for uri, date, index in revisits:
        original = written[index]
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        rec = writer.create_revisit_record(uri, original.rec_headers.get_header("WARC-Payload-Digest"),
                                           original.rec_headers.get_header("WARC-Target-URI"),
                                           original.rec_headers.get_header("WARC-Date"), http_headers=http,
                                           warc_headers_dict={"WARC-Date": date})
        writer.write_record(rec)
    return buf.getvalue()


def build_wacz(warc: bytes, pages: list[tuple[str, str, str]]) -> bytes:
    """A WACZ: the WARC under ``archive/``, ``pages/pages.jsonl`` listing (address, timestamp, title)."""
    buf = io.BytesIO()
    lines = [json.dumps({"format": "json-pages-1.0", "id": "pages", "title": "All Pages"})]
    lines += [json.dumps({"id": f"p{i}", "url": url, "ts": ts, "title": title})
              for i, (url, ts, title) in enumerate(pages)]
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as z:
        z.writestr("archive/data.warc.gz", warc)
        z.writestr("pages/pages.jsonl", "\n".join(lines) + "\n")
        z.writestr("datapackage.json", json.dumps({"profile": "data-package", "wacz_version": "1.1.1",
                                                   "resources": [{"name": "data.warc.gz",
                                                                  "path": "archive/data.warc.gz"}]}))
    return buf.getvalue()
