"""Comparing plain text loads only what plain text needs: the libraries for other inputs and other report formats
(web archives, HTML templates, date parsing, encoding repair) are imported when such an input or format is met."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

DESKTOP = Path(__file__).resolve().parents[2] / "desktop"
DEFERRED = ("ftfy", "dateutil", "jinja2", "warcio", "pyromark", "lxml", "babel", "PySide6")


def _loaded_after(statements: str) -> set[str]:
    probe = f"import sys\n{statements}\nprint(' '.join(sorted({{m.split('.')[0] for m in sys.modules}})))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                         env={"PYTHONPATH": str(DESKTOP), "PATH": ""})
    return set(out.stdout.split())


def test_importing_the_comparison_and_the_report_loads_no_library_for_other_inputs() -> None:
    loaded = _loaded_after("import variorum.core.case, variorum.core.compare, variorum.core.report, "
                           "variorum.cli_compare")
    assert loaded & set(DEFERRED) == set()


def _loaded_after_comparing_two_short_articles(tmp_path: Path) -> set[str]:
    """The top-level modules loaded once ``variorum compare`` has written the JSON report of two short ASCII
    articles."""
    for i, words in enumerate(("The council met on Monday.", "The council met on Tuesday.")):
        (tmp_path / f"v{i}.txt").write_text(f"{words}\n\nIt voted to close the park.\n", encoding="utf-8")
    return _loaded_after(
        "import contextlib, io\nfrom variorum.cli_compare import main\n"
        f"with contextlib.redirect_stdout(io.StringIO()):\n    main([{str(tmp_path / 'v0.txt')!r}, "
        f"{str(tmp_path / 'v1.txt')!r}])")


def test_a_json_report_of_ascii_text_loads_no_template_archive_or_repair_library(tmp_path: Path) -> None:
    loaded = _loaded_after_comparing_two_short_articles(tmp_path)
    assert loaded & {"jinja2", "warcio", "ftfy", "pyromark", "PySide6"} == set()
    assert "variorum" in loaded


# What reading and comparing plain text never needs: GUI, encoding repair, date parsing, fuzzy matching, the
# Markdown, HTML, PDF and DOCX readers, and the notes store (bench/run.py's start-up target checks these too).
HEAVY_FOR_TEXT = ("PySide6", "shiboken6", "ftfy", "wcwidth", "dateutil", "rapidfuzz", "pyromark", "lxml", "bs4",
                  "html5lib", "pypdf", "pdfminer", "fitz", "docx", "sqlite3", "babel", "variorum.core.notes.store")


def _modules_after(statements: str, *args: str) -> set[str]:
    probe = f"import sys\n{statements}\nprint(repr(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe, *args], capture_output=True, text=True, check=True,
                         env={"PYTHONPATH": str(DESKTOP), "PATH": ""})
    return set(ast.literal_eval(out.stdout.strip().splitlines()[-1]))


def _heavy(modules: set[str]) -> set[str]:
    return {m for m in modules if m in HEAVY_FOR_TEXT or m.split(".")[0] in HEAVY_FOR_TEXT}


def test_a_report_of_an_article_with_typography_and_dates_loads_no_repair_or_date_library(tmp_path: Path) -> None:
    texts = ("The council\u2019s \u201cfinal\u201d vote \u2014 on Monday, 2 September\u2026",
             "The council\u2019s \u2018last\u2019 vote \u2013 on Tuesday, August 9, 2021 \u00a9 2024 \u2022 \u00abnews\u00bb")
    for i, words in enumerate(texts):
        (tmp_path / f"v{i}.txt").write_text(f"{words}\n\nIt didn\u2019t close the park on 2020-08-19.\n",
                                            encoding="utf-8")
    loaded = _loaded_after(
        "import contextlib, io\nfrom variorum.cli_compare import main\n"
        f"with contextlib.redirect_stdout(io.StringIO()):\n    main([{str(tmp_path / 'v0.txt')!r}, "
        f"{str(tmp_path / 'v1.txt')!r}])")
    assert "variorum" in loaded
    assert loaded & {"ftfy", "wcwidth", "dateutil"} == set()


def test_importing_the_comparison_loads_only_what_plain_text_needs() -> None:
    assert _heavy(_modules_after("import variorum.core.compare")) == set()


START = ("from variorum.cli import main\n"
         "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass")


@pytest.mark.parametrize("args", [["--version"], ["--help"], ["compare", "--help"]])
def test_the_command_answers_version_and_help_without_loading_the_engine(args: list[str]) -> None:
    loaded = _modules_after(START, *args)
    assert _heavy(loaded) == set()
    assert not loaded & {"variorum.core.load", "variorum.core.compare", "variorum.core.model", "logging", "typing"}


def test_a_nationality_restated_is_found_without_loading_babel(tmp_path: Path) -> None:
    # CLDR's country and nationality words are shipped as word lists: Babel took ~30 ms to load them
    para = "Lena Marsh, a {} actress and singer, was born in 1970 and first appeared on stage at sixteen."
    for i, who in enumerate(("Polish", "Swedish")):
        (tmp_path / f"v{i}.txt").write_text(f"The council met on Monday.\n\n{para.format(who)}\n", encoding="utf-8")
    probe = ("import contextlib, io, json, sys\nfrom variorum.cli_compare import main\nout = io.StringIO()\n"
             f"with contextlib.redirect_stdout(out):\n    main([{str(tmp_path / 'v0.txt')!r}, "
             f"{str(tmp_path / 'v1.txt')!r}])\n"
             "print(sorted(f['kind'] for f in json.loads(out.getvalue())['findings']), 'babel' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                         env={"PYTHONPATH": str(DESKTOP), "PATH": ""})
    kinds, babel_loaded = out.stdout.strip().rsplit(" ", 1)
    assert "claim-changed" in kinds
    assert babel_loaded == "False"


def test_a_report_with_its_case_s_notes_loads_no_archive_reader_repair_matcher_or_id_maker(tmp_path: Path) -> None:
    """A text comparison whose files have a case in the notes store: the notes are looked up (the store is
    loaded), but nothing only reading a web archive, repairing a damaged line or making a new case needs."""
    paths = []
    for i, words in enumerate(("The council met on Monday.", "The council met on Tuesday.")):
        paths.append(tmp_path / f"v{i}.txt")
        paths[-1].write_text(f"{words}\n\nIt voted to close the park.\n", encoding="utf-8")
    data = tmp_path / "data"
    env = {"PYTHONPATH": str(DESKTOP), "PATH": "", "VARIORUM_DATA_DIR": str(data), "VARIORUM_AUTHOR": "tester"}
    make_case = ("from variorum.core.case import load_case\nfrom variorum.core.notes import NotesStore\n"
                 f"case = load_case({[str(p) for p in paths]!r})\n"
                 "with NotesStore() as store:\n    store.open_case(case.versions)")
    subprocess.run([sys.executable, "-c", make_case], check=True, env=env)
    probe = ("import contextlib, io, sys\nfrom variorum.cli_compare import main\n"
             f"with contextlib.redirect_stdout(io.StringIO()):\n    main({[str(p) for p in paths]!r})\n"
             "print(repr(sorted(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, env=env)
    loaded = set(ast.literal_eval(out.stdout.strip().splitlines()[-1]))
    assert "variorum.core.notes.store" in loaded
    assert loaded & {"gzip", "difflib", "uuid"} == set()


def test_a_page_too_large_for_the_article_extractor_never_loads_it(tmp_path: Path) -> None:
    """The extractor is skipped on such a page (the user is told); importing it cost some 19 MB of the peak."""
    from variorum.core.load.html import EXTRACTOR_MAX_CHARS

    body = "".join(f"<p>Paragraph {n} of the council's long record of its votes.</p>"
                   for n in range(EXTRACTOR_MAX_CHARS // 50))
    (tmp_path / "page.html").write_text(f"<html><body><article>{body}</article></body></html>", encoding="utf-8")
    (tmp_path / "small.html").write_text("<html><body><article><p>The council met.</p></article></body></html>",
                                         encoding="utf-8")
    load = "from variorum.core.load import load_paths\nv = load_paths([{!r}])[0]\nassert v.ok, v.error"
    assert "trafilatura" not in _loaded_after(load.format(str(tmp_path / "page.html")))
    assert "trafilatura" in _loaded_after(load.format(str(tmp_path / "small.html")))


def test_a_typical_article_hands_no_memory_back_and_loads_nothing_to_do_so(tmp_path: Path) -> None:
    """Handing freed memory back to the system is for comparisons of megabytes; a typical article's stages free
    too little for it to matter, and its command does not load the C bridge that would do it."""
    loaded = _loaded_after_comparing_two_short_articles(tmp_path)
    assert "ctypes" not in loaded and "variorum" in loaded
    assert "ctypes" in _loaded_after("from variorum.core.free_memory import LARGE_CASE_CHARS, hand_back\n"
                                     "hand_back(LARGE_CASE_CHARS)")
