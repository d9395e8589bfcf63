"""A passage the article extractor left out of a web page is not missing from that page."""

from variorum.core.compare import compare_versions
from variorum.core.load import load_bytes
from variorum.core.model import Options

PARAS = ["The regional water board voted on Thursday to raise rates by 6 percent from next January, citing the cost "
         "of replacing pipes laid in the 1950s.",
         "Board members said the increase would add about four dollars to a typical monthly bill for households "
         "in the district.",
         "Several residents spoke against the plan at the meeting, saying the board had not explained where the "
         "money from the last increase went.",
         "The board said it would publish a detailed spending report before the new rates take effect."]
BOX = "Water rates by district: North 2.1, South 2.4, East 1.9 dollars per cubic metre, according to the board."


def _page(article: str, outside: str = "") -> bytes:
    return ("<!doctype html><html><head><title>Water rates rise</title></head><body>"
            f"<article>{article}</article>{outside}</body></html>").encode()


def _paras(items):
    return "".join(f"<p>{p}</p>" for p in items)


def _missing(*raws):
    versions = [load_bytes(raw, version_id=f"v{i}", label=f"v{i}.{'html' if raw.startswith(b'<') else 'txt'}")
                for i, raw in enumerate(raws, start=1)]
    c = compare_versions(versions, options=Options(base="v1"))
    return c, [f for f in c.findings if f.kind == "passage-missing"]


def test_a_box_the_extractor_dropped_is_found_on_the_page():
    plain = "\n\n".join(PARAS[:2] + [BOX] + PARAS[2:]).encode()
    # the page shows the box in a table of its own, outside the article: the extractor leaves it out
    table = f"<table class='factbox'><tr><td>{BOX}</td></tr></table>"
    c, found = _missing(plain, _page(_paras(PARAS), table))
    v2 = c.version("v2")
    assert BOX not in v2.text and v2.page_text is not None and "Water rates by district" in v2.page_text
    assert found == []


def test_a_passage_the_page_really_lacks_is_still_missing():
    plain = "\n\n".join(PARAS).encode()
    _c, found = _missing(plain, _page(_paras(PARAS[:2] + PARAS[3:])))
    (f,) = found
    assert "Several residents spoke against the plan" in f.message and "missing from v2" in f.message


def test_a_plain_text_copy_has_no_page_to_look_in():
    page = _page(_paras(PARAS[:2] + [BOX] + PARAS[2:]))
    plain = "\n\n".join(PARAS).encode()
    _c, found = _missing(page, plain)
    (f,) = found
    assert "Water rates by district" in f.message


def test_a_page_s_breadcrumb_and_posted_updated_line_are_not_missing_from_its_extraction():
    head = ("<p class='crumbs'>News &gt; Local &gt; Utilities</p><h1>Water rates rise</h1>"
            "<p class='stamp'>Posted 2021-06-03 14:20 | Updated 2021-06-04 09:05</p>")
    plain = "\n\n".join(PARAS).encode()
    c, found = _missing(_page(head + _paras(PARAS)), plain)
    assert "News > Local > Utilities" in c.version("v1").text
    assert found == []


def test_a_dropped_paragraph_under_a_breadcrumb_is_still_missing():
    head = "<p>News &gt; Local &gt; Utilities</p><p>Posted 2021-06-03 14:20 | Updated 2021-06-04 09:05</p>"
    plain = "\n\n".join(PARAS[:2] + PARAS[3:]).encode()
    _c, found = _missing(_page(head + _paras(PARAS)), plain)
    (f,) = found
    assert "Several residents spoke" in f.message and "Posted" not in f.message and "News" not in f.message


MENU = ("<nav><ul><li>Water board news</li><li>Local rates and bills</li><li>District meetings</li></ul>"
        "<ul><li>About the board reporters</li><li>Contact the district desk</li></ul></nav>")
TITLED = "<!doctype html><html><head><title>Water rates rise 6 percent | Harbour Daily</title></head>"


def _titled_page(article: str, outside: str = "") -> bytes:
    return f"{TITLED}<body><article>{article}</article>{outside}</body></html>".encode()


def test_a_copy_of_the_whole_page_is_not_more_than_the_page():
    # an extractor's copy of the whole page: the window's title first, the menus laid out as lines of items (the
    # footer's first); the copy also lost the article's last paragraph, which is what it lacks
    plain = "\n\n".join(["Water rates rise 6 percent | Harbour Daily",
                         "* About the board reporters, * Contact the district desk,",
                         "* Water board news, * Local rates and bills, * District meetings,", *PARAS[:3]]).encode()
    _c, found = _missing(_titled_page(_paras(PARAS), MENU), plain)
    (f,) = found
    assert "publish a detailed spending report" in f.message and "missing from v2" in f.message


def test_a_passage_made_of_paragraphs_the_page_does_not_all_have_is_still_missing():
    plain = "\n\n".join(["* Water board archive, * Letters on the rates,",
                         "* Water board news, * Local rates and bills, * District meetings,", *PARAS[:3]]).encode()
    _c, found = _missing(_titled_page(_paras(PARAS), MENU), plain)
    assert sorted("Letters on the rates" in f.message for f in found) == [False, True]


def test_words_a_copy_of_the_page_glued_together_are_still_the_page_s():
    related = ("<aside><h3>Harbour fees rise for the summer season</h3><p>Mooring fees at the town harbour will go up "
               "by a third for visiting boats from June.</p></aside>")
    plain = "\n\n".join([*PARAS[:3], "Harbour fees rise for the summer seasonMooring fees at the town harbour will go "
                         "up by a third for visiting boats from June."]).encode()
    _c, found = _missing(_titled_page(_paras(PARAS), related), plain)
    (f,) = found
    assert "publish a detailed spending report" in f.message
