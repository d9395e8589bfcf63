"""No data loss: notes survive ``kill -9`` at any moment, and two processes never lose each other's writes."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from variorum.core.model import Version
from variorum.core.notes import Anchor, NotesStore

WRITER = Path(__file__).with_name("notes_writer_process.py")
KILLS = 60
# The same two versions the writer process uses, so both name the same case.
CASE_VERSIONS = [Version(id=f"v{n}", label=f"{c}.txt", path=None, sha256=c * 64, format="text", encoding="utf-8",
                         text=c) for n, c in ((1, "a"), (2, "b"))]


def spawn(store: Path, tag: str, count: int, shared: str | None = None) -> subprocess.Popen:
    args = [sys.executable, str(WRITER), str(store), tag, str(count)] + ([shared] if shared else [])
    return subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def acknowledged(lines: list[str]) -> tuple[set[str], dict[str, int]]:
    adds, edits = set(), {}
    for line in lines:
        parts = line.split()
        if parts[:1] == ["add"]:
            adds.add(parts[1])
        elif parts[:1] == ["edit"]:
            edits[parts[1]] = int(parts[2])
    return adds, edits


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_every_acknowledged_note_survives_sigkill_at_random_moments(tmp_path):
    store_path = tmp_path / "notes.sqlite3"
    seed = int.from_bytes(os.urandom(4), "big")
    rng = random.Random(seed)
    adds: set[str] = set()
    edits: dict[str, int] = {}
    for n in range(KILLS):
        child = spawn(store_path, f"w{n}", 1_000_000)
        lines: list[str] = []
        # Let it acknowledge a random number of changes (0 = kill it while it starts or opens the store),
        # then kill it a random moment later, most likely in the middle of a transaction.
        wanted = rng.choice([0, 0, 1, 2, 5, 10, 20, 40])
        while len(lines) < wanted:
            line = child.stdout.readline()
            if not line:
                break
            lines.append(line)
        time.sleep(rng.uniform(0, 0.03))
        child.send_signal(signal.SIGKILL)
        rest, _ = child.communicate()
        assert child.returncode == -signal.SIGKILL, f"writer ended on its own (seed {seed}): {_}"
        lines += [ln for ln in rest.splitlines(keepends=True) if ln.endswith("\n")]
        a, e = acknowledged(lines)
        adds |= a
        edits.update(e)

    conn = sqlite3.connect(store_path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    assert adds, f"no write was ever acknowledged (seed {seed})"
    with NotesStore(store_path) as store:
        for note_id in adds:
            note = store.note(note_id)  # raises if a committed note was lost
            assert store.history(note_id)[0].action == "create"
        for note_id, rev in edits.items():
            note = store.note(note_id)
            assert note.rev >= rev and note.body.endswith("edited"), f"lost edit (seed {seed})"
        # and nothing was changed without its audit event
        for case in store.recent_cases(limit=1000):
            for note in store.notes(case.id, include_deleted=True):
                assert store.history(note.id)[-1].after == note.to_json()


@pytest.mark.slow
def test_two_processes_writing_at_once_lose_nothing_and_never_report_a_lock(tmp_path):
    store_path = tmp_path / "notes.sqlite3"
    with NotesStore(store_path) as store:
        case = store.open_case(CASE_VERSIONS)
        shared = store.add_note(case.id, Anchor("case"), "").id
    count = 100
    children = [spawn(store_path, tag, count, shared) for tag in ("left", "right")]
    outputs = [c.communicate() for c in children]
    for child, (_out, err) in zip(children, outputs, strict=True):
        assert child.returncode == 0, err
        assert "locked" not in err and "Traceback" not in err, err
    lines = [ln for out, _ in outputs for ln in out.splitlines()]
    adds, _edits = acknowledged(lines)
    appended = {ln.split()[1] for ln in lines if ln.startswith("append ")}
    assert len(adds) == 2 * count and len(appended) == 2 * count

    with NotesStore(store_path) as store:
        notes = {n.id: n for n in store.notes(case.id)}
        assert adds <= set(notes)
        assert all(notes[i].body.endswith("edited") for i in adds)
        shared_lines = notes[shared].body.splitlines()
        assert sorted(shared_lines) == sorted(appended)  # every append from both processes is there
        assert len(store.history(shared)) == 1 + 2 * count


def test_several_processes_creating_the_store_at_once_all_succeed(tmp_path):
    store_path = tmp_path / "fresh" / "notes.sqlite3"
    children = [spawn(store_path, f"p{n}", 5) for n in range(3)]
    outputs = [c.communicate() for c in children]
    for child, (_out, err) in zip(children, outputs, strict=True):
        assert child.returncode == 0, err
    adds, _ = acknowledged([ln for out, _ in outputs for ln in out.splitlines()])
    case_ids = {ln.split()[1] for out, _ in outputs for ln in out.splitlines() if ln.startswith("case ")}
    assert len(adds) == 15 and len(case_ids) == 1  # one case for the same files, however the race went
    with NotesStore(store_path) as store:
        assert {n.id for n in store.notes(case_ids.pop())} == adds
