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
               other: list[tuple[str, str, bytes, str]] = (), missing: tuple[int, ...] = (),
               gzip: bool = True, record_ids: list[str] = ()) -> bytes:
    """A WARC (warcio) holding ``captures`` (address, WARC-Date, HTML) as 200 responses, each with its request, then
    ``other`` responses (address, date, body, content type), then ``revisits`` (address, date, index of the capture
    repeated) as identical-payload-digest revisit records. The captures numbered in ``missing`` are left out of the
    file (their revisits then point to nothing); the first captures get the ``record_ids`` given (else warcio's)."""
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gzip)
    writer.write_record(writer.create_warcinfo_record("capture.warc", {"software": "test builder"}))
    written = []
    for n, (uri, date, html) in enumerate(captures):
        req = writer.create_warc_record(uri, "request", payload=io.BytesIO(b""), length=0,
                                        http_headers=StatusAndHeaders("GET / HTTP/1.1", [("Host", "example")],
                                                                      is_http_request=True),
                                        warc_headers_dict={"WARC-Date": date})
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        headers = {"WARC-Date": date, **({"WARC-Record-ID": record_ids[n]} if n < len(record_ids) else {})}
        rec = writer.create_warc_record(uri, "response", payload=io.BytesIO(html), length=len(html), http_headers=http,
                                        warc_headers_dict=headers)
        if n not in missing:
            writer.write_record(req)
            writer.write_record(rec)
        written.append(rec)
    for uri, date, body, ctype in other:
        http = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body), length=len(body),
                                                      http_headers=http,
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


def wayback_page(html: bytes, *, original: str, stamp: str) -> bytes:
    """``html`` as the Wayback Machine serves it and a browser saves it: playback scripts and styles in the head,
    the toolbar at the top of the body, every link rewritten into the archive, the archive's closing comment."""
    page = html.decode()
    prefix = f"https://web.archive.org/web/{stamp}/"
    site = original.split("/", 3)[:3]
    root = "/".join(site)
    page = page.replace('href="/', f'href="/web/{stamp}/{root}/')
    page = page.replace('href="https://', f'href="{prefix}https://')
    head = f"""<head><script type="text/javascript" src="https://web-static.archive.org/_static/js/bundle-playback.js?v=t1Bf4PY_" charset="utf-8"></script>
<script type="text/javascript" src="https://web-static.archive.org/_static/js/wombat.js?v=txqj7nKC" charset="utf-8"></script>
<script>window.RufflePlayer=window.RufflePlayer||{{}};window.RufflePlayer.config={{"autoplay":"on","unmuteOverlay":"hidden"}};</script>
<script type="text/javascript" src="https://web-static.archive.org/_static/js/ruffle/ruffle.js"></script>
<script type="text/javascript">
    __wm.init("https://web.archive.org/web");
  __wm.wombat("{original}","{stamp}","https://web.archive.org/","web","https://web-static.archive.org/_static/",
              "1709285530");
</script>
<link rel="stylesheet" type="text/css" href="https://web-static.archive.org/_static/css/banner-styles.css?v=S1zqJCYt" />
<link rel="stylesheet" type="text/css" href="https://web-static.archive.org/_static/css/iconochive.css?v=3PDvdIFv" />
<!-- End Wayback Rewrite JS Include -->
"""
    toolbar = f"""<body><!-- BEGIN WAYBACK TOOLBAR INSERT -->
<script>__wm.rw(0);</script>
<div id="wm-ipp-base" lang="en" style="display:none;direction:ltr;">
<div id="wm-ipp" style="position:fixed;left:0;top:0;right:0;">
<div id="wm-ipp-inside">
  <div style="position:relative;">
    <div id="wm-logo" style="float:left;width:110px;top:12px;">
      <a href="/web/" title="Wayback Machine home page"><img src="https://web-static.archive.org/_static/images/toolbar/wayback-toolbar-logo-200.png" srcset="https://web-static.archive.org/_static/images/toolbar/wayback-toolbar-logo-100.png, https://web-static.archive.org/_static/images/toolbar/wayback-toolbar-logo-150.png 1.5x, https://web-static.archive.org/_static/images/toolbar/wayback-toolbar-logo-200.png 2x" alt="Wayback Machine" style="width:100px" border="0" /></a>
    </div>
    <div class="r" style="float:right;">
      <div id="wm-btns" style="text-align:right;height:25px;">
        <div id="wm-save-snapshot-success">success</div>
        <div id="wm-save-snapshot-fail">fail</div>
        <a id="wm-save-snapshot-open" href="#" title="Share via My Web Archive"><span class="iconochive-web"></span></a>
        <a href="https://archive.org/account/login.php" title="Sign In" id="wm-sign-in"><span class="iconochive-person"></span></a>
        <span id="wm-save-snapshot-in-progress" class="iconochive-web"></span>
        <a class="wm-btn wm-closed" href="#close" title="Close the toolbar">Close</a>
      </div>
      <div id="wm-share" style="display: flex;">
        <a href="/web/{stamp}/http://web.archive.org/screenshot/{original}" id="wm-screenshot" title="screenshot">
          <span class="wm-icon-screen-shot"></span></a>
        <a href="#" id="wm-video" title="video"><span class="iconochive-movies"></span></a>
        <a id="wm-share-facebook" href="#" data-url="https://web.archive.org/web/{stamp}/{original}" title="Share on Facebook"><span class="iconochive-facebook"></span></a>
        <a id="wm-share-twitter" href="#" data-url="https://web.archive.org/web/{stamp}/{original}" title="Share on Twitter"><span class="iconochive-twitter"></span></a>
      </div>
      <div style="padding-right:2px;text-align:right;white-space:nowrap;">
        <a id="wm-expand" class="wm-btn wm-closed" href="#expand"><span id="wm-expand-icon" class="iconochive-down-solid"></span> <span style="font-size:80%">About this capture</span></a>
      </div>
    </div>
    <table class="c" style="">
      <tbody><tr>
        <td class="u" colspan="2">
          <form target="_top" method="get" action="/web/submit" name="wmtb" id="wmtb"><input type="text" name="url" id="wmtbURL" value="{original}" onfocus="this.focus();this.select();" /><input type="hidden" name="type" value="replay" /><input type="hidden" name="date" value="{stamp}" /><input type="submit" value="Go" /></form>
        </td>
        <td class="n" rowspan="2" style="width:110px;">
          <table><tbody>
            <tr class="m"><td class="b" nowrap="nowrap"><a href="https://web.archive.org/web/20240229110200/{original}" title="29 Feb 2024"><strong>FEB</strong></a></td>
              <td class="c" id="displayMonthEl" title="You are here: {stamp[8:10]}:{stamp[10:12]}:{stamp[12:14]} Mar {int(stamp[6:8])}, {stamp[:4]}">MAR</td>
              <td class="f" nowrap="nowrap">APR</td></tr>
            <tr class="d"><td class="b" nowrap="nowrap"><a href="https://web.archive.org/web/20240229110200/{original}" title="11:02:00 Feb 29, 2024"><img src="https://web-static.archive.org/_static/images/toolbar/wm_tb_prv_on.png" alt="Previous capture" width="14" height="16" border="0" /></a></td>
              <td class="c" id="displayDayEl" style="width:34px;font-size:22px;white-space:nowrap;" title="You are here: {stamp[8:10]}:{stamp[10:12]}:{stamp[12:14]} Mar {int(stamp[6:8])}, {stamp[:4]}">{int(stamp[6:8]):02d}</td>
              <td class="f" nowrap="nowrap"><img src="https://web-static.archive.org/_static/images/toolbar/wm_tb_nxt_off.png" alt="Next capture" width="14" height="16" border="0" /></td></tr>
            <tr class="y"><td class="b" nowrap="nowrap">2023</td><td class="c" id="displayYearEl" title="You are here: {stamp[8:10]}:{stamp[10:12]}:{stamp[12:14]} Mar {int(stamp[6:8])}, {stamp[:4]}">{stamp[:4]}</td><td class="f" nowrap="nowrap">2025</td></tr>
          </tbody></table>
        </td>
      </tr>
      <tr>
        <td class="s">
          <div id="wm-nav-captures">
            <a class="t" href="/web/{stamp}*/{original}" title="See a list of every capture for this URL">3 captures</a>
            <div class="r" title="Timespan for captures of this URL">29 Feb 2024 - {int(stamp[6:8]):02d} Mar 2024</div>
          </div>
        </td>
        <td class="k"><a href="" id="wm-graph-anchor"><div id="wm-ipp-sparkline" title="Explore captures for this URL" style="position: relative"><canvas class="sparkline" width="525" height="27"></canvas></div></a></td>
      </tr>
    </tbody></table>
    <div id="wm-capinfo" style="border-top:1px solid #777;display:none; overflow: hidden">
      <div id="wm-capinfo-collected-by">
        <div style="background-color:#666;color:#fff;font-weight:bold;text-align:center">COLLECTED BY</div>
        <div style="padding:3px;position:relative" id="wm-collected-by-content">
          <div style="display:inline-block;vertical-align:top;width:50%;">
            <span class="c-logo" style="background-image:url(https://archive.org/services/img/liveweb);"></span>
            Organization: <a style="color:#33f;" href="https://archive.org/details/liveweb" target="_new"><span class="wm-title">Internet Archive</span></a>
            <div style="max-height:75px;overflow:hidden;position:relative;">
              <div style="position:absolute;top:0;left:0;width:100%;height:75px;background:linear-gradient(to bottom,rgba(255,255,255,0) 0%,rgba(255,255,255,0) 90%,rgba(255,255,255,255) 100%);"></div>
              The Internet Archive discovers and captures web pages through many different web crawls.
            </div>
            Collection: <a style="color:#33f;" href="https://archive.org/details/mega002" target="_new"><span class="wm-title">Save Page Now Outlinks</span></a>
          </div>
        </div>
      </div>
      <div id="wm-capinfo-timestamps">
        <div style="background-color:#666;color:#fff;font-weight:bold;text-align:center" title="timestamps">TIMESTAMPS</div>
        <div>
          <div id="wm-capresources" style="margin:0 5px 5px 5px;max-height:250px;overflow-y:scroll !important"></div>
          <div id="wm-capresources-loading" style="text-align:left;margin:0 20px 5px 5px;display:none"><img src="https://web-static.archive.org/_static/images/loading.gif" alt="loading" /></div>
        </div>
      </div>
    </div></div></div></div></div>
<div id="wm-ipp-print">The Wayback Machine - https://web.archive.org/web/{stamp}/{original}</div>
<script type="text/javascript">//<![CDATA[
__wm.bt(750,27,25,2,"web","{original}","{stamp}",1996,"https://web-static.archive.org/_static/",["https://web-static.archive.org/_static/css/banner-styles.css?v=S1zqJCYt","https://web-static.archive.org/_static/css/iconochive.css?v=3PDvdIFv"], false);
  __wm.rw(1);
//]]></script>
<!-- END WAYBACK TOOLBAR INSERT -->
"""
    page = page.replace("<head>", head, 1).replace("<body>", toolbar, 1)
    when = f"{stamp[8:10]}:{stamp[10:12]}:{stamp[12:14]} Mar {stamp[6:8]}, {stamp[:4]}"
    page += f"""<!--
     FILE ARCHIVED ON {when} AND RETRIEVED FROM THE
     INTERNET ARCHIVE ON 09:14:27 Apr 02, 2024.
     JAVASCRIPT APPENDED BY WAYBACK MACHINE, COPYRIGHT INTERNET ARCHIVE.

     ALL OTHER CONTENT MAY ALSO BE PROTECTED BY COPYRIGHT (17 U.S.C.
     SECTION 108(a)(3)).
-->
<!--
playback timings (ms):
  captures_list: 0.717
  exclusion.robots: 0.026
  RedisCDXSource: 2.518
  load_resource: 229.402
-->"""
    return page.encode()


def archive_today_page(*, original: str, captured: str, short_id: str = "Xy7Qe") -> bytes:
    """An article as archive.today serves and a browser saves it: the archive's own head (its metadata dated with
    the capture), the HEADER bar with the saved-from address and capture time, the page flattened into styled
    divs, every link pointing to ``https://archive.ph/o/<id>/<original>``."""
    day = captured[:10]
    shown = f"{int(day[8:10])} Mar {day[:4]} {captured[11:19]} UTC"
    archived = f"https://archive.ph/{short_id}"
    related = "https://www.example-news.com/world/2024/02/20/storm-warning"
    return f"""<!DOCTYPE html><html prefix="og: http://ogp.me/ns# article: http://ogp.me/ns/article#" itemscope=""
itemtype="http://schema.org/Article" style="background-color:#eeeeee"><head>
<meta http-equiv="Content-Type" content="text/html;charset=utf-8"/>
<meta name="robots" content="index,noarchive"/>
<meta itemprop="dateModified" content="{captured}"/>
<meta property="article:modified_time" content="{captured}"/>
<meta itemprop="datePublished" content="{captured}"/>
<meta property="article:published_time" content="{captured}"/>
<meta itemprop="url" content="{archived}"/>
<meta property="og:url" content="{archived}"/>
<meta itemprop="name" content="Harbour bridge closed after storm damage | Example News"/>
<meta property="og:title" content="Harbour bridge closed after storm damage | Example News"/>
<meta itemprop="description" content="archived {shown}"/>
<meta property="og:description" content="archived {shown}"/>
<meta property="og:site_name" content="archive.ph"/>
<meta property="og:type" content="article"/>
<link rel="canonical" href="{archived}"/>
<link rel="icon" href="https://archive.ph/favicon.ico"/>
<title>Harbour bridge closed after storm damage | Example News</title>
<style>body{{margin:0}}</style>
</head><body style="margin:0;padding:0;background-color:#eeeeee">
<center><div id="HEADER" style="position:relative;z-index:2147483647;min-width:1028px;border-bottom:1px solid #888">
<table style="width:1028px;font-size:10px" border="0" cellspacing="0" cellpadding="0"><tr>
<td rowspan="2" style="width:110px;text-align:center;vertical-align:middle"><a href="https://archive.ph/" style="font-size:14px;color:#1e4780">archive.today</a><br/>webpage capture</td>
<td style="font-weight:bold;padding:3px 0 0 9px">Saved from</td>
<td style="padding:3px 0 0 4px"><form action="https://archive.ph/search/" method="get" style="margin:0"><input style="width:590px" type="text" name="q" value="{original}"/><input type="submit" value="search"/></form></td>
<td style="padding:3px 4px 0 4px;text-align:right">history</td>
<td style="padding:3px 0 0 0"><a href="https://archive.ph/20240229110200/{original}">&#8592; prior</a></td>
<td style="padding:3px 0 0 0">next &#8594;</td>
</tr><tr>
<td colspan="5" style="padding:0 0 0 9px"><span style="font-weight:bold">{shown}</span> from host <a href="https://archive.ph/{original.split('/')[2]}">{original.split('/')[2]}</a>
&#160;<a href="https://archive.ph/{short_id}/image">Webpage Screenshot</a>
&#160;<a href="https://archive.ph/download/{short_id}.zip">download .zip</a>
&#160;<a href="https://archive.ph/{short_id}/share">share</a> <a href="https://archive.ph/report/{short_id}">report bug or abuse</a>
<time itemprop="pubdate" datetime="{captured}" style="display:none">{shown}</time></td>
</tr></table></div></center>
<div id="CONTENT" style="position:relative;width:1028px;margin:0 auto;background-color:#ffffff">
<div class="html1" style="text-align:left;overflow-x:auto;overflow-y:auto;background-color:#ffffff">
<div style="padding:8px 16px;font-size:13px"><a href="https://archive.ph/o/{short_id}/https://www.example-news.com/" style="color:#000">Home</a> <a href="https://archive.ph/o/{short_id}/https://www.example-news.com/world" style="color:#000">World</a></div>
<div style="margin:0 auto;max-width:720px">
<h1 style="font-size:32px;font-weight:700">Harbour bridge closed after storm damage</h1>
<p style="color:#555">By Maria Jensen</p>
<p style="font-size:18px;line-height:28px">The harbour bridge will stay closed for ten days after Tuesday's storm damaged two of its cables,
the city's transport office said on Friday. Engineers inspected the structure overnight.</p>
<p style="font-size:18px;line-height:28px">Commuters were told to use the ferry, which will run every twenty minutes from six in the morning. The storm
had been <a href="https://archive.ph/o/{short_id}/{related}" style="color:#0645ad">forecast a week earlier</a> by the national weather service.</p>
<p style="font-size:18px;line-height:28px">The mayor said repairs would be paid for from the city's emergency fund and that no tolls would be charged
while the bridge is closed.</p>
</div></div></div>
</body></html>""".encode()
