"""A comparison sent from the comparison's process to the window's in small pieces comes back whole: the same
differences, findings and word-exact maps, the window's own versions as the very objects it sent, and no message
much larger than a piece (each is taken in one event-loop turn)."""

from __future__ import annotations

import subprocess
import sys

from variorum.core.case import Case
from variorum.ui import job_stream
from variorum.ui.job import Job, run_job
from variorum.ui.job_stream import Decoder, Encoder
from variorum.ui.panes.alignment_map import alignment_for


def compared(paths) -> tuple[Case, Case]:
    """The case as the window sends it (texts read) and the job's result."""
    sent = Case()
    sent.add(paths)
    job = Job(sent.copy())
    return sent, run_job(job, progress=lambda f, m: None, cancelled=lambda: False)


def test_a_comparison_travels_in_pieces_and_comes_back_whole(darwin_paths, monkeypatch):
    piece = 8 * 1024  # small texts, small pieces: there are many, and none of the parts is larger than a piece
    monkeypatch.setattr(job_stream, "PIECE_BYTES", piece)
    sent, case = compared(darwin_paths)
    amap = alignment_for(case.comparison)
    messages = Encoder(known=sent.versions).report("finished", case, amap)
    assert len(messages) > 5
    assert all(len(m) < 2 * piece for m in messages)

    decoder = Decoder(known=sent.versions)
    reports = [decoder.read(m) for m in messages]
    assert reports[:-1] == [None] * (len(messages) - 1)
    kind, back, back_map = reports[-1]
    assert kind == "finished"
    assert all(a is b for a, b in zip(back.comparison.versions, sent.versions, strict=True))
    assert back.comparison.differences == case.comparison.differences
    assert back.comparison.findings == case.comparison.findings
    assert back_map.comparison is back.comparison
    original, copy = amap.exact, back_map.exact
    for v in case.comparison.versions:
        for offset in range(0, len(case.comparison.base_version.text), 97):
            assert copy.from_base(v.id, offset, offset + 40) == original.from_base(v.id, offset, offset + 40)
        for offset in range(0, len(v.text), 97):
            assert copy.to_base(v.id, offset, offset + 40) == original.to_base(v.id, offset, offset + 40)


def test_many_small_objects_travel_in_many_messages(darwin_paths, monkeypatch):
    """192 KB of differences, spans and places took the window 9-17 ms to unpickle, where 192 KB of text takes 1:
    a message is also cut at a number of parts, so each of the window's turns takes a few of them."""
    monkeypatch.setattr(job_stream, "PIECE_BYTES", 1 << 30)  # as if every part were small in bytes
    monkeypatch.setattr(job_stream, "PIECE_PARTS", 8)  # a small comparison, small pieces
    sent, case = compared(darwin_paths)
    parts = len(case.comparison.differences) + len(case.comparison.places)
    messages = Encoder(known=sent.versions).report("finished", case, None)
    assert parts > 40
    assert len(messages) > parts // 8
    decoder = Decoder(known=sent.versions)
    back = [decoder.read(m) for m in messages][-1][1]
    assert back.comparison.differences == case.comparison.differences
    assert back.comparison.places == case.comparison.places


def test_reports_of_one_job_share_what_was_sent_before(seed_paths):
    """The texts shown first (``loaded``) are the very versions the finished comparison holds."""
    sent, case = compared(seed_paths[:3])
    encoder, decoder = Encoder(known=sent.versions), Decoder(known=sent.versions)
    loaded = [decoder.read(m) for m in encoder.report("loaded", case.copy())][-1][1]
    finished = [decoder.read(m) for m in encoder.report("finished", case, None)][-1][1]
    assert all(a is b for a, b in zip(loaded.versions, finished.comparison.versions, strict=True))


def test_the_comparison_process_imports_no_qt():
    code = ("import sys, variorum.ui.job_process; "
            "sys.exit(any(m.split('.')[0] in ('PySide6', 'shiboken6') for m in sys.modules))")
    assert subprocess.run([sys.executable, "-c", code], check=False, timeout=120).returncode == 0
