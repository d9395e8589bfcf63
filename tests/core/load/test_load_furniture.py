"""Page furniture and embeds are classified at load time: kept in the text, listed with a reason."""

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from variorum.core.load import load_bytes
from variorum.core.load.furniture import find_furniture

ARTICLE = ["The county opened three new cooling centres on Saturday as temperatures passed 40 degrees for the "
           "fourth day in a row, officials said.",
           "Libraries and community halls will stay open until midnight, and buses to the centres are free for "
           "anyone over 65, the county's emergency manager said.",
           "Hospitals reported 27 heat-related admissions since Wednesday, up from nine in the same period last "
           "summer."]


def _reasons(text):
    return [(f.reason, text[f.start:f.end]) for f in find_furniture(text)]


def test_an_embedded_post_and_its_attribution_are_one_embed():
    post = ("Cooling centres are open until midnight tonight. Stay hydrated and check on your neighbours. "
            "pic.twitter.com/Ab3dE9xYz\n\n— Harlow County OEM (@HarlowOEM) July 14, 2023")
    text = "\n\n".join([ARTICLE[0], post, ARTICLE[1]])
    assert _reasons(text) == [("embedded social post", post)]


def test_an_attribution_damaged_by_mojibake_is_still_recognised():
    text = ARTICLE[0] + "\n\nâ€” Harlow County OEM (@HarlowOEM) July 14, 2023\n\n" + ARTICLE[1]
    assert [r for r, _ in _reasons(text)] == ["embedded social post"]


def test_wire_copyright_newsletter_and_related_prompts():
    lines = ["Copyright 2023 The Associated Press. All rights reserved. This material may not be published, "
             "broadcast, rewritten or redistributed.",
             "Sign up for our Morning Brief newsletter to get the day's top stories in your inbox.",
             "More coverage:",
             "Follow us on Twitter for updates during the heat wave."]
    text = "\n\n".join(ARTICLE + lines)
    assert [r for r, _ in _reasons(text)] == ["wire agency copyright line", "newsletter box", "related links",
                                              "sharing buttons"]


def test_article_prose_about_social_media_and_newsletters_is_not_furniture():
    text = "\n\n".join(ARTICLE + [
        "Related article: County adds cooling buses after record heat",  # one link a copy may have lost
        "The county posted the list of centres on Twitter (@HarlowOEM) on Friday and in its weekly newsletter, "
        "which about 12,000 residents receive.",
        "Officials said the warning could be lifted by July 18, 2023 if temperatures drop."])
    assert _reasons(text) == []


def _page(body: str) -> bytes:
    return (f"<!doctype html><html><head><title>Heat wave</title></head><body>{body}</body></html>").encode()


def test_a_web_page_marks_its_embeds_and_sidebars_by_their_markup():
    tweet = ('<blockquote class="twitter-tweet"><p>Buses to the cooling centres are running every 20 minutes from '
             'the central station until late tonight.</p>&mdash; Harlow Transit (@HarlowTransit)</blockquote>')
    aside = ('<aside><h3>Most read</h3><ul><li><a href="/a">Council approves the new budget for parks and '
             'trails</a></li><li><a href="/b">School board elects a new chair after a long vote</a></li></ul>'
             '</aside>')
    body = "<article>" + "".join(f"<p>{p}</p>" for p in ARTICLE[:2]) + tweet + f"<p>{ARTICLE[2]}</p></article>"
    v = load_bytes(_page(body + aside), version_id="v1", label="heat.html")
    marked = [(f.reason, v.text[f.start:f.end]) for f in v.furniture]
    assert ("embedded social post", "Buses to the cooling centres are running every 20 minutes from the central "
            "station until late tonight.") in [(r, t.split("\n")[0]) for r, t in marked]
    assert all(p in v.text for p in ARTICLE)  # the article is whole, and nothing of it is furniture
    assert not any(f.start <= v.text.index(p) < f.end for p in ARTICLE for f in v.furniture)


def test_an_element_that_wraps_most_of_the_page_is_not_furniture_whatever_its_class():
    body = '<div class="article related-enabled">' + "".join(f"<p>{p}</p>" for p in ARTICLE) + "</div>"
    v = load_bytes(_page(body), version_id="v1", label="heat.html")
    assert v.furniture == ()


def test_wiki_image_syntax_templates_and_magic_words_are_furniture():
    markup = ["thumb|right|200px|Henry Moseley in 1914",
              "[[File:Moseley.jpg|thumb|upright=1.2|The laboratory at Manchester]]",
              "{{Infobox scientist | name = Henry Moseley}}",
              "{| class=\"wikitable\"\n|}",
              "__NOTOC__"]
    text = "\n\n".join([markup[0], ARTICLE[0], markup[1], ARTICLE[1], markup[2], ARTICLE[2], markup[3],
                        markup[4]])
    # neighbouring blocks of markup are one span
    assert _reasons(text) == [("wiki markup", m) for m in markup[:3]] + [("wiki markup", "\n\n".join(markup[3:]))]


def test_wiki_markup_in_lower_cased_exports_is_furniture_too():
    text = "\n\n".join(["thumb|left|150px|the harbour at weymouth", ARTICLE[0].lower()])
    assert [r for r, _ in _reasons(text)] == ["wiki markup"]


def test_prose_with_pipes_braces_or_image_words_is_not_wiki_markup():
    text = "\n\n".join(ARTICLE + [
        "Voters chose left|right options on the ballot, and the thumb drive held 200px previews, the clerk said.",
        "The survey asked: Yes | No | Unsure. About 40% chose the first answer.",
        "The file: a 12-page report {draft} sent to the council on Monday.",
        "Right turn only at the junction, the sign says, and a thumb rule applies."])
    assert _reasons(text) == []


def test_a_see_also_cross_reference_line_is_related_links():
    text = "\n\n".join([ARTICLE[0], "see also iraqi production and use of weapons of mass destruction.",
                        ARTICLE[1], "See also: List of heat waves in Europe"])
    assert [r for r, _ in _reasons(text)] == ["related links", "related links"]


def test_a_box_titled_most_popular_or_trending_is_related_links_whatever_its_class():
    import lxml.html

    from variorum.core.load.furniture import page_blocks

    box = ('<div class="module"><div class="moduleHeader"><h3>Trending On The Courier</h3></div>'
           '<div class="moduleBody"><h2><a href="/2023/07/20/parks">Parks budget approved</a></h2>'
           '<p>The council approved the parks budget after a short debate on Thursday.</p></div></div>')
    heading_in_story = "<h2>Most popular routes to the centres</h2>"  # a heading of the article, not a box label
    tree = lxml.html.document_fromstring(
        "<html><body><div class='story'>" + "".join(f"<p>{p}</p>" for p in ARTICLE) + heading_in_story +
        "<p>Bus line 4 and the river ferry carried the most riders to the centres on Saturday.</p></div>"
        f"<div class='column2'>{box}</div></body></html>")
    (words, reason), = page_blocks(tree)
    assert reason == "related links"
    assert words.startswith("trending on the courier") and words.endswith("after a short debate on thursday")


def test_a_teaser_closed_by_full_article_and_its_headline_are_related_links():
    teaser = ("Port hiring\n\nThe port authority expects to hire two hundred workers before the summer season "
              "begins. Full Article")
    text = "\n\n".join(ARTICLE + [teaser])
    assert _reasons(text) == [("related links", teaser)]


def test_prose_that_ends_with_reading_words_is_not_a_teaser():
    lines = ["The committee said it would keep the report open and continue reading.",
             "Residents can read more about the cooling centres on the county's website, officials said.",
             "Read more"]  # alone, a label: related links, but the paragraph before it stays the article's
    text = "\n\n".join(ARTICLE + lines)
    assert _reasons(text) == [("related links", "Read more")]


def test_a_subheading_of_the_article_that_reads_like_a_box_label_is_not_one():
    import lxml.html

    from variorum.core.load.furniture import page_blocks

    story = "".join(f"<p>{p}</p>" for p in ARTICLE)
    tree = lxml.html.document_fromstring(
        # a page whose menus hold more words than the short article
        "<html><body><nav>" + "".join(f"<a href='/s{i}'>Section number {i} of the site</a>" for i in range(40)) +
        "</nav><article>"
        f"{story}<h2>Latest news</h2><p>The county extended the hours of two centres on Sunday evening.</p>"
        "</article></body></html>")
    assert "related links" not in [reason for _words, reason in page_blocks(tree)]


def test_a_short_line_of_the_article_between_two_embedded_posts_stays_the_articles():
    posts = ["Cooling centres open until midnight. pic.twitter.com/Ab3dE9xYz",
             "— Harlow County OEM (@HarlowOEM) July 14, 2023",
             "He resigned.",
             "Buses run every 20 minutes tonight. pic.twitter.com/Qw8rT5uVb",
             "— Harlow Transit (@HarlowTransit) July 14, 2023"]
    text = "\n\n".join([ARTICLE[0], *posts, ARTICLE[1]])
    spans = [t for _r, t in _reasons(text)]
    assert len(spans) == 2 and all("He resigned." not in t for t in spans)


def test_a_short_story_with_a_related_heading_inside_is_not_a_box():
    import lxml.html

    from variorum.core.load.furniture import page_blocks

    story = "".join(f"<p>{p}</p>" for p in ARTICLE)
    tree = lxml.html.document_fromstring(
        "<html><body><nav>" + "".join(f"<a href='/s{i}'>Section number {i} of the site</a>" for i in range(40)) +
        f"</nav><div class='story'>{story}<h3>Related</h3><p><a href='/b'>Buses to the centres</a></p>"
        "</div></body></html>")
    assert "related links" not in [reason for _words, reason in page_blocks(tree)]


def test_a_box_titled_by_a_plain_element_is_related_links_too():
    import lxml.html

    from variorum.core.load.furniture import page_blocks

    items = "".join(f"<div><a href='/w{i}'>Storm story number {i}</a></div><div>June {i}, 2023 -- Updated</div>"
                    f"<div>What forecasters said about the storm on day {i}.</div>" for i in range(1, 8))
    box = f"<div class='coverage'><div class='hd'><div>Part of complete coverage on</div><div>Heat wave</div></div>{items}</div>"
    tree = lxml.html.document_fromstring(
        "<html><body><div class='story'>" + "".join(f"<p>{p}</p>" for p in ARTICLE * 4) +
        f"</div><div class='right'>{box}<script>var x = 'many words of code here';</script></div></body></html>")
    (words, reason), = page_blocks(tree)
    assert reason == "related links" and words.startswith("part of complete coverage on")


@pytest.mark.parametrize("named", ['id="Sidebar"', 'class="sponsor"', 'class="advert-slot"'])
def test_a_sponsor_line_in_an_element_named_sidebar_or_sponsor_is_furniture(named):
    article = '<div id="Main">' + "".join(f"<p>{p}</p>" for p in ARTICLE) + "</div>"
    box = (f'<div {named}><ul><li><a href="/archive">Archive</a></li></ul><div><p>Ship faster with '
           '<a href="https://ads.example/p">Pipeline Cloud</a>.</p></div></div>')
    v = load_bytes(_page(article + box), version_id="v1", label="heat.html")
    line = v.text.index("Ship faster with Pipeline Cloud.")
    assert any(f.start <= line < f.end for f in v.furniture)
    assert not any(f.start <= v.text.index(p) < f.end for p in ARTICLE for f in v.furniture)


def test_an_article_wrapped_in_a_layout_element_named_for_its_sidebar_is_not_furniture():
    body = '<div class="layout has-sidebar">' + "".join(f"<p>{p}</p>" for p in ARTICLE) + "</div>"
    v = load_bytes(_page(body), version_id="v1", label="heat.html")
    assert v.furniture == ()
    text = "\n\n".join(ARTICLE + ["The festival's main sponsor, a regional bank, paid for the free buses."])
    assert _reasons(text) == []


@pytest.mark.parametrize("line", ["News > Economy > Companies", "Home › World › Asia-Pacific",
                                  "Sport » Football » Premier League » Tottenham", "뉴스\u00a0>\u00a0사회\u00a0>\u00a0교육",
                                  "Accueil > Économie > Entreprises"])
def test_a_breadcrumb_trail_over_the_article_is_navigation(line):
    text = "\n\n".join([line, *ARTICLE])
    assert _reasons(text) == [("navigation", line)]


@pytest.mark.parametrize("line", ["Posted: 2021-06-03 14:20 | Updated: 2021-06-04 09:05",
                                  "입력 2021.06.03 14:20 수정 2021.06.04 09:05",
                                  "Updated: Jun. 4, 2021 at 9:05 a.m. ET",
                                  "Published Thursday, June 3, 2021, 2:20 PM EDT",
                                  "Veröffentlicht 03.06.2021, 14:20 | Aktualisiert 04.06.2021",
                                  "Publié le 03/06/2021 à 14:20, mis à jour le 04/06/2021 à 09:05"])
def test_a_line_of_posted_and_updated_times_is_article_information(line):
    text = "\n\n".join([ARTICLE[0], line, *ARTICLE[1:]])
    assert _reasons(text) == [("article information", line)]


@pytest.mark.parametrize("line", [
    "Costs > revenue > reserves, the auditor warned in a letter to the council on Friday.",  # a sentence with ">"
    "Ridership rose > 5 % in May > 7 % in June > 9 % in July.",  # figures, not sections
    "Home > Newsroom",  # two crumbs: too little to tell
    "The council meets again on June 10, 2021 at 6:30 p.m. in the town hall.",  # a date in a sentence
    "Updated figures: 2021-06-04, 27 admissions",  # a figure beside the date
    "Posted on June 3, 2021 by Maria Ocampo",  # a byline: the metadata checks read it
    "Deadline for comments: June 30, 2021",  # a date the article states
])
def test_prose_with_dates_or_arrows_is_not_a_breadcrumb_or_article_information(line):
    text = "\n\n".join([ARTICLE[0], line, *ARTICLE[1:]])
    assert _reasons(text) == []


@pytest.mark.parametrize("notice", [
    "™ & © 2019 Harbor News Service, Inc., a Lakeside Media Company. All rights reserved.",
    "Metro-Wire\n© 2021 Metro Wire LLC. All rights reserved.",
    "江南日报版权声明：本网所有文字、图片未经书面授权，禁止转载，违者必究。",
    "版權聲明：本站內容未經許可不得轉載。",
])
def test_a_site_s_or_wire_s_copyright_notice_is_a_legal_notice(notice):
    text = "\n\n".join([*ARTICLE, notice])
    assert [r for r, _ in _reasons(text)] == ["legal notice"]


@pytest.mark.parametrize("line", ["京ICP备12345678号-2", "沪ICP证020123号", "粤网文[2019]1234-056号",
                                  "京公网安备 11010502012345号", "浙ICP备10045678号 | 浙公网安备 33010602001234号"])
def test_a_line_of_chinese_licence_numbers_is_a_legal_notice(line):
    text = "\n\n".join([*ARTICLE, line])
    assert _reasons(text) == [("legal notice", line)]


@pytest.mark.parametrize("para", [
    # a notice the article quotes, after a line of its own
    "The station's statement on Friday read:\n© 2020 KXYZ. All rights reserved.",
    # prose about copyright and licences
    "该公司表示，未经授权禁止转载其作品的网站将被起诉，违者必究。",
    "版权声明：本文由作者授权发布。",  # a label without a ban on reproduction
    "网站的备案号京ICP备12345678号-2已于去年注销，监管部门说。",
    "The regulator revoked 42 ICP licences last year, including 京ICP备12345678号-2, officials said.",
])
def test_prose_about_copyright_or_licences_is_not_a_legal_notice(para):
    text = "\n\n".join([*ARTICLE, para])
    assert _reasons(text) == []


def _blocks_of(body: str) -> list[tuple[str, str]]:
    import lxml.html

    from variorum.core.load.furniture import page_blocks

    return page_blocks(lxml.html.document_fromstring(f"<html><body>{body}</body></html>"))


def _must_reads(label: str) -> str:
    links = "".join(f"<li><span>Council story {i} </span><a href='/story-{i}'>about the budget vote</a></li>\n"
                    for i in range(1, 7))
    return f"<div class='recirc'><h2>{label}</h2>\n<ul>{links}</ul></div>"


STORY = "".join(f"<p>{p}</p>\n" for p in ARTICLE * 3)  # a box is a small share of its page


@pytest.mark.parametrize("label", ["More Must-Reads From The Courier", "Must Reads"])
def test_a_must_reads_box_after_the_article_in_its_main_is_related_links(label):
    (words, reason), = _blocks_of(f"<main><article>{STORY}</article>{_must_reads(label)}</main>")
    assert reason == "related links"
    assert words.startswith(label.lower().replace("-", " ")) and words.endswith("story 6 about the budget vote")


def test_a_must_reads_section_inside_the_article_or_a_main_without_one_is_not_a_box():
    assert _blocks_of(f"<main><article>{STORY}{_must_reads('Must Reads')}</article></main>") == []
    assert _blocks_of(f"<main>{STORY}{_must_reads('Must Reads')}</main>") == []  # a <main> without <article>


@pytest.mark.parametrize("line", ["North Korea09:31 August 20, 2019", "Politics14:05 2021-06-03",
                                  "Business Day2021.06.03 09:12"])
def test_a_section_name_run_into_the_time_and_date_is_article_information(line):
    text = "\n\n".join([ARTICLE[0], line, *ARTICLE[1:]])
    assert _reasons(text) == [("article information", line)]


@pytest.mark.parametrize("line", [
    "North Korea fired two missiles at 09:31 on August 20, 2019.",  # a sentence with a time and date
    "Route 6609:31 departures resumed on June 3, 2021",  # figures run together, no section name
    "Talks in Seoul09:31 August 20, 2019 ended without a deal",  # words after the date
    "the summit09:31 August 20, 2019",  # not a capitalised name
])
def test_a_sentence_with_a_time_and_date_is_not_a_glued_section_label(line):
    text = "\n\n".join([ARTICLE[0], line, *ARTICLE[1:]])
    assert _reasons(text) == []


@given(st.lists(st.sampled_from(["FULL", "Full", "article", "STORY", "coverage", "Continue", "reading", "READ",
                                 "more", "the", "ſtory", "artıcle", "word", " ", "\n", "»", "…"]),
                max_size=24).map(" ".join))
@example("word word word word word word word FULL ARTICLE »")
@example("word word word word word word Continue reading …")
def test_a_teaser_s_link_words_hold_full_or_read(para):
    from variorum.core.load.furniture import _TEASER
    from variorum.core.normalize import lower

    if _TEASER.search(para):
        assert "full" in lower(para) or "read" in lower(para)


@given(st.lists(st.sampled_from(["thumb", "|", "right", "200px", "[[", "File:", "{{", "}}", "{|", "|}", "__",
                                 "NOTOC", "x", " ", "\n", "[", "]", "{", "}", "Caption"]), min_size=1, max_size=25)
       .map("".join))
def test_a_paragraph_of_wiki_markup_always_holds_a_mark_the_test_looks_for_first(para):
    from variorum.core.load.furniture import _WIKI_MARKS, _WIKI_MARKUP

    lines = [ln.strip() for ln in para.splitlines() if ln.strip()]
    if lines and all(_WIKI_MARKUP.match(ln) for ln in lines):
        assert any(mark in para for mark in _WIKI_MARKS)
