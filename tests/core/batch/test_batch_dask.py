"""``variorum batch --scheduler ADDRESS``: the cases run on a Dask cluster (here a small one in this process) and
give the same reports and summary as the local pool."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest

from variorum import cli_batch
from variorum.core.batch import pools

distributed = pytest.importorskip("distributed")

DARWIN = Path(__file__).resolve().parents[2] / "data" / "darwin-origin-ch1-para1"


@pytest.fixture
def cluster():
    with distributed.LocalCluster(processes=False, n_workers=1, threads_per_worker=2, dashboard_address=None) as c:
        yield c


def _cases(tmp_path: Path) -> Path:
    for p in DARWIN.glob("origin-18*.txt"):
        shutil.copy(p, tmp_path / p.name)
    lines = [{"id": "first", "files": ["origin-1859.txt", "origin-1860.txt", "origin-1861.txt"]},
             {"id": "late", "files": ["origin-1866.txt", "origin-1872.txt"], "base": "v2"},
             {"id": "lost", "files": ["origin-1859.txt", "missing.txt"]},
             {"id": "pair", "files": ["origin-1869.txt", "origin-1872.txt"], "show_cosmetic": True}]
    cases = tmp_path / "cases.jsonl"
    cases.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    return cases


def _summary(out: Path) -> list[dict[str, str]]:
    with (out / "summary.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _stable(path: Path) -> dict:
    report = json.loads(path.read_text(encoding="utf-8"))
    report.pop("generated_at")
    return report


def test_a_batch_on_a_dask_cluster_reports_as_the_local_pool_does(tmp_path, cluster, capsys):
    cases = _cases(tmp_path)
    assert cli_batch.main([str(cases), "--output", str(tmp_path / "local"), "--workers", "1"]) == 1
    capsys.readouterr()
    assert cli_batch.main([str(cases), "--output", str(tmp_path / "dask"),
                           "--scheduler", cluster.scheduler_address]) == 1
    progress = capsys.readouterr().err
    assert sorted(line.split("]")[0] for line in progress.splitlines()[:4]) == ["[1/4", "[2/4", "[3/4", "[4/4"]
    assert "lost: FAILED (fewer than two readable versions" in progress and "3 of 4 cases reported" in progress
    assert _summary(tmp_path / "dask") == _summary(tmp_path / "local")
    for name in ("first.json", "late.json", "pair.json"):
        assert _stable(tmp_path / "dask" / name) == _stable(tmp_path / "local" / name)


def test_a_batch_on_a_dask_cluster_resumes_where_it_stopped(tmp_path, cluster, capsys):
    cases, out = _cases(tmp_path), tmp_path / "reports"
    assert cli_batch.main([str(cases), "--output", str(out), "--scheduler", cluster.scheduler_address]) == 1
    (out / "late.json").unlink()
    capsys.readouterr()
    assert cli_batch.main([str(cases), "--output", str(out), "--scheduler", cluster.scheduler_address]) == 1
    progress = capsys.readouterr().err
    assert "late: ok" in progress and "first" not in progress and "(2 already there)" in progress
    assert [r["status"] for r in _summary(out)] == ["ok", "ok", "failed", "ok"]


def test_an_unreachable_scheduler_is_a_clear_error(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(pools, "CONNECT_TIMEOUT_S", 1)
    assert cli_batch.main([str(_cases(tmp_path)), "--output", str(tmp_path / "out"),
                           "--scheduler", "inproc://192.0.2.1/1/1"]) == 2
    err = capsys.readouterr().err
    assert "cannot reach the Dask scheduler at inproc://192.0.2.1/1/1" in err
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("address", ["not an address", "tcp://", "http://example.invalid:8786"])
def test_a_malformed_scheduler_address_is_a_clear_error(tmp_path, address, capsys):
    assert cli_batch.main([str(_cases(tmp_path)), "--output", str(tmp_path / "out"), "--scheduler", address]) == 2
    assert f"{address!r} is not the address of a Dask scheduler" in capsys.readouterr().err


def test_a_cluster_without_workers_is_a_clear_error(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(pools, "CONNECT_TIMEOUT_S", 1)
    with distributed.LocalCluster(processes=False, n_workers=0, dashboard_address=None) as empty:
        assert cli_batch.main([str(_cases(tmp_path)), "--output", str(tmp_path / "out"),
                               "--scheduler", empty.scheduler_address]) == 2
    assert "the Dask cluster has no workers" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_many_small_cases_go_to_the_cluster_in_groups_and_come_back_in_order(tmp_path, capsys):
    for p in DARWIN.glob("origin-18*.txt"):
        shutil.copy(p, tmp_path / p.name)
    pairs = [["origin-1859.txt", "origin-1860.txt"], ["origin-1866.txt", "origin-1872.txt"]]
    lines = [{"id": f"c{n:02d}", "files": pairs[n % 2]} for n in range(16)]
    lines[9]["files"] = ["origin-1859.txt", "missing.txt"]
    cases = tmp_path / "cases.jsonl"
    cases.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    with distributed.LocalCluster(processes=False, n_workers=1, threads_per_worker=1, dashboard_address=None) as c:
        pool = pools.DaskPool(c.scheduler_address)
        try:
            assert pool.group_size(16) == 4
        finally:
            pool.close()
        assert cli_batch.main([str(cases), "--output", str(tmp_path / "out"), "--scheduler", c.scheduler_address]) == 1
    rows = _summary(tmp_path / "out")
    assert [r["case"] for r in rows] == [x["id"] for x in lines]
    assert [r["status"] for r in rows] == ["failed" if n == 9 else "ok" for n in range(16)]
    assert len(list((tmp_path / "out").glob("*.json"))) == 15
    assert capsys.readouterr().err.count(": ok ") == 15


def test_a_group_whose_task_fails_is_split_so_only_the_failing_case_is_recorded(tmp_path, monkeypatch, capsys):
    # as when a worker dies and Dask gives up on the task (KilledWorker): the task, not one case, failed
    from variorum.core.batch import work

    report_case = work.report_case

    def dies_on_c05(case):
        if case.id == "c05":
            raise RuntimeError("worker died")
        return report_case(case)

    monkeypatch.setattr(work, "report_case", dies_on_c05)
    for p in DARWIN.glob("origin-18*.txt"):
        shutil.copy(p, tmp_path / p.name)
    cases = tmp_path / "cases.jsonl"
    cases.write_text("".join(json.dumps({"id": f"c{n:02d}", "files": ["origin-1866.txt", "origin-1872.txt"]}) + "\n"
                             for n in range(8)), encoding="utf-8")
    with distributed.LocalCluster(processes=False, n_workers=1, threads_per_worker=1, dashboard_address=None) as c:
        assert cli_batch.main([str(cases), "--output", str(tmp_path / "out"), "--scheduler", c.scheduler_address]) == 1
    rows = _summary(tmp_path / "out")
    assert [r["status"] for r in rows] == ["failed" if n == 5 else "ok" for n in range(8)]
    assert rows[5]["error"] == "RuntimeError: worker died"
