"""Saved web pages: the article body, its links, and what the page says about itself."""

from __future__ import annotations

from variorum.core.load import load_bytes

ARTICLE = """<!doctype html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Kremlin Says No Need for Military Help - The Daily Example</title>
<meta property="og:title" content="Kremlin Says No Need for Military Help">
<meta property="og:url" content="https://news.example.com/2020/08/19/kremlin-no-need">
<meta property="article:published_time" content="2020-08-19T12:38:00+03:00">
<meta name="author" content="By Jane Roe">
<link rel="canonical" href="https://news.example.com/2020/08/19/kremlin-no-need">
<script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [
  {"@type": "WebSite", "name": "The Daily Example"},
  {"@type": "NewsArticle", "headline": "Kremlin Says No Need (JSON-LD)",
   "datePublished": "2020-08-19T09:38:00Z", "dateModified": "2020-08-20T10:00:00Z",
   "author": [{"@type": "Person", "name": "Jane Roe"}, {"@type": "Person", "name": "John Doe"}]}
]}
</script>
<style>body { color: red }</style>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article>
<h1>Kremlin Says No Need for Military Help</h1>
<p class="byline">By <a rel="author" href="/authors/jane">Jane Roe</a></p>
<time datetime="2020-08-19">Aug. 19, 2020</time>
<p>The Kremlin said Wednesday that events in Belarus did not yet warrant Russia&rsquo;s military involvement,
while Russia&rsquo;s foreign minister admitted shortcomings in the disputed presidential elections.</p>
<p>Both, however, criticized alleged foreign interference in the post-Soviet country's affairs following major
protests against Belarusian President Alexander Lukashenko&rsquo;s claim to victory on Aug. 9.</p>
<p>Related article: <a href="/2025/02/21/belarus-opposition-urges-eu">Belarus Opposition Urges EU to Reject
Vote</a></p>
<p>&ldquo;No one is making a secret of it,&rdquo; Lavrov said, according to the
<a href="https://www.rbc.example/politics">RBC news website</a>.</p>
<script>document.write("not text")</script>
</article>
<footer><p>&copy; 2020 The Daily Example. All rights reserved. Privacy policy. Cookie settings.</p></footer>
</body></html>
"""


def load(page: str | bytes, name: str = "saved.html"):
    raw = page.encode("utf-8") if isinstance(page, str) else page
    return load_bytes(raw, version_id="v1", label=name)


def test_article_body_without_furniture():
    v = load(ARTICLE)
    assert v.ok and v.format == "html" and v.encoding == "utf-8"
    assert "The Kremlin said Wednesday that events in Belarus did not yet warrant Russia’s military involvement" \
        in v.text
    assert "Related article: Belarus Opposition Urges EU to Reject Vote" in v.text
    for furniture in ("Sport", "All rights reserved", "not text", "color: red"):
        assert furniture not in v.text
    # paragraphs are separated by one blank line
    assert "presidential elections.\n\nBoth, however" in v.text


def test_links_keep_anchor_text_offsets_and_absolute_targets():
    v = load(ARTICLE)
    by_text = {link.text: link for link in v.metadata.links}
    related = by_text["Belarus Opposition Urges EU to Reject Vote"]
    assert related.url == "https://news.example.com/2025/02/21/belarus-opposition-urges-eu"
    assert by_text["RBC news website"].url == "https://www.rbc.example/politics"
    for link in v.metadata.links:
        assert v.text[link.start:link.end] == link.text


def test_metadata_from_og_jsonld_time_and_canonical():
    m = load(ARTICLE).metadata
    assert m.title == "Kremlin Says No Need for Military Help"
    assert m.published == "2020-08-19T12:38:00+03:00"
    assert m.modified == "2020-08-20T10:00:00+00:00"
    assert m.byline == "Jane Roe"
    assert m.url == "https://news.example.com/2020/08/19/kremlin-no-need"
    assert dict(m.sources) == {"title": "og:title", "published": "article:published_time",
                               "modified": "JSON-LD dateModified", "byline": "meta author",
                               "url": "canonical link"}


def test_fallbacks_jsonld_then_time_then_title():
    page = """<html><head><title>Only The Title Tag</title>
    <script type="application/ld+json">{"@type": "Article", "author": {"name": "A. Writer"},
      "url": "https://e.example/a"}</script></head>
    <body><article><p>Body text of the article that is long enough to be kept by the extractor, with several
    sentences. Another sentence follows here. And a third one for good measure.</p>
    <p>Published <time datetime="2017-09-29T10:00">Friday</time></p></article></body></html>"""
    m = load(page).metadata
    assert (m.title, m.published, m.byline, m.url) == ("Only The Title Tag", "2017-09-29T10:00:00", "A. Writer",
                                                       "https://e.example/a")
    assert dict(m.sources) == {"title": "<title>", "published": "<time datetime>", "byline": "JSON-LD author",
                               "url": "JSON-LD url"}


def test_byline_element_and_meta_date():
    page = """<html><head><meta name="date" content="September 29, 2017"></head><body>
    <div class="story"><span class="byline">By Ann Other</span>
    <p>The story text, long enough to count as an article paragraph for the extractor to keep it.</p></div>
    </body></html>"""
    m = load(page).metadata
    assert (m.published, m.byline) == ("2017-09-29", "Ann Other")
    assert m.source_of("published") == "meta date" and m.source_of("byline") == ".byline"


def test_meta_charset_is_honoured():
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"></head>'
            "<body><p>Кремль заявил, что события в Белоруссии пока не требуют участия.</p></body></html>")
    v = load(page.encode("cp1251"))
    assert v.encoding == "cp1251"
    assert "Кремль заявил" in v.text


def test_wrong_meta_charset_falls_back_to_detection():
    page = '<html><head><meta charset="ascii"></head><body><p>Caf\u00e9 cr\u00e8me, d\u00e9j\u00e0 servi.</p></body></html>'
    v = load(page.encode("utf-8"))
    assert v.encoding == "utf-8" and "Café crème, déjà servi." in v.text


def test_utf16_page_with_bom():
    v = load("\ufeff<html><body><p>Hello “world”, said the page.</p></body></html>".encode("utf-16-le")
             .replace(b"\xff\xfe\xff\xfe", b"\xff\xfe"))
    assert v.encoding == "utf-16-le" and "Hello “world”, said the page." in v.text


def test_xml_declaration_is_not_a_problem():
    v = load('<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml">'
             "<body><p>An XHTML page.</p></body></html>", name="page.xhtml")
    assert v.ok and v.text == "An XHTML page."


def test_malformed_html_still_gives_text():
    v = load(b"<html><body><div><p>Unclosed paragraph <b>bold <i>italic</p></span></div>"
             b"<p>Second &amp; last paragraph &bogus; here")
    assert v.ok
    assert "Unclosed paragraph bold italic" in v.text
    assert "Second & last paragraph &bogus; here" in v.text


def test_page_without_article_uses_whole_body_and_says_so():
    v = load("<html><body><aside>Only a <a href='https://e.example/x'>sidebar</a> here.</aside></body></html>")
    assert v.text == "Only a sidebar here."
    assert [(link.text, link.url) for link in v.metadata.links] == [("sidebar", "https://e.example/x")]
    assert v.warnings == ("No article body was recognised on this page; the whole page text is compared, "
                          "menus and footers included.",)


def test_page_with_no_text():
    v = load("<html><head><title>t</title></head><body><img src='x.png'></body></html>")
    assert v.error == "No text could be extracted from this file."


def test_mojibake_is_warned_about():
    page = ("<html><body><article><p>The Nation\u00e2\u0080\u0099s critical energy infrastructure is "
            "described in this long paragraph so that the extractor keeps it as the article body.</p>"
            "</article></body></html>")
    v = load(page)
    # the invisible C1 controls are shown as the Windows-1252 characters they stood for, so nothing is lost
    assert "The Nation\u00e2\u20ac\u2122s critical energy" in v.text
    assert ("The page contains mis-decoded characters (mojibake) such as 'Nation\u00e2\u20ac\u2122s', meant as "
            "'Nation’s': it was saved or published with the wrong encoding. Such words are compared as they are."
            ) in v.warnings


def test_extractor_dropping_most_of_the_page_is_warned_about():
    menu = "".join(f"<li><a href='/s{i}'>Section number {i} of the site</a></li>" for i in range(80))
    page = (f"<html><body><ul>{menu}</ul><article><p>{'The article is short but real. ' * 6}</p></article>"
            "</body></html>")
    v = load(page)
    assert v.ok
    assert any(w.startswith("The article extractor kept only ") for w in v.warnings)


def test_binary_named_html():
    v = load(bytes(range(256)) * 8)
    assert v.error == "This looks like a binary file, not a web page; it cannot be compared."


def test_nothing_is_fetched(monkeypatch):
    import socket

    def refuse(*args, **kwargs):
        raise AssertionError("a network connection was attempted")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    page = ARTICLE.replace("<article>", '<article><img src="https://img.example/photo.jpg">'
                                        '<iframe src="https://video.example/embed"></iframe>')
    assert load(page).ok


def test_latin1_label_reads_as_windows_1252_like_a_browser():
    page = ('<html><head><meta charset="iso-8859-1"></head><body><p>\u201cQuoted\u201d \u2013 caf\u00e9 '
            '\u20ac5</p></body></html>')
    v = load(page.encode("cp1252"))
    assert v.encoding == "cp1252" and "\u201cQuoted\u201d \u2013 caf\u00e9 \u20ac5" in v.text


def test_undeclared_legacy_page_is_detected():
    page = ("<html><body><p>Le caf\u00e9 \u00e9tait ferm\u00e9, et l'\u00e9t\u00e9 d\u00e9j\u00e0 l\u00e0. "
            "O\u00f9 est pass\u00e9 le gar\u00e7on ?</p></body></html>")
    v = load(page.encode("cp1252"))
    assert v.encoding == "cp1252" and "d\u00e9j\u00e0 l\u00e0" in v.text


def test_photo_credits():
    page = ARTICLE.replace("<h1>", '<figure><img src="p.jpg"><figcaption>Protesters in Minsk. '
                                   '<span class="photo-credit">Dmitri Lovetsky / AP / TASS</span></figcaption>'
                                   "</figure><h1>")
    v = load(page)
    assert v.metadata.credits == ("Dmitri Lovetsky / AP / TASS",)
    assert v.metadata.source_of("credits") == ".credit"
    # the caption is part of the text, where the reader sees it
    assert "Protesters in Minsk. Dmitri Lovetsky / AP / TASS\n\nKremlin Says No Need for Military Help" in v.text


def test_credits_from_jsonld_image():
    page = ARTICLE.replace('"datePublished"', '"image": {"@type": "ImageObject", "url": "https://i.example/p.jpg", '
                                              '"creditText": "Reuters"}, "datePublished"')
    m = load(page).metadata
    assert m.credits == ("Reuters",) and m.source_of("credits") == "JSON-LD image credit"


def test_deeply_nested_page():
    deep = "<div>" * 300 + "<p>Text three hundred levels down.</p>" + "</div>" * 300
    assert "Text three hundred levels down." in load(f"<html><body>{deep}</body></html>").text
    too_deep = "<div>" * 2100 + "<p>Lost.</p>" + "</div>" * 2100
    v = load(f"<html><body><p>Kept before the abyss.</p>{too_deep}</body></html>")
    assert v.text == "Kept before the abyss."
    assert v.warnings == ("This page is nested more than 2048 elements deep (it is probably damaged or machine-made) "
                          "and was read only up to that depth.",)
    v = load(f"<html><body>{too_deep}</body></html>")
    assert v.error == ("This page is nested more than 2048 elements deep (it is probably damaged or machine-made) "
                       "and cannot be read.")


def _mhtml(page: str, *, charset: str | None = None) -> bytes:
    """A single-file web page as Chromium saves it: a MIME message with the page quoted-printable."""
    import quopri

    body = quopri.encodestring(page.encode(charset or "utf-8")).decode("ascii")
    content_type = f'text/html; charset="{charset}"' if charset else "text/html"
    return (
        "From: <Saved by Blink>\r\n"
        "Snapshot-Content-Location: https://news.example.com/2020/08/19/kremlin-no-need\r\n"
        "Subject: Kremlin Says No Need\r\n"
        "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="----MultipartBoundary--x----"\r\n'
        "\r\n"
        "------MultipartBoundary--x----\r\n"
        f"Content-Type: {content_type}\r\n"
        "Content-ID: <frame-1@mhtml.blink>\r\n"
        "Content-Transfer-Encoding: quoted-printable\r\n"
        "Content-Location: https://news.example.com/2020/08/19/kremlin-no-need\r\n"
        "\r\n"
        f"{body}\r\n"
        "------MultipartBoundary--x----\r\n"
        "Content-Type: image/png\r\n"
        "Content-Transfer-Encoding: base64\r\n"
        "Content-Location: https://news.example.com/photo.png\r\n"
        "\r\n"
        "iVBORw0KGgo=\r\n"
        "------MultipartBoundary--x------\r\n"
    ).encode("ascii")


def test_single_file_web_page_mhtml():
    page = ARTICLE.replace('<link rel="canonical" href="https://news.example.com/2020/08/19/kremlin-no-need">', "")
    page = page.replace('<meta property="og:url" content="https://news.example.com/2020/08/19/kremlin-no-need">', "")
    v = load(_mhtml(page), name="saved.mhtml")
    assert v.ok and v.format == "html" and v.encoding == "utf-8"
    assert "warrant Russia’s military involvement" in v.text
    assert v.metadata.title == "Kremlin Says No Need for Military Help"
    # the page names no address of its own; the address it was saved from stands in
    assert (v.metadata.url, v.metadata.source_of("url")) == ("https://news.example.com/2020/08/19/kremlin-no-need",
                                                             "MHTML Content-Location")
    related = next(link for link in v.metadata.links if link.text.startswith("Belarus Opposition"))
    assert related.url == "https://news.example.com/2025/02/21/belarus-opposition-urges-eu"


def test_mhtml_charset_from_the_mime_part():
    page = "<html><body><p>Кремль заявил, что события в Белоруссии пока не требуют участия.</p></body></html>"
    v = load(_mhtml(page, charset="windows-1251"), name="saved.mht")
    assert v.encoding == "cp1251" and "Кремль заявил" in v.text


def test_mhtml_without_a_page():
    raw = (b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\n"
           b"Content-Type: image/png\r\n\r\nxx\r\n--b--\r\n")
    v = load(raw, name="empty.mhtml")
    assert v.error == "This single-file web page (MHTML) holds no HTML page."
