"""Golden test on the real-case corpus: the accuracy of the findings must not fall below today's floors.

The harness is `bench/accuracy.py` (the same code prints the README's figures); the floors are in
`tests/data/real/accuracy-floor.json`. When a change makes the findings better, raise the floors with
`python bench/accuracy.py --write-floor`.
"""

import importlib.util
import json
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "accuracy.py"


@pytest.fixture(scope="module")
def accuracy():
    spec = importlib.util.spec_from_file_location("variorum_accuracy", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def measured(accuracy):
    results = accuracy.run_corpus()
    figures = accuracy.summary(results)
    print(accuracy.format_report(results, figures))
    return results, figures


def test_every_case_compares(measured):
    results, figures = measured
    assert figures["cases"] >= 15
    assert [r.name for r in results if r.error] == []


def test_precision_recall_and_relations_do_not_regress(accuracy, measured):
    _, figures = measured
    floor = json.loads(accuracy.FLOOR.read_text(encoding="utf-8"))
    assert accuracy.below_floor(figures, floor) == [], (
        f"precision {figures['precision']:.1%}, recall {figures['recall']:.1%}, "
        f"relations {figures['relation_accuracy']:.1%}")


def test_the_floor_knows_every_case(accuracy, measured):
    _, figures = measured
    floor = json.loads(accuracy.FLOOR.read_text(encoding="utf-8"))
    assert set(floor["per_case"]) == set(figures["per_case"])


def test_matching_reads_figures_in_their_context(accuracy):
    finding = {"kind": "number-changed", "message": "A figure changed.",
               "evidence": [{"version": "v1", "text": "3", "before": "All figures as of October ", "after": ", 2017"},
                            {"version": "v2", "text": "5", "before": "All figures as of October ", "after": ", 2017"}]}
    assert accuracy.matches({"kind": "number-changed", "contains": {"v1": "October 3", "v2": "October 5"}}, finding)
    # the words must touch the quoted span: context alone does not make a finding about them
    assert not accuracy.matches({"kind": "number-changed", "contains": {"v1": "2017"}}, finding)
    assert not accuracy.matches({"kind": "name-changed", "contains": {}}, finding)
    assert accuracy.matches({"kind": ["name-changed", "number-changed"], "contains": {"any": "figure changed"}},
                            finding)


def test_scoring_forbidden_beats_expected_and_repeats_are_false_alarms(accuracy):
    case = {"versions": [], "expected": [{"kind": "number-changed", "contains": {"v1": "12"}}],
            "forbidden": [{"kind": "number-changed", "contains": {"any": "October 12"}, "class": 6}],
            "allowed": [], "any_other_finding_is_false_alarm": True}

    def finding(text, before=""):
        return {"kind": "number-changed", "message": "",
                "evidence": [{"version": "v1", "text": text, "before": before, "after": ""}]}

    report = {"base": "v1", "versions": [],
              "findings": [finding("12"), finding("12"), finding("12", before="— FEMA (@fema) October ")]}
    result = accuracy.score_case("c", case, report)
    assert [v.outcome for v in result.verdicts] == ["true", "false-alarm", "false-alarm"]
    assert [v.failure_class for v in result.verdicts] == [None, "repeat", 6]
    assert result.misses == []
