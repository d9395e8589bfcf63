def _findings(c):
    return [f for f in c.findings if f.kind == "url-date-mismatch"]


def test_link_dated_after_the_article_is_flagged_with_the_date_source(compare_texts, body):
    text = ("March 3, 2021\n\n" + body +
            "\n\nRead more: [Council Approves Bridge](https://example.org/2022/05/01/council-approves-bridge)")
    (f,) = _findings(compare_texts(text))
    assert f.severity == "high"
    assert "'Council Approves Bridge'" in f.message and "1 May 2022" in f.message and "3 Mar 2021" in f.message
    assert [e.text for e in f.evidence] == ["Council Approves Bridge", "March 3, 2021"]


def test_date_known_from_another_version_of_the_article(compare_texts, body):
    dated = "# Bridge Opens Next Spring\n\nMarch 3, 2021\n\n" + body
    undated = body + "\n\nhttps://example.org/2022/05/01/bridge-opens-next-spring"
    (f,) = _findings(compare_texts(dated, undated))
    assert f.versions == ("v1", "v2")
    ev = {(e.version, e.text) for e in f.evidence}
    assert ("v2", "https://example.org/2022/05/01/bridge-opens-next-spring") in ev
    assert ("v1", "March 3, 2021") in ev
    assert "from the dateline in v1" in f.message


def test_links_to_older_pages_are_normal(compare_texts, body):
    text = "March 3, 2021\n\n" + body + "\n\nBackground: https://example.org/2019/06/10/bridge-plan-unveiled"
    assert _findings(compare_texts(text)) == []


def test_next_day_url_is_not_a_contradiction(compare_texts, body):
    text = "March 3, 2021\n\n" + body + "\n\nhttps://example.org/2021/03/04/bridge-live-updates"
    assert _findings(compare_texts(text)) == []


def test_link_added_in_an_update_is_not_flagged(compare_texts, body):
    text = ("March 3, 2021\nUpdated March 9, 2021\n\n" + body +
            "\n\nhttps://example.org/2021/03/08/bridge-follow-up")
    assert _findings(compare_texts(text)) == []


def test_no_article_date_no_finding(compare_texts, body):
    assert _findings(compare_texts(body + "\n\nhttps://example.org/2025/02/21/x-y-z")) == []


def test_original_url_contradicting_the_dateline(compare_texts, body):
    text = "March 3, 2021\n\n" + body + "\n\nOriginal url: <https://example.org/2021/03/09/bridge>"
    (f,) = _findings(compare_texts(text))
    assert "original URL" in f.message and "9 Mar 2021" in f.message and "3 Mar 2021" in f.message
    assert [e.text for e in f.evidence] == ["https://example.org/2021/03/09/bridge", "March 3, 2021"]


def test_original_url_agreeing_with_the_dateline(compare_texts, body):
    text = "March 3, 2021\n\n" + body + "\n\nOriginal url: <https://example.org/2021/03/03/bridge>"
    assert _findings(compare_texts(text)) == []


def test_many_later_links_make_one_finding(compare_texts, body):
    links = "\n\n".join(f"[Newer story {i}](https://example.org/2022/0{i}/10/newer-story-{i})" for i in range(1, 7))
    (f,) = _findings(compare_texts("March 3, 2021\n\n" + body + "\n\n" + links))
    assert f.message.startswith("6 links in v1 point to URLs dated after the article (10 Jan 2022 to 10 Jun 2022)")
    assert len(f.evidence) == 7 and f.evidence[1].text == "March 3, 2021"


STORY = ("Officials said on Wednesday that the new bridge would open next spring after years of delays and cost "
         "overruns that angered residents of the two towns on either side of the river.",
         "The project, first proposed a decade ago, was approved by the regional council in a narrow vote after a "
         "long debate about its environmental impact on the wetlands nearby.")


def _saved_page(box: str) -> bytes:
    paras = "".join(f"<p>{p}</p>" for p in STORY)
    return ("<!doctype html><html><head><title>Bridge to open next spring</title>"
            '<link rel="canonical" href="https://example.org/2021/03/03/bridge-opens-next-spring">'
            f"</head><body><div class='story'><p>March 3, 2021</p>{paras}"
            '<p>The council\'s <a href="https://example.org/2021/05/01/council-vote">vote in May</a> was '
            f"announced later.</p>{box}</div></body></html>").encode()


def _page_findings(raw: bytes):
    from variorum.core.compare import compare_versions
    from variorum.core.load import load_bytes
    from variorum.core.model import Options

    return _findings(compare_versions([load_bytes(raw, version_id="v1", label="page.html")], options=Options()))


def test_newer_stories_in_a_box_beside_the_article_are_not_the_articles_links():
    # the page was saved weeks later: its "Most Popular" box and a teaser link to stories published since, which
    # the article extractor keeps with the story
    box = ('<div class="module"><div class="hd"><h3>Most Popular</h3></div><ul>'
           '<li><a href="https://example.org/2021/04/02/ferry-fares">Ferry fares rise again</a></li>'
           '<li><a href="https://example.org/2021/04/03/school-board">School board picks a new chair</a></li></ul></div>'
           '<div class="promo"><h2><a href="https://example.org/2021/04/05/port-jobs">Port Hiring</a></h2>'
           '<p>The port authority expects to hire two hundred workers before the summer season begins. '
           '<a href="https://example.org/2021/04/05/port-jobs">Full Article</a></p></div>')
    findings = _page_findings(_saved_page(box))
    # only the link inside the article's own prose is left
    assert [f.message.split("'")[1] for f in findings] == ["vote in May"]


def test_a_link_added_by_an_edit_note_dated_after_the_article_is_not_flagged(compare_texts, body):
    text = ("March 3, 2021\n\n" + body + "\n\n**2023-07-14 edit:** Added the [new timetable]"
            "(https://example.org/2023/07/10/bridge-timetable).")
    assert _findings(compare_texts(text)) == []


def test_an_edit_note_dated_before_the_link_still_leaves_it_flagged(compare_texts, body):
    text = ("March 3, 2021\n\n" + body + "\n\nEdited on April 2, 2021 to fix a typo. See the "
            "[new timetable](https://example.org/2023/07/10/bridge-timetable).")
    (f,) = _findings(compare_texts(text))
    assert "10 Jul 2023" in f.message


def test_a_later_date_in_the_article_that_is_not_an_edit_note_does_not_excuse_a_link(compare_texts, body):
    text = ("March 3, 2021\n\n" + body + "\n\nThe bridge is due to open on July 20, 2023, the council says. "
            "See the [timetable](https://example.org/2023/07/10/bridge-timetable).")
    (f,) = _findings(compare_texts(text))
    assert "10 Jul 2023" in f.message
