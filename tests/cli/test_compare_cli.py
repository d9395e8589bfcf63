import json
import subprocess
import sys
from pathlib import Path

from variorum.core.load import EMPTY_FOLDER

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env_path = str(ROOT / "desktop")
    import os

    env = {**os.environ, "PYTHONPATH": env_path + os.pathsep + os.environ.get("PYTHONPATH", "")}
    return subprocess.run([sys.executable, "-m", "variorum", *args], capture_output=True, text=True, env=env,
                          cwd=cwd, timeout=120)


def test_version_flag():
    out = run("--version")
    assert out.returncode == 0
    assert out.stdout.startswith("variorum ")


def test_compare_seeds_json_report(seed_paths):
    out = run("compare", *map(str, seed_paths), "--format", "json")
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    assert report["schema"] == "variorum.report/1"
    assert report["base"] == "v2"
    assert [v["relation"]["kind"] for v in report["versions"]] == [
        "same-article", "base", "same-article", "related", "related"]
    for v in report["versions"]:
        assert len(v["sha256"]) == 64 and v["error"] is None
    assert report["differences"] and not any(d["cosmetic"] for d in report["differences"])
    assert isinstance(report["findings"], list)


def test_show_cosmetic_lists_them(seed_paths):
    out = run("compare", *map(str, seed_paths[:3]), "--show-cosmetic")
    report = json.loads(out.stdout)
    assert any(d["cosmetic"] for d in report["differences"])


def test_folder_and_output_file(tmp_path):
    target = tmp_path / "report.md"
    out = run("compare", str(ROOT / "resources" / "demo"), "--format", "md", "--output", str(target))
    assert out.returncode == 0, out.stderr
    assert out.stdout == ""
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Variorum comparison report")
    assert text.index("## Findings") < text.index("## Differences")


def test_too_few_readable_versions(tmp_path, seed_paths):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    out = run("compare", str(seed_paths[0]), str(empty))
    assert out.returncode == 2
    assert "v2 empty.txt: The file is empty (0 bytes)." in out.stderr
    assert out.stderr.strip().endswith("need at least two readable versions to compare, got 1 (of 2 files)")


def test_an_empty_folder_is_reported_as_one_version_with_its_error(tmp_path, seed_paths):
    empty = tmp_path / "nothing to compare"
    empty.mkdir()
    out = run("compare", str(seed_paths[0]), str(empty), str(seed_paths[1]))
    assert out.returncode == 0, out.stderr
    assert f"v2 nothing to compare: {EMPTY_FOLDER}" in out.stderr
    report = json.loads(out.stdout)
    assert [(v["id"], v["error"]) for v in report["versions"]] == [("v1", None), ("v2", EMPTY_FOLDER), ("v3", None)]


def test_bad_file_does_not_stop_the_others(tmp_path, seed_paths):
    junk = tmp_path / "junk.txt"
    junk.write_bytes(bytes(range(256)) * 40)
    out = run("compare", str(seed_paths[0]), str(junk), str(seed_paths[1]))
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    assert report["versions"][1]["error"] == "This looks like a binary file, not text; it cannot be compared."
    assert report["base"] in {"v1", "v3"}


def test_usage_errors_exit_2(tmp_path):
    assert run("compare").returncode == 2
    out = run("compare", str(tmp_path / "missing.txt"), str(tmp_path / "other.txt"))
    assert out.returncode == 2
    assert "no such file or folder" in out.stderr
    out = run("compare", str(ROOT / "resources" / "demo"), "--base", "v42")
    assert out.returncode == 2
    assert "--base 'v42' matches none of the versions" in out.stderr
