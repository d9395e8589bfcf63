"""Furniture takes no part in the checks: an embedded post's date is no figure, a newsletter box no passage."""

ARTICLE = ("The county opened three new cooling centres on Saturday as temperatures passed 40 degrees for the "
           "fourth day in a row, officials said.\n\nLibraries and community halls will stay open until midnight, "
           "and buses to the centres are free for anyone over 65, the county's emergency manager said.\n\n")
POST = ("Check on elderly neighbours during the heat wave. pic.twitter.com/Qw7rT2bN\n\n"
        "— Harlow County OEM (@HarlowOEM) July {day}, 2023\n\n")
END = "Hospitals reported 27 heat-related admissions since Wednesday, up from nine in the same period last summer."


def test_the_date_of_an_embedded_post_is_not_a_changed_figure(compare_texts):
    c = compare_texts(ARTICLE + POST.format(day=14) + END, ARTICLE + POST.format(day=16) + END)
    assert c.findings == ()
    (d,) = [d for d in c.differences if d.base.text != d.other.text]
    assert d.cosmetic and d.category == "furniture"


def test_a_newsletter_box_one_copy_lacks_is_not_a_missing_passage(compare_texts):
    box = "Sign up for the Harlow Daily newsletter and get the morning's local headlines in your inbox.\n\n"
    c = compare_texts(ARTICLE + box + END, ARTICLE + END)
    assert [f.kind for f in c.findings] == []


def test_a_changed_figure_in_the_article_beside_an_embed_is_still_found(compare_texts):
    c = compare_texts(ARTICLE + POST.format(day=14) + END,
                      ARTICLE + POST.format(day=14) + END.replace("27", "31"))
    assert [f.kind for f in c.findings] == ["number-changed"]
