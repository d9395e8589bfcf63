CAPTION = "A view of the bridge under construction in the valley last year. John Smith / Reuters"


def _findings(c):
    return [f for f in c.findings if f.kind == "credit-mismatch"]


def test_different_photo_credits_are_medium(compare_texts, body):
    a = CAPTION + "\n\n" + body
    b = CAPTION.replace("John Smith / Reuters", "Jane Miller / AP") + "\n\n" + body
    (f,) = _findings(compare_texts(a, b))
    assert f.severity == "medium" and "photo credit" in f.message
    assert [e.text for e in f.evidence] == ["John Smith / Reuters", "Jane Miller / AP"]


def test_missing_reporting_credit_is_low(compare_texts, body):
    (f,) = _findings(compare_texts(body + "\n\nAFP contributed reporting.", body))
    assert f.severity == "low" and "'AFP contributed reporting.'" in f.message and "missing from v2" in f.message


def test_markup_around_a_credit_does_not_count(compare_texts, body):
    a = body + "\n\n*AFP contributed reporting.*"
    b = body + "\n\nAFP contributed reporting."
    assert _findings(compare_texts(a, b)) == []


def test_credit_lost_with_its_whole_caption_is_left_to_passage_missing(compare_texts, body):
    c = compare_texts(CAPTION + "\n\n" + body, body)
    assert _findings(c) == []
    (p,) = [f for f in c.findings if f.kind == "passage-missing"]
    assert "It carries the credit 'John Smith / Reuters'." in p.message


def test_caption_kept_but_credit_dropped_is_low(compare_texts, body):
    a = CAPTION + "\n\n" + body
    b = CAPTION.replace(" John Smith / Reuters", "") + "\n\n" + body
    (f,) = _findings(compare_texts(a, b))
    assert f.severity == "low" and "'John Smith / Reuters'" in f.message


def _page_and_text(credit_markup: str) -> tuple[bytes, bytes]:
    story = ("OSLO (Reuters) - Ferry services across the fjord were suspended on Friday after a storm damaged the "
             "main pier, the harbour authority said.\n\nRepairs are expected to take at least two weeks.")
    paras = "".join(f"<p>{p}</p>" for p in story.split("\n\n"))
    # the picture sits in a slideshow beside the article, so its caption is not part of the extracted body
    page = ("<!doctype html><html><head><title>Fjord ferries suspended</title></head><body>"
            f"<div class='slideshow'><img src='pier.jpg'><p>1 of 3. The damaged pier on Friday.</p>{credit_markup}"
            f"</div><article>{paras}</article></body></html>").encode()
    return page, story.encode()


def _run_files(*files: tuple[str, bytes]):
    from variorum.core.compare import compare_versions
    from variorum.core.load import load_bytes
    from variorum.core.model import Options

    versions = [load_bytes(raw, version_id=f"v{i}", label=name) for i, (name, raw) in enumerate(files, start=1)]
    return compare_versions(versions, options=Options(base="v1"))


def test_a_photo_credit_only_the_markup_names_is_not_the_stories_agency_credit():
    # "Credit: Agency/Photographer" under a picture and the "(Agency)" of the dateline are two kinds of credit
    page, text = _page_and_text('<p class="credit">Credit: Reuters/Stringer</p>')
    assert _findings(_run_files(("page.html", page), ("body.txt", text))) == []


def test_two_agencies_in_the_datelines_still_differ(compare_texts, body):
    a = "OSLO (Reuters) - " + body
    b = "OSLO (AP) - " + body
    (f,) = _findings(compare_texts(a, b))
    assert "agency credit differs" in f.message


def _story_page(extra: str = "") -> tuple[bytes, str]:
    story = ("OSLO - Ferry services across the fjord were suspended on Friday after a storm damaged the main pier, "
             "the harbour authority said.\n\nRepairs are expected to take at least two weeks, and buses will "
             "replace the ferries until then.")
    paras = "".join(f"<p>{p}</p>" for p in story.split("\n\n"))
    page = ("<!doctype html><html><head><title>Fjord ferries suspended</title></head><body>"
            f"<article>{paras}{extra}</article></body></html>").encode()
    return page, story


CONTRIBUTORS = "Maria Ortiz and Sam Lee of the Nordic Desk contributed to this report."


def test_a_credit_a_page_shows_is_not_missing_from_its_plain_text_extraction():
    page, story = _story_page(f"<p>{CONTRIBUTORS}</p>")
    assert _findings(_run_files(("page.html", page), ("body.txt", story.encode()))) == []


def test_a_credit_one_page_or_plain_text_shows_and_another_lacks_is_still_missing():
    page, story = _story_page(f"<p>{CONTRIBUTORS}</p>")
    bare, _story = _story_page()
    (f,) = _findings(_run_files(("page.html", page), ("other.html", bare)))
    assert "contributed to this report" in f.message and "missing from v2" in f.message
    (f,) = _findings(_run_files(("first.txt", f"{story}\n\n{CONTRIBUTORS}".encode()), ("body.txt", story.encode())))
    assert "missing from v2" in f.message
