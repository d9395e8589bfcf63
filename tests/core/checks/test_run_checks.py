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
