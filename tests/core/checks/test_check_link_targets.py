def _findings(c):
    return [f for f in c.findings if f.kind == "link-target-mismatch"]


def test_same_anchor_two_real_targets_is_medium(compare_texts, body):
    a = body + "\n\nRead more: [Council Approves Bridge](https://example.org/council-approves-bridge)"
    b = body + "\n\nRead more: [Council Approves Bridge](https://example.org/council-rejects-bridge)"
    (f,) = _findings(compare_texts(a, b))
    assert f.severity == "medium" and f.versions == ("v1", "v2")
    assert "council-approves-bridge in v1" in f.message and "council-rejects-bridge in v2" in f.message
    assert [e.text for e in f.evidence] == ["Council Approves Bridge", "Council Approves Bridge"]


def test_placeholder_against_a_bare_url_whose_slug_spells_the_anchor(compare_texts, body):
    a = body + "\n\nRelated: [Council Approves Bridge Plan](#)"
    b = body + "\n\nRelated: Council Approves Bridge Plan\n\nhttps://example.org/news/council-approves-bridge-plan-a123"
    (f,) = _findings(compare_texts(a, b))
    assert f.severity == "low" and "placeholder '#'" in f.message
    assert {(e.version, e.text) for e in f.evidence} == {
        ("v1", "Council Approves Bridge Plan"), ("v2", "Council Approves Bridge Plan"),
        ("v2", "https://example.org/news/council-approves-bridge-plan-a123")}


def test_equivalent_urls_agree(compare_texts, body):
    a = body + "\n\n[Council Approves Bridge](https://www.example.org/council-approves-bridge/)"
    b = body + "\n\n[Council Approves Bridge](http://example.org/council-approves-bridge?utm_source=feed)"
    assert _findings(compare_texts(a, b)) == []


def test_link_only_one_version_keeps_is_not_a_mismatch(compare_texts, body):
    # plain-text copies drop links as a matter of course
    a = body.replace("regional council", "[regional council](https://example.org/council)")
    assert _findings(compare_texts(a, body)) == []


def test_related_coverage_is_not_compared_on_links(compare_texts, body):
    other = ("Residents of the two river towns voted against the bridge on Sunday, the regional council said. "
             "[Council Approves Bridge](https://example.org/other-target)")
    a = body + "\n\n[Council Approves Bridge](https://example.org/council-approves-bridge)"
    assert _findings(compare_texts(a, other)) == []


def test_a_relative_link_resolved_against_a_placeholder_host_is_the_same_target(compare_texts, body):
    # an extraction resolves relative links against a stand-in host; the saved page against its own address
    a = body + "\n\nSee [the earlier report](https://www.citynews.example/politics/bridge-vote-2031.html?page=2)"
    b = body + "\n\nSee [the earlier report](http://fakehost/politics/bridge-vote-2031.html?page=2)"
    assert _findings(compare_texts(a, b)) == []


def test_a_relative_link_resolved_against_the_pages_own_address_is_the_same_target(compare_texts, body):
    a = ("---\ntitle: Bridge vote\nurl: https://citynews.example/politics/bridge-vote\n---\n\n" + body
         + "\n\nSee [the earlier report](https://citynews.example/politics/bridge-vote-2031.html)")
    b = body + "\n\nSee [the earlier report](https://archive.example/politics/bridge-vote-2031.html)"
    assert _findings(compare_texts(a, b)) == []


def test_the_same_path_on_two_unrelated_hosts_still_reports(compare_texts, body):
    a = body + "\n\nSee [the earlier report](https://citynews.example/politics/bridge-vote-2031.html)"
    b = body + "\n\nSee [the earlier report](https://rumourmill.example/politics/bridge-vote-2031.html)"
    (f,) = _findings(compare_texts(a, b))
    assert f.severity == "medium"


def test_a_changed_path_against_a_placeholder_host_still_reports(compare_texts, body):
    a = body + "\n\nSee [the earlier report](https://citynews.example/politics/bridge-vote-2031.html)"
    b = body + "\n\nSee [the earlier report](http://fakehost/politics/bridge-rejected-2031.html)"
    assert len(_findings(compare_texts(a, b))) == 1


def test_each_bare_link_to_one_address_takes_the_passage_its_slug_spells_outside_itself():
    from variorum.core.checks.analysis import TextAnalysis
    from variorum.core.checks.anchors import anchor_of
    from variorum.core.load import load_pasted
    from variorum.core.model import Link

    url = "https://example.org/news/council-approves-bridge-plan"
    text = f"{url}\n\nCouncil approves bridge plan, the paper said.\n\n{url}\n\nCouncil Approves Bridge Plan"
    v = load_pasted(text, version_id="v1", label="v1")
    links = [Link(url, url, at, at + len(url)) for at in (0, v.text.rfind(url))]
    run = TextAnalysis(v.text)
    # the second link asks after the first: the run's matches are read on from where the first stopped
    found = [anchor_of(v, link, run) for link in links] + [anchor_of(v, link) for link in links]
    # the first match outside the link itself: for the second link, the first link's address
    expected = [("Council approves bridge plan", v.text.find("Council")), ("council-approves-bridge-plan", 25)]
    assert [(a.text, a.start) for a in found if a] == expected * 2
    (matches,) = run._matches.values()
    assert [m.group() for m in matches] == ["council-approves-bridge-plan", "Council approves bridge plan",
                                            "council-approves-bridge-plan", "Council Approves Bridge Plan"]
