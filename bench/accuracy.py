"""How accurate are the findings? Run `variorum compare` on the real-case corpus and score it.

`python bench/accuracy.py` compares every case in `tests/data/real/` (`--format json`, in this process), matches
the findings against the case's `expected.json` (the format is described in `tests/data/real/README.md`) and
prints precision per finding kind, recall per expected kind, the overall figures, relation accuracy, and every
false alarm and every miss with its case. It exits 0 unless `--check` is given: then it exits 1 when precision,
recall or relation accuracy falls below the floors (`--min-precision` …, by default those of
`accuracy-floor.json` in the corpus folder). `--write-floor` stores today's figures as the new floors.
`--corpus tests/data/real-heldout` (or `tests/data/real-fresh`) scores a held-out corpus instead, against its own
floors.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "real"
HELDOUT = ROOT / "tests" / "data" / "real-heldout"
FRESH = ROOT / "tests" / "data" / "real-fresh"
FRESH_2 = ROOT / "tests" / "data" / "real-fresh-2"
FRESH_3 = ROOT / "tests" / "data" / "real-fresh-3"
FRESH_4 = ROOT / "tests" / "data" / "real-fresh-4"
FRESH_5 = ROOT / "tests" / "data" / "real-fresh-5"
FRESH_6 = ROOT / "tests" / "data" / "real-fresh-6"
FRESH_7 = ROOT / "tests" / "data" / "real-fresh-7"
FLOOR_NAME = "accuracy-floor.json"
FLOOR = CORPUS / FLOOR_NAME
if str(ROOT / "desktop") not in sys.path:
    sys.path.insert(0, str(ROOT / "desktop"))

from variorum.cli_compare import main as compare_main  # noqa: E402
from variorum.core.normalize import normalize_text  # noqa: E402


@dataclass
class Verdict:
    case: str
    finding: dict
    outcome: str  # "true", "false-alarm", "neutral"
    why: str = ""
    failure_class: int | str | None = None


@dataclass
class CaseResult:
    name: str
    verdicts: list[Verdict] = field(default_factory=list)
    misses: list[dict] = field(default_factory=list)
    expected: list[dict] = field(default_factory=list)
    relations: list[tuple[str, object, str]] = field(default_factory=list)  # (version, expected, actual)
    error: str | None = None

    def count(self, outcome: str) -> int:
        return sum(v.outcome == outcome for v in self.verdicts)


def load_case(folder: Path) -> dict:
    return json.loads((folder / "expected.json").read_text(encoding="utf-8"))


def case_folders(corpus: Path = CORPUS, only: list[str] | None = None) -> list[Path]:
    folders = sorted(p.parent for p in corpus.glob("*/expected.json"))
    return [f for f in folders if not only or f.name in only]


def run_compare(folder: Path, case: dict) -> dict:
    """The variorum.report/1 object of `variorum compare` on the case's versions, in their listed order."""
    argv = [str(folder / v["file"]) for v in case["versions"]] + ["--format", "json"]
    if case.get("run_base"):
        argv += ["--base", case["run_base"]]
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = compare_main(argv)
    if code != 0:
        raise RuntimeError(f"variorum compare exited {code}: {err.getvalue().strip()}")
    return json.loads(out.getvalue())


def _kinds(pattern: dict) -> list[str]:
    kind = pattern.get("kind", "*")
    return kind if isinstance(kind, list) else [kind]


def matches(pattern: dict, finding: dict) -> bool:
    """Whether a finding is what the pattern describes (kind, and the words in each version's evidence)."""
    kinds = _kinds(pattern)
    if "*" not in kinds and finding["kind"] not in kinds:
        return False
    spans: dict[str, list[tuple[str, int, int]]] = {}
    for ev in finding.get("evidence", []):
        spans.setdefault(ev["version"], []).append(_in_context(ev))
    for version, words in pattern.get("contains", {}).items():
        needle = normalize_text(words)
        if version == "any":
            message = normalize_text(finding.get("message", ""))
            haystack = [s for found in spans.values() for s in found] + [(message, 0, len(message))]
        else:
            if version not in spans:
                return False
            haystack = spans[version]
        if not any(_overlaps(needle, *span) for span in haystack):
            return False
    return True


def _in_context(evidence: dict) -> tuple[str, int, int]:
    """The evidence with its context, normalised, and where the quoted span lies in it: so that "October 3"
    matches a finding whose span is the "3" of "October 3, 2017"."""
    before, text, after = (evidence.get(k) or "" for k in ("before", "text", "after"))
    # normalised whole, so that words running across the span's ends read as in the text ("February 28, 2025"
    # over a span "28"): joining the three parts with spaces would read "february 28 , 2025"
    context = normalize_text(before + text + after)
    head = normalize_text(before)
    start = len(head) + (1 if head and before[-1:].isspace() and (text + after).strip() else 0)
    end = len(normalize_text(before + text)) if text.strip() else start
    return context, start, max(start, end)


def _overlaps(needle: str, context: str, start: int, end: int) -> bool:
    """Whether the needle occurs in the context overlapping the span (an empty needle always does)."""
    if not needle:
        return True
    at = context.find(needle)
    while at != -1:
        if at < max(end, start + 1) and at + len(needle) > start:
            return True
        at = context.find(needle, at + 1)
    return False


def score_case(name: str, case: dict, report: dict) -> CaseResult:
    result = CaseResult(name, expected=case["expected"])
    satisfied = [False] * len(case["expected"])
    others_false = case.get("any_other_finding_is_false_alarm", True)
    for finding in report["findings"]:
        forbidden = next((p for p in case["forbidden"] if matches(p, finding)), None)
        if forbidden is not None:
            result.verdicts.append(Verdict(name, finding, "false-alarm", forbidden.get("why", ""),
                                           forbidden.get("class")))
            continue
        hits = [i for i, p in enumerate(case["expected"]) if matches(p, finding)]
        fresh = [i for i in hits if not satisfied[i]]
        allowed = next((p for p in case["allowed"] if matches(p, finding)), None)
        if fresh:
            for i in fresh:
                satisfied[i] = True
            result.verdicts.append(Verdict(name, finding, "true", case["expected"][fresh[0]].get("why", "")))
        elif allowed is not None:
            result.verdicts.append(Verdict(name, finding, "neutral", allowed.get("why", "")))
        elif others_false:
            why = "repeats a finding already made" if hits else "not among the expected findings"
            result.verdicts.append(Verdict(name, finding, "false-alarm", why, "repeat" if hits else None))
        else:
            result.verdicts.append(Verdict(name, finding, "neutral", "not judged"))
    result.misses = [p for p, ok in zip(case["expected"], satisfied, strict=True) if not ok]
    actual_base = report.get("base")
    actual = {v["id"]: ("base" if v["id"] == actual_base else (v.get("relation") or {}).get("kind"))
              for v in report["versions"]}
    free_base = not case.get("base") and not case.get("run_base")
    for v in case["versions"]:
        expected = v["relation"]
        if free_base and "same-article" in (expected if isinstance(expected, list) else [expected]):
            expected = sorted({"base", "same-article"})  # any version of the article may be the base
        result.relations.append((v["id"], expected, actual.get(v["id"]) or "missing"))
    if case.get("base") and not case.get("run_base"):
        result.relations.append(("base", case["base"], actual_base))
    return result


def relation_ok(expected: object, actual: str) -> bool:
    return actual in expected if isinstance(expected, list) else actual == expected


def run_corpus(corpus: Path = CORPUS, only: list[str] | None = None) -> list[CaseResult]:
    results = []
    for folder in case_folders(corpus, only):
        case = load_case(folder)
        try:
            report = run_compare(folder, case)
        except Exception as exc:  # one broken case must not hide the others' figures
            results.append(CaseResult(folder.name, expected=case["expected"], misses=list(case["expected"]),
                                      error=f"{type(exc).__name__}: {exc}"))
            continue
        results.append(score_case(folder.name, case, report))
    return results


def _ratio(num: int, den: int) -> float:
    return num / den if den else 1.0


def summary(results: list[CaseResult]) -> dict:
    """Overall and per-kind figures, and per-case counts: what the floors are made of."""
    verdicts = [v for r in results for v in r.verdicts]
    true = sum(v.outcome == "true" for v in verdicts)
    false = sum(v.outcome == "false-alarm" for v in verdicts)
    expected = sum(len(r.expected) for r in results)
    found = expected - sum(len(r.misses) for r in results)
    rel = [(e, a) for r in results for _, e, a in r.relations]
    per_kind: dict[str, dict] = {}
    for v in verdicts:
        k = per_kind.setdefault(v.finding["kind"], Counter())
        k[v.outcome] += 1
    for r in results:
        for p in r.expected:
            per_kind.setdefault(_kinds(p)[0], Counter())["expected"] += 1
        for p in r.misses:
            per_kind.setdefault(_kinds(p)[0], Counter())["missed"] += 1
    kinds = {}
    for kind, c in sorted(per_kind.items()):
        kinds[kind] = {"true": c["true"], "false_alarms": c["false-alarm"], "neutral": c["neutral"],
                       "precision": round(_ratio(c["true"], c["true"] + c["false-alarm"]), 3),
                       "expected": c["expected"], "found": c["expected"] - c["missed"],
                       "recall": round(_ratio(c["expected"] - c["missed"], c["expected"]), 3)}
    return {
        "cases": len(results),
        "findings": len(verdicts),
        "true": true, "false_alarms": false, "expected": expected, "found": found,
        "precision": round(_ratio(true, true + false), 3),
        "recall": round(_ratio(found, expected), 3),
        "relations_right": sum(relation_ok(e, a) for e, a in rel), "relations": len(rel),
        "relation_accuracy": round(_ratio(sum(relation_ok(e, a) for e, a in rel), len(rel)), 3),
        "kinds": kinds,
        "per_case": {r.name: {"findings": len(r.verdicts), "true": r.count("true"),
                              "false_alarms": r.count("false-alarm"), "misses": len(r.misses)} for r in results},
    }


def _evidence(finding: dict) -> str:
    parts = [f'{ev["version"]} "{(ev.get("text") or "")[:60]}"' for ev in finding.get("evidence", [])[:3]]
    return "; ".join(parts)


def floor_path(corpus: Path = CORPUS) -> Path:
    """Where a corpus keeps the figures the test suite must not fall below."""
    return corpus / FLOOR_NAME


def format_report(results: list[CaseResult], figures: dict, title: str = "Real-case corpus") -> str:
    lines = [f"{title}: {figures['cases']} cases, {figures['findings']} findings, "
             f"{figures['expected']} expected findings", ""]
    lines.append(f"{'kind':<22}{'true':>6}{'false':>7}{'neutral':>9}{'precision':>11}"
                 f"{'expected':>10}{'found':>7}{'recall':>8}")
    for kind, k in figures["kinds"].items():
        prec = f"{k['precision']:.0%}" if k["true"] + k["false_alarms"] else "-"
        rec = f"{k['recall']:.0%}" if k["expected"] else "-"
        lines.append(f"{kind:<22}{k['true']:>6}{k['false_alarms']:>7}{k['neutral']:>9}{prec:>11}"
                     f"{k['expected']:>10}{k['found']:>7}{rec:>8}")
    lines += ["", f"precision {figures['precision']:.1%} ({figures['true']} true, {figures['false_alarms']} false "
                  f"alarms)   recall {figures['recall']:.1%} ({figures['found']} of {figures['expected']})   "
                  f"relations {figures['relation_accuracy']:.1%} ({figures['relations_right']} of "
                  f"{figures['relations']})", ""]
    for r in results:
        if r.error:
            lines.append(f"ERROR {r.name}: {r.error}")
    wrong = [(r.name, v, e, a) for r in results for v, e, a in r.relations if not relation_ok(e, a)]
    lines.append(f"Wrong relations ({len(wrong)}):")
    lines += [f"  {name}: {v} expected {e}, got {a}" for name, v, e, a in wrong]
    alarms = [v for r in results for v in r.verdicts if v.outcome == "false-alarm"]
    lines.append(f"False alarms ({len(alarms)}):")
    for v in alarms:
        cls = f"class {v.failure_class}" if v.failure_class is not None else "unclassified"
        lines.append(f"  {v.case} [{v.finding['kind']}, {cls}] {v.finding.get('message', '')}")
        lines.append(f"      evidence: {_evidence(v.finding)}   ({v.why})")
    misses = [(r.name, p) for r in results for p in r.misses]
    lines.append(f"Misses ({len(misses)}):")
    for name, p in misses:
        lines.append(f"  {name} [{'/'.join(_kinds(p))}] {p.get('why', '')}  {json.dumps(p.get('contains', {}))}")
    return "\n".join(lines)


def write_floor(figures: dict, path: Path = FLOOR) -> None:
    floor = {"precision": figures["precision"], "recall": figures["recall"],
             "relation_accuracy": figures["relation_accuracy"],
             "per_case": {name: {"true": c["true"], "false_alarms": c["false_alarms"], "misses": c["misses"]}
                          for name, c in figures["per_case"].items()}}
    path.write_text(json.dumps(floor, indent=2) + "\n", encoding="utf-8")


def below_floor(figures: dict, floor: dict) -> list[str]:
    """What fell below the floors: overall figures, and per case more false alarms or misses than stored."""
    problems = [f"{name} {figures[name]:.3f} < floor {floor[name]:.3f}"
                for name in ("precision", "recall", "relation_accuracy")
                if name in floor and figures[name] < floor[name]]
    for case, stored in floor.get("per_case", {}).items():
        now = figures["per_case"].get(case)
        if now is None:
            problems.append(f"{case}: case missing")
            continue
        for key in ("false_alarms", "misses"):
            if now[key] > stored[key]:
                problems.append(f"{case}: {key} {now[key]} > floor {stored[key]}")
    return problems


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("cases", nargs="*", help="case folder names (default: every case)")
    p.add_argument("--corpus", type=Path, default=CORPUS,
                   help="folder of cases, e.g. tests/data/real-heldout (default: tests/data/real)")
    p.add_argument("--check", action="store_true", help="exit 1 when a figure falls below its floor")
    p.add_argument("--min-precision", type=float)
    p.add_argument("--min-recall", type=float)
    p.add_argument("--min-relations", type=float)
    p.add_argument("--write-floor", action="store_true", help=f"store today's figures in the corpus's {FLOOR_NAME}")
    p.add_argument("--json", type=Path, help="also write the figures as JSON here")
    ns = p.parse_args(argv)
    results = run_corpus(ns.corpus, ns.cases or None)
    figures = summary(results)
    floor_file = floor_path(ns.corpus)
    title = "Real-case corpus" if ns.corpus.resolve() == CORPUS else f"Corpus {ns.corpus.resolve().name}"
    print(format_report(results, figures, title))
    if ns.json:
        ns.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    if ns.write_floor:
        write_floor(figures, floor_file)
    if not ns.check:
        return 0
    floor = json.loads(floor_file.read_text(encoding="utf-8")) if floor_file.exists() else {}
    for name, value in (("precision", ns.min_precision), ("recall", ns.min_recall),
                        ("relation_accuracy", ns.min_relations)):
        if value is not None:
            floor[name] = value
    problems = below_floor(figures, floor)
    for problem in problems:
        print(f"BELOW FLOOR: {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
