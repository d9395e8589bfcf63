def _findings(c):
    return [f for f in c.findings if f.kind == "title-mismatch"]


def test_different_titles_are_medium(compare_texts, body):
    (f,) = _findings(compare_texts("# Bridge Opens Next Spring\n\n" + body, "# Bridge Delayed Again\n\n" + body))
    assert f.severity == "medium"
    assert "'Bridge Opens Next Spring'" in f.message and "'Bridge Delayed Again'" in f.message
    assert [(e.version, e.text) for e in f.evidence] == [("v1", "Bridge Opens Next Spring"),
                                                         ("v2", "Bridge Delayed Again")]


def test_title_missing_from_a_copy_is_low(compare_texts, body):
    (f,) = _findings(compare_texts("# Bridge Opens Next Spring\n\n" + body, body))
    assert f.severity == "low" and "missing from v2" in f.message


def test_site_name_quotes_and_case_do_not_count(compare_texts, body):
    a = "# Mayor Says 'No Delay' on Bridge\n\n" + body
    b = "# Mayor says “no delay” on bridge | The Riverside Times\n\n" + body
    assert _findings(compare_texts(a, b)) == []


def test_title_present_in_the_text_of_the_other_version_is_not_missing(compare_texts, body):
    a = "# Bridge Opens Next Spring\n\n" + body
    b = "Bridge opens next spring, officials say after long delays.\n\n" + body
    assert _findings(compare_texts(a, b)) == []


def test_two_headlines_under_one_site_name_differ(compare_texts, body):
    a = "# The Riverside Times | Bridge Opens Next Spring\n\n" + body
    b = "# The Riverside Times | Bridge Delayed Again\n\n" + body
    (f,) = _findings(compare_texts(a, b))
    assert f.severity == "medium"


def test_same_headline_under_two_site_names_agrees(compare_texts, body):
    a = "# Bridge Opens Next Spring After Years of Delay | The Riverside Times\n\n" + body
    b = "# Bridge Opens Next Spring After Years of Delay - Valley News\n\n" + body
    assert _findings(compare_texts(a, b)) == []



def test_a_headline_cut_short_agrees_with_the_headline_it_begins(body):
    import dataclasses

    from variorum.core.compare import compare_versions
    from variorum.core.load import load_pasted
    from variorum.core.model import Metadata

    def page(vid, title):
        v = load_pasted(body, version_id=vid)
        return dataclasses.replace(v, metadata=Metadata(title=title, sources=(("title", "og:title"),)))

    full = page("v2", "Bridge Opens Next Spring After Years of Delays | The Daily")
    cut = compare_versions([page("v1", "Bridge Opens Next Spring After Years…"), full])
    assert [f for f in cut.findings if f.kind == "title-mismatch"] == []
    other = compare_versions([page("v1", "Bridge Closes Next Spring After Years…"), full])
    assert [f.kind for f in other.findings if f.kind == "title-mismatch"] == ["title-mismatch"]
