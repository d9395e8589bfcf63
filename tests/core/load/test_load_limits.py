"""The limits the loader keeps for what one case opens and what one page gets the article extractor."""

from __future__ import annotations

from variorum.core.load import MAX_FOLDER_VERSIONS, load_bytes, load_paths
from variorum.core.load import html as html_loader


def test_a_folder_with_more_files_than_a_case_opens_opens_the_first_and_says_how_to_choose(tmp_path):
    folder = tmp_path / "captures"
    folder.mkdir()
    for n in range(1, MAX_FOLDER_VERSIONS + 11):
        (folder / f"copy{n}.txt").write_text(f"Copy number {n} of the statement, made on day {n}.\n")
    versions = load_paths([folder])
    assert [v.label for v in versions] == [f"copy{n}.txt" for n in range(1, MAX_FOLDER_VERSIONS + 1)]
    assert versions[0].warnings[0] == (
        f"The folder holds {MAX_FOLDER_VERSIONS + 10} files that can be compared; only the first "
        f"{MAX_FOLDER_VERSIONS} by name were opened (a case opens at most {MAX_FOLDER_VERSIONS} files from one "
        "folder). To compare others, open them by name or open a subfolder.")
    assert not any(v.error for v in versions)
    assert not any(v.warnings for v in versions[1:])


def test_a_folder_within_the_limit_opens_whole_without_a_warning(tmp_path):
    for n in range(3):
        (tmp_path / f"copy{n}.txt").write_text(f"Copy {n}.\n")
    assert [v.warnings for v in load_paths([tmp_path])] == [(), (), ()]


def test_a_page_over_the_extractor_limit_is_compared_whole_and_the_user_is_told(monkeypatch):
    monkeypatch.setattr(html_loader, "EXTRACTOR_MAX_CHARS", 2000)
    body = "".join(f"<p>Paragraph {n} of the article says the minister resigned on Tuesday.</p>" for n in range(60))
    raw = f"<html><body><nav>Home | World</nav><article>{body}</article></body></html>".encode()
    version = load_bytes(raw, version_id="v1", label="page.html")
    assert version.error is None
    assert html_loader.EXTRACTOR_SKIPPED in version.warnings
    assert version.text.startswith("Home | World")
    assert "Paragraph 59 of the article" in version.text
