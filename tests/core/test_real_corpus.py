"""Golden tests on the real-case corpora: the accuracy of the findings must not fall below today's floors.

Nine corpora: `tests/data/real/`, on which the checks were tuned; `tests/data/real-heldout/`,
`tests/data/real-fresh/` and `tests/data/real-fresh-2/` to `tests/data/real-fresh-6/`, held out at first and whose
failures have since been studied; and `tests/data/real-fresh-7/`, the newest held-out corpus. The expectations of
every held-out corpus were committed
before Variorum first ran on it, and its first run's figures are the unbiased ones.
The harness is
`bench/accuracy.py` (the same code prints the README's figures); each corpus keeps its floors in its own
`accuracy-floor.json`. When a change makes the findings better, raise the floors with
`python bench/accuracy.py [--corpus FOLDER] --write-floor`.
"""

import importlib.util
import json
import shutil
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "accuracy.py"
DATA = Path(__file__).resolve().parents[1] / "data"
MIN_CASES = {"real": 15, "real-heldout": 8, "real-fresh": 12, "real-fresh-2": 12, "real-fresh-3": 12,
             "real-fresh-4": 12, "real-fresh-5": 12, "real-fresh-6": 13,
             "real-fresh-7": 12}  # the corpus sizes the findings' figures are published for


@pytest.fixture(scope="module")
def accuracy():
    spec = importlib.util.spec_from_file_location("variorum_accuracy", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module", params=sorted(MIN_CASES))
def corpus(request):
    return DATA / request.param


@pytest.fixture(scope="module")
def measured(accuracy, corpus):
    results = accuracy.run_corpus(corpus)
    figures = accuracy.summary(results)
    print(accuracy.format_report(results, figures, f"Corpus {corpus.name}"))
    return results, figures


def test_every_case_compares(corpus, measured):
    results, figures = measured
    assert figures["cases"] >= MIN_CASES[corpus.name]
    assert [r.name for r in results if r.error] == []


def test_precision_recall_and_relations_do_not_regress(accuracy, corpus, measured):
    _, figures = measured
    floor = json.loads(accuracy.floor_path(corpus).read_text(encoding="utf-8"))
    assert accuracy.below_floor(figures, floor) == [], (
        f"precision {figures['precision']:.1%}, recall {figures['recall']:.1%}, "
        f"relations {figures['relation_accuracy']:.1%}")


def test_the_floor_knows_every_case(accuracy, corpus, measured):
    _, figures = measured
    floor = json.loads(accuracy.floor_path(corpus).read_text(encoding="utf-8"))
    assert set(floor["per_case"]) == set(figures["per_case"])


def test_the_default_floor_is_the_tuned_corpus_one(accuracy):
    assert accuracy.floor_path() == accuracy.FLOOR == DATA / "real" / "accuracy-floor.json"
    assert accuracy.floor_path(accuracy.HELDOUT) == DATA / "real-heldout" / "accuracy-floor.json"
    assert accuracy.floor_path(accuracy.FRESH) == DATA / "real-fresh" / "accuracy-floor.json"
    assert accuracy.floor_path(accuracy.FRESH_2) == DATA / "real-fresh-2" / "accuracy-floor.json"
    assert accuracy.floor_path(accuracy.FRESH_3) == DATA / "real-fresh-3" / "accuracy-floor.json"
    assert accuracy.floor_path(accuracy.FRESH_4) == DATA / "real-fresh-4" / "accuracy-floor.json"
    assert accuracy.floor_path(accuracy.FRESH_5) == DATA / "real-fresh-5" / "accuracy-floor.json"
    assert accuracy.floor_path(accuracy.FRESH_6) == DATA / "real-fresh-6" / "accuracy-floor.json"
    assert accuracy.floor_path(accuracy.FRESH_7) == DATA / "real-fresh-7" / "accuracy-floor.json"


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
    # words running past the span into the punctuation after it read as the text has them
    assert accuracy.matches({"kind": "number-changed", "contains": {"v2": "October 5, 2017"}}, finding)
    assert accuracy.matches({"kind": "number-changed", "contains": {"v2": "as of October 5"}}, finding)
    assert not accuracy.matches({"kind": "number-changed", "contains": {"v2": "October 5 , 2017"}}, finding)


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


def test_a_chosen_corpus_keeps_its_own_floor(accuracy, tmp_path, capsys):
    case = tmp_path / "wikipedia-harmony-society"
    shutil.copytree(DATA / "real-heldout" / case.name, case)
    tuned_floor = accuracy.FLOOR.read_bytes()
    assert accuracy.main(["--corpus", str(tmp_path), "--write-floor"]) == 0
    assert f"Corpus {tmp_path.name}: 1 cases" in capsys.readouterr().out
    floor = json.loads((tmp_path / "accuracy-floor.json").read_text(encoding="utf-8"))
    assert set(floor["per_case"]) == {case.name}
    assert accuracy.FLOOR.read_bytes() == tuned_floor
    assert accuracy.main(["--corpus", str(tmp_path), "--check"]) == 0
