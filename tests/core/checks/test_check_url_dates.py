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
