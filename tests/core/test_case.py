"""The open case: one way to load files (ids, errors, folders), the user's choices and the latest comparison."""

from __future__ import annotations

import pytest

from variorum.core.case import BaseNotFound, Cancelled, Case, load_case
from variorum.core.load import EMPTY_FOLDER
from variorum.core.model import Options
from variorum.core.notes import Anchor, Note

ARTICLE = ("The council voted on Tuesday to keep the central library open until ten in the evening, after a "
           "survey in which most students asked for quiet study space in the evening. The change follows a "
           "year of shorter hours.")


@pytest.fixture
def files(tmp_path):
    paths = []
    for name, text in (("a.txt", ARTICLE), ("b.txt", ARTICLE.replace("ten", "nine")),
                       ("c.txt", ARTICLE.replace("Tuesday", "Monday"))):
        p = tmp_path / name
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    return paths


def test_ids_follow_load_order_across_files_folders_and_pasted_texts(tmp_path, files):
    folder = tmp_path / "more"
    folder.mkdir()
    (folder / "d2.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "d10.txt").write_text(ARTICLE, encoding="utf-8")
    case = load_case([files[0], folder], pasted=["a pasted text of several words"])
    assert [(v.id, v.label) for v in case.versions] == [
        ("v1", "a.txt"), ("v2", "d2.txt"), ("v3", "d10.txt"), ("v4", "Pasted text 1")]
    assert case.next_id == 5
    assert case.errors() == []


def test_every_unreadable_file_is_one_error_and_an_empty_folder_is_reported(tmp_path, files):
    empty_folder = tmp_path / "nothing here"
    empty_folder.mkdir()
    (empty_folder / "photo.gif").write_bytes(b"GIF89a")  # not a format Variorum reads
    empty_file = tmp_path / "empty.txt"
    empty_file.write_bytes(b"")
    case = load_case([files[0], empty_folder, empty_file, files[1]])
    assert [v.id for v in case.versions] == ["v1", "v2", "v3", "v4"]
    assert [(v.id, v.label, v.error) for v in case.errors()] == [
        ("v2", "nothing here", EMPTY_FOLDER), ("v3", "empty.txt", "The file is empty (0 bytes).")]
    assert [v.id for v in case.readable()] == ["v1", "v4"]


def test_adding_files_keeps_the_ids_of_the_versions_already_open(files):
    case = load_case(files[:2])
    first = list(case.versions)
    case.remove("v2")
    added = case.add([files[2]], ["pasted words"])
    assert [v.id for v in added] == ["v3", "v4"]
    assert case.versions[0] is first[0]
    assert [v.id for v in case.versions] == ["v1", "v3", "v4"]
    assert case.versions[-1].label == "Pasted text 1"
    case.add(pasted=["more pasted words"])
    assert case.versions[-1].label == "Pasted text 2"


def test_the_chosen_base_is_used_and_forgotten_when_its_version_goes(files):
    case = load_case(files)
    assert case.compare().base == "v1"
    case.choose_base("v3")
    assert case.compare().base == "v3"
    assert case.options == Options(base="v3")
    case.remove("v3")
    assert case.base_choice is None
    assert case.compare().base in ("v1", "v2")


def test_a_base_that_names_no_version_is_an_error_unless_the_program_may_pick(files):
    case = load_case(files, options=Options(base="v9"))
    with pytest.raises(BaseNotFound):
        case.compare()
    assert case.comparison is None
    comparison = case.compare(strict_base=False)
    assert comparison.base is not None and case.comparison is comparison


def test_hidden_versions_leave_the_visible_and_comparable_ones(files):
    case = load_case(files)
    case.compare()
    assert case.comparable() == ["v2", "v3"]
    assert case.compared == "v2"
    case.set_hidden("v2", True)
    assert case.visible_ids() == ["v1", "v3"]
    assert case.comparable() == ["v3"]
    assert case.compared == "v3"  # the compared version was hidden: the next one shown is compared
    assert not case.set_compared("v2")
    case.set_hidden("v2", False)
    assert case.set_compared("v2") and case.compared == "v2"
    case.remove("v2")
    assert case.hidden == set() and case.compared is None


def test_display_order_changes_but_colour_order_stays_the_load_order(files):
    case = load_case(files)
    case.reorder(["v3", "v1", "v2"])
    assert [v.id for v in case.versions] == ["v3", "v1", "v2"]
    assert case.id_order() == ["v1", "v2", "v3"]
    case.compare()
    assert [v.id for v in case.comparison.versions] == ["v3", "v1", "v2"]


def test_loading_can_be_stopped_between_files(files):
    seen = []

    def progress(fraction, message):
        seen.append((fraction, message))

    with pytest.raises(Cancelled):
        load_case(files, progress=progress, cancelled=lambda: len(seen) >= 2)
    assert [m for _f, m in seen] == ["Reading a.txt", "Reading b.txt"]
    assert seen[0][0] == 0 and 0 < seen[1][0] < 1


def test_a_copy_loads_in_the_background_and_is_adopted_without_renumbering(files):
    case = load_case(files[:1])
    case.set_hidden("v1", True)
    work = case.copy()
    work.add(files[1:])
    assert [v.id for v in case.versions] == ["v1"]
    case.adopt(work)
    assert [v.id for v in case.versions] == ["v1", "v2", "v3"]
    assert case.hidden == {"v1"}
    assert case.add(pasted=["words"])[0].id == "v4"


def test_finding_statuses_come_from_the_latest_note_on_each_finding():
    def note(n: int, anchor: Anchor, status: str) -> Note:
        return Note(id=f"n{n}", case_id="c", anchor=anchor, status=status, body="", author="ed",
                    created_at=f"2026-01-0{n}", updated_at=f"2026-01-0{n}", deleted_at=None, rev=1,
                    anchor_state="ok")

    case = Case()
    case.set_notes([note(1, Anchor("finding", ref="f1"), "open"), note(2, Anchor("case"), "dismissed"),
                    note(3, Anchor("finding", ref="f1"), "explained"), note(4, Anchor("finding", ref="f2"),
                                                                            "confirmed")])
    assert case.finding_statuses() == {"f1": "explained", "f2": "confirmed"}


def test_identical_texts_are_grouped_under_the_first_shown_and_can_be_folded(tmp_path):
    texts = {"a.txt": "The bridge closed on Tuesday.", "b.txt": "The bridge closed on Monday.",
             "c.txt": "The bridge closed on Tuesday.", "d.txt": "The bridge closed on Monday."}
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    case = load_case([tmp_path / n for n in texts])
    case.compare()
    base = case.comparison.base
    groups = case.identical()
    assert sorted(len(others) for others in groups.values()) == [1, 1]
    assert base in groups  # the base stands for its group
    assert case.visible_ids() == ["v1", "v2", "v3", "v4"]
    case.collapse_identical = True
    assert len(case.visible_ids()) == 2 and base in case.visible_ids()
    case.set_hidden(case.visible_ids()[-1], True)  # a hidden version folds nothing
    assert len(case.identical()) == 1


def test_the_pages_chosen_in_a_web_archive_stay_with_the_case_and_reopen_it(tmp_path):
    """A crawl of two pages: the case reads the chosen page's captures, a copy made to load in the background
    carries the choice back, and the case's sources (what Open Recent keeps) name each file once with the
    pages chosen in it, so opening them again gives the same versions."""
    from archive_builders import ARTICLE_URL, OTHER_URL, article_html, build_warc
    from variorum.core.sources import Source, page_choice

    crawl = tmp_path / "crawl.warc.gz"
    crawl.write_bytes(build_warc([(ARTICLE_URL, "2024-03-01T09:00:00Z", article_html(closed_days="ten")),
                                  (OTHER_URL, "2024-03-02T09:00:00Z", article_html(closed_days="two")),
                                  (ARTICLE_URL, "2024-03-03T09:00:00Z", article_html(closed_days="nine"))]))
    note = tmp_path / "note.txt"
    note.write_text("The harbour bridge will stay closed for ten days.", encoding="utf-8")
    case = Case()
    copy = case.copy()
    copy.choose_pages({crawl: (ARTICLE_URL,)})
    copy.add([note, crawl])
    case.adopt(copy)
    assert [v.metadata.capture.target_uri for v in case.versions[1:]] == [ARTICLE_URL, ARTICLE_URL]
    sources = case.sources()
    assert sources == [Source(str(note)), Source(str(crawl), (ARTICLE_URL,))]
    assert [Source.from_json(s.to_json()) for s in sources] == sources
    again = Case()
    again.choose_pages(page_choice(sources))
    again.add([s.path for s in sources])
    assert [v.text for v in again.versions] == [v.text for v in case.versions]
