"""What ``variorum compare`` says about the demo case's discrepancies, in every report format."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "resources" / "demo"


def run(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "desktop") + os.pathsep + os.environ.get("PYTHONPATH", "")}
    return subprocess.run([sys.executable, "-m", "variorum", "compare", *args], capture_output=True, text=True,
                          env=env, timeout=120)


def test_json_lists_the_url_date_mismatch_first():
    out = run(str(DEMO), "--format", "json")
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    first = report["findings"][0]
    assert (first["kind"], first["severity"]) == ("url-date-mismatch", "high")
    labels = {v["id"]: v["label"] for v in report["versions"]}
    cited = {(labels[e["version"]][:3], e["text"]) for e in first["evidence"]}
    assert ("000", "https://www.themoscowtimes.com/2025/02/21/belarus-opposition-urges-eu-to-reject-vote-as-"
                   "leaders-hold-emergency-talks") in cited
    assert ("001", "August 19, 2020") in cited
    v2 = next(v for v in report["versions"] if v["label"].startswith("001"))
    assert v2["metadata"]["published"] == "2020-08-19"
    assert v2["metadata"]["title"].startswith("Russia Slams")
    assert any(link["url"] == "#" for link in v2["metadata"]["links"])


def test_markdown_shows_findings_above_differences():
    md = run(str(DEMO), "--format", "md").stdout
    assert md.index("## Findings") < md.index("url-date-mismatch") < md.index("## Differences")
    assert md.index("url-date-mismatch") < md.index("date-mismatch`")


def test_html_shows_findings_above_differences():
    html = run(str(DEMO), "--format", "html").stdout
    assert html.index("Findings (") < html.index("url-date-mismatch") < html.index("Differences (")
