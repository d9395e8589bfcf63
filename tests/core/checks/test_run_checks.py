from variorum.core.checks import CHECKS, run_checks
from variorum.core.model import SEVERITY_ORDER


def test_every_check_module_exposes_check():
    from importlib import import_module

    for name in CHECKS:
        assert callable(import_module(f"variorum.core.checks.{name}").check)


def test_findings_sorted_by_severity_then_position(compare_texts, body):
    a = "March 3, 2021\n\n" + body + "\n\nThe hearing is set for Wednesday, August 20, 2020.\n\nAFP contributed reporting."
    b = "March 4, 2021\n\n" + body.replace("forty thousand", "fifty thousand") + \
        "\n\nThe hearing is set for Wednesday, August 20, 2020."
    c = compare_texts(a, b)
    severities = [SEVERITY_ORDER[f.severity] for f in c.findings]
    assert severities == sorted(severities)
    assert {f.kind for f in c.findings} == {"date-mismatch", "number-changed", "weekday-mismatch", "credit-mismatch"}
    high = [f for f in c.findings if f.severity == "high"]
    assert [f.kind for f in high] == ["date-mismatch", "number-changed", "weekday-mismatch"]  # in text order


def test_ids_depend_on_content_not_on_load_order(compare_texts, body):
    a = "March 3, 2021\n\n" + body
    b = "March 4, 2021\n\n" + body
    first = compare_texts(a, b)
    again = compare_texts(a, b)
    assert [f.id for f in first.findings] == [f.id for f in again.findings]
    swapped = compare_texts(b, a)
    assert {f.id for f in first.findings} == {f.id for f in swapped.findings}
    assert len({f.id for f in first.findings}) == len(first.findings)


def test_no_readable_versions_no_findings():
    assert run_checks([], None, {}, [], {}) == []


def test_a_question_about_a_difference_is_answered_once_per_run():
    from variorum.core.checks import Context
    from variorum.core.model import Difference, Span

    def difference(text: str) -> Difference:
        return Difference("d", "v2", "replace", False, "wording", Span(0, 2, "12"), Span(0, len(text), text))

    ctx, other_run = (Context((), "v1", {}, (), {}) for _ in range(2))
    first, second = difference("13"), difference("13")
    asked: list[str] = []

    def answer(d: Difference) -> str:
        asked.append(d.other.text)
        return d.other.text

    assert [ctx.once("q", lambda d=d: answer(d), d) for d in (first, first, second, first)] == ["13"] * 4
    assert len(asked) == 2  # once for each difference, however often asked
    assert other_run.once("q", lambda: answer(first), first) == "13" and len(asked) == 3  # nothing shared by runs
    assert ctx.once("whole run", lambda: "w") == ctx.once("whole run", lambda: "x") == "w"
