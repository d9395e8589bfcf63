"""Golden findings on Darwin's first paragraph of the Origin in its six editions (1859–1872).

The editions differ in wording only: "differ much more from each other, than do" → "differ more from each other
than do", "greater" → "great", "look to" → "compare", "appreciable" → "great", dropped "I think", "simply",
"pretty", the heading "Causes of Variability." run into the paragraph from 1866, a line-end hyphenation
("con- tinues") in 1869. None of these is a discrepancy a finding stands for: no quotation, figure, date, name,
link or metadata changes, and the text is one paragraph in every edition, so none is missing. The real changes
are all listed as differences; the findings list must stay empty rather than cry wolf.
"""

from variorum.core.case import load_case


def test_darwin_editions_have_no_findings(darwin_paths):
    c = load_case(darwin_paths).compare()
    assert {c.relations[v.id].kind for v in c.versions} == {"base", "same-article"}
    assert any(not d.cosmetic for d in c.differences)  # the editions do differ…
    assert c.findings == ()  # …but only in wording


def test_a_misspelt_name_in_one_edition_would_be_found(darwin_paths, tmp_path):
    # the same paragraph with one real slip introduced, to show the empty list above is not blindness
    text = darwin_paths[0].read_text(encoding="utf-8").replace("Andrew Knight", "Andrew Night")
    (tmp_path / "origin-slip.txt").write_text(text, encoding="utf-8")
    c = load_case([darwin_paths[0], tmp_path / "origin-slip.txt"]).compare()
    assert [(f.kind, f.severity) for f in c.findings] == [("name-changed", "medium")]
    assert "'Knight'" in c.findings[0].message and "'Night'" in c.findings[0].message
