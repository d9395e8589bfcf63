"""Text that only flows differently across paragraph breaks is a cosmetic difference, never a move."""

from __future__ import annotations

from variorum.core.diff import diff_versions

BASE = ("Alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu.\n\n"
        "Nu xi omicron pi rho sigma tau upsilon phi chi psi omega one two three four five six.")
# a page break split the second paragraph, and the first ran on into it
OTHER = ("Alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu.\nNu xi omicron pi rho sigma tau "
         "upsilon phi chi\n\npsi omega one two three four five six.")


def test_reparagraphed_text_is_only_cosmetic():
    result = diff_versions(BASE, OTHER, version_id="v2", salt="s")
    assert [(d.kind, d.cosmetic, d.category, d.base.text, d.other.text) for d in result.differences] == [
        ("replace", True, "whitespace", "\n\n", "\n"),
        ("replace", True, "whitespace", " ", "\n\n"),
    ]


def test_reparagraphing_next_to_a_real_edit_reports_only_the_edit():
    other = OTHER.replace("rho sigma", "rho SIGMA-X")
    result = diff_versions(BASE, other, version_id="v2", salt="s")
    assert [(d.kind, d.base.text, d.other.text) for d in result.differences if not d.cosmetic] == [
        ("replace", "sigma", "SIGMA-X")]
