"""One-sided metadata is silence, not a discrepancy: a field is missing only where the version's format would
carry it (a page's <head>, Markdown front matter, document properties) or where the other versions state it in
their text."""

from variorum.core.compare import compare_versions
from variorum.core.load import load_bytes
from variorum.core.metadata.people import person_byline
from variorum.core.model import Options

BODY = ("<p>Harbour officials said on Tuesday that the ferry terminal would close for repairs through the end of "
        "the summer season, leaving commuters to find other routes.</p>"
        "<p>The closure follows an inspection that found cracks in two of the concrete piers supporting the "
        "passenger walkway above the water.</p>"
        "<p>Residents of the island said the replacement bus service would add nearly an hour to the trip.</p>")
FIELDS = ("title-mismatch", "date-mismatch", "byline-mismatch", "credit-mismatch")


def _page(head: str, body: str = BODY) -> bytes:
    return f"<!doctype html><html><head>{head}</head><body><article>{body}</article></body></html>".encode()


HEAD = ('<title>Ferry terminal to close for summer repairs</title>'
        '<meta property="og:title" content="Ferry terminal to close for summer repairs">'
        '<meta property="article:published_time" content="2022-06-14T08:00:00Z">'
        '<meta name="author" content="Marta Lindqvist">')
PLAIN = ("Harbour officials said on Tuesday that the ferry terminal would close for repairs through the end of the "
         "summer season, leaving commuters to find other routes.\n\nThe closure follows an inspection that found "
         "cracks in two of the concrete piers supporting the passenger walkway above the water.\n\nResidents of the "
         "island said the replacement bus service would add nearly an hour to the trip.")


def _run(*files: tuple[str, bytes]):
    versions = [load_bytes(raw, version_id=f"v{i}", label=name) for i, (name, raw) in enumerate(files, start=1)]
    return compare_versions(versions, options=Options(base="v1"))


def _metadata_findings(c):
    return [f for f in c.findings if f.kind in FIELDS]


def test_page_against_its_plain_text_body_is_quiet():
    c = _run(("page.html", _page(HEAD)), ("body.txt", PLAIN.encode()))
    assert c.version("v1").metadata.carrier == "<head>" and c.version("v2").metadata.carrier is None
    assert _metadata_findings(c) == []


def test_page_against_an_extracted_fragment_without_head_is_quiet():
    fragment = f"<div>{BODY}</div>".encode()
    c = _run(("page.html", _page(HEAD)), ("extracted.html", fragment))
    assert c.version("v2").metadata.carrier is None
    assert _metadata_findings(c) == []


def test_two_pages_with_a_head_still_report_a_dropped_byline_and_date():
    other = _page("<title>Ferry terminal to close for summer repairs</title>")
    c = _run(("page.html", _page(HEAD)), ("later.html", other))
    kinds = sorted(f.kind for f in _metadata_findings(c))
    assert kinds == ["byline-mismatch", "date-mismatch"]
    assert all("missing from v2" in f.message for f in _metadata_findings(c))


def test_markdown_front_matter_carries_metadata():
    md = b"---\ntitle: Ferry terminal to close for summer repairs\n---\n\n" + PLAIN.encode()
    c = _run(("page.html", _page(HEAD)), ("copy.md", md))
    assert c.version("v2").metadata.carrier == "front matter"
    assert sorted(f.kind for f in _metadata_findings(c)) == ["byline-mismatch", "date-mismatch"]


def test_a_dateline_in_the_text_is_missed_from_a_plain_copy():
    # stated in the text, the date could have been in the other copy's text too: that is a real absence
    c = _run(("a.txt", ("June 14, 2022\n\n" + PLAIN).encode()), ("b.txt", PLAIN.encode()))
    (f,) = _metadata_findings(c)
    assert f.kind == "date-mismatch" and "missing from v2" in f.message


def test_author_fields_that_name_no_person_are_no_byline():
    for author in ("@harbourdesk", "HARBOUR TIMES STAFF JUNE 14, 2022 10:43", "The Harbour Times"):
        head = (f'<meta property="og:site_name" content="The Harbour Times"><meta name="author" content="{author}">'
                '<title>Ferry terminal to close</title>')
        c = _run(("page.html", _page(head)), ("later.html", _page("<title>Ferry terminal to close</title>")))
        assert c.version("v1").metadata.byline is None, author
        assert _metadata_findings(c) == []


def test_an_organisation_as_json_ld_author_is_no_byline():
    ld = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Ferry terminal to close", '
          '"author": {"@type": "Organization", "name": "Harbour Broadcasting"}}</script>')
    c = _run(("page.html", _page(ld + "<title>Ferry terminal to close</title>")), ("b.txt", PLAIN.encode()))
    assert c.version("v1").metadata.byline is None


def test_person_byline():
    assert person_byline("Marta Lindqvist") == "Marta Lindqvist"
    assert person_byline("Marta Lindqvist and Tomás O'Neill") == "Marta Lindqvist and Tomás O'Neill"
    assert person_byline("JANE DOE NOVEMBER 3, 2021 09:15") == "JANE DOE"
    assert person_byline("Jean-Paul Martin, 12/03/2021") == "Jean-Paul Martin"
    assert person_byline("@janedoe") is None
    assert person_byline("jane@example.org") is None
    assert person_byline("News Desk") is None
    assert person_byline("Harbour Times Staff") is None
    assert person_byline("The Harbour Times", site_name="The  Harbour Times") is None
    assert person_byline("A very long string that is a sentence rather than a name") is None


def test_credit_text_is_a_credit_not_a_caption_fragment():
    from variorum.core.metadata.people import credit_text

    assert credit_text("Marta Lindqvist/Harbour Times") == "Marta Lindqvist/Harbour Times"
    assert credit_text("Photo by Jane Doe for The Harbour Times") == "Photo by Jane Doe for The Harbour Times"
    assert credit_text("© Tomás O'Neill") == "© Tomás O'Neill"
    caption = "Commuters wait for the replacement bus at the pier on Tuesday. (Marta Lindqvist/Harbour Times)"
    assert credit_text(caption) == "Marta Lindqvist/Harbour Times"
    assert credit_text("Commuters wait for the replacement bus at the pier, officials said") is None
    assert credit_text("Harbour Police (@harbourpolice)") is None


def test_a_caption_in_a_credit_element_yields_only_its_credit():
    head = "<title>Ferry terminal to close</title>"
    fig = ('<figure><img src="p.jpg"><figcaption><span class="credit">Commuters queue at the pier as repairs begin, '
           'the harbour authority said</span></figcaption></figure>')
    c = _run(("page.html", _page(head, BODY + fig)), ("later.html", _page(head)))
    assert c.version("v1").metadata.credits == ()


def test_a_handle_is_no_photo_credit():
    from variorum.core.metadata import text_metadata

    text = PLAIN + "\n\nWaves over the pier wall on Monday. Photo: @harbourwatcher"
    assert [f.value for f in text_metadata(text).credits] == []
    text = PLAIN + "\n\nWaves over the pier wall on Monday. Photo: Marta Lindqvist"
    assert [f.value for f in text_metadata(text).credits] == ["Marta Lindqvist"]


def test_a_page_heading_does_not_make_a_plain_copy_owe_a_title():
    # the page's text opens with its heading because the extractor put it there; the copy is an article body
    body = "<h1>Ferry Terminal to Close for Summer Repairs</h1>" + BODY
    copy = ("Ferry terminal closes for the summer\n\n" + PLAIN).encode()
    for page in (_page("", body), f"<html><body><article>{body}</article></body></html>".encode()):
        c = _run(("page.html", page), ("body.txt", copy))
        assert [f for f in _metadata_findings(c) if f.kind == "title-mismatch"] == []



def test_a_plain_copy_lacking_the_title_line_another_plain_copy_has_still_lacks_it():
    c = _run(("a.txt", ("Ferry Terminal to Close for Summer Repairs\n\n" + PLAIN).encode()), ("b.txt", PLAIN.encode()))
    assert [f.kind for f in _metadata_findings(c)] == ["title-mismatch"]


def test_a_page_that_closes_its_head_early_still_has_one():
    # the <title> and <meta> tags written after </head>: the parser puts them in the body, the page still has them
    raw = ("<html><head><script>var tracking = 1;</script></head><body><div class='ad'></div>"
           f"{HEAD}<article>{BODY}</article></body></html>").encode()
    c = _run(("page.html", raw), ("body.txt", PLAIN.encode()))
    assert c.version("v1").metadata.carrier == "<head>"
    assert _metadata_findings(c) == []


def test_microdata_inside_an_extracted_fragment_is_not_a_head():
    fragment = (f'<div><meta itemprop="datePublished" content="2022-06-14">{BODY}</div>').encode()
    c = _run(("page.html", _page(HEAD)), ("extracted.html", fragment))
    assert c.version("v2").metadata.carrier is None


def test_a_dateline_in_a_web_pages_text_does_not_make_its_plain_text_body_owe_a_date():
    # the page's date is only in the line over the article (its <head> has a title, no date); the article body
    # copied as plain text starts with the first paragraph
    page = _page("<title>Ferry terminal to close for summer repairs</title>",
                 "<p class='dateline'>June 14, 2022</p>" + BODY)
    c = _run(("page.html", page), ("body.txt", PLAIN.encode()))
    assert [f for f in c.findings if f.kind == "date-mismatch"] == []


def test_a_dateline_one_plain_text_has_and_another_lacks_is_still_missing():
    c = _run(("dated.txt", ("June 14, 2022\n\n" + PLAIN).encode()), ("body.txt", PLAIN.encode()))
    (f,) = [f for f in c.findings if f.kind == "date-mismatch"]
    assert f.severity == "low" and "missing from v2" in f.message


JSON_MD = ('```json\n{\n  "title": "Ferry terminal to close for summer repairs",\n  "author": "Marta Lindqvist",\n'
           '  "published": "2022-06-14T00:00:00+00:00"\n}\n```\n\n' + PLAIN + "\n").encode()
BARE_HEAD = "<title>Ferry terminal to close for summer repairs</title>"


def _page_with_posted_line(posted: str) -> bytes:
    return (f"<!doctype html><html><head>{BARE_HEAD}</head><body><nav><a href='/'>Home</a> <a href='/news'>News</a>"
            f"</nav><div class='entry-meta'>{posted}</div><article>{BODY}</article>"
            "<footer>Proudly powered by a blog engine</footer></body></html>").encode()


def test_a_byline_and_date_the_page_shows_around_the_article_are_not_missing_from_it():
    page = _page_with_posted_line("Posted on June 14, 2022 by Marta Lindqvist")
    c = _run(("page.html", page), ("clip.md", JSON_MD))
    assert c.version("v2").metadata.byline == "Marta Lindqvist"
    assert _metadata_findings(c) == []


def test_a_page_that_shows_neither_the_byline_nor_the_date_still_lacks_them():
    page = _page_with_posted_line("Filed under Local news")
    c = _run(("page.html", page), ("clip.md", JSON_MD))
    assert sorted(f.kind for f in _metadata_findings(c)) == ["byline-mismatch", "date-mismatch"]
    assert all("missing from v1" in f.message for f in _metadata_findings(c))
