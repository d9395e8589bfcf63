"""What the user sees for each class of hostile or broken input, and what it costs in time and memory.

Each input is made on the spot in a temporary folder and compared by ``variorum compare`` (in a child process,
under a 2 GB address-space limit) with two ordinary versions of the same article. For each class the table shows
the message the hostile version gets, whether the other two were still compared, the wall time and the child's
peak memory (``VmHWM``, its own). Run on demand: ``.venv/bin/python bench/hostile_inputs.py``; ``--source DIR``
measures another checkout's ``desktop`` folder (to compare before and after a change), ``--timeout`` bounds each
run (a hang is shown as such).
"""

from __future__ import annotations

import io
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "core" / "load"))
sys.path.append(str(ROOT / "tests" / "cli"))
from test_compare_cli_limits import docx_with_lying_sizes, docx_with_xml  # noqa: E402  (the tests' DOCX files)

from conftest import build_pdf  # noqa: E402  (the tests' real-PDF builder)

ARTICLE = ("The minister said on Tuesday that the “reform” would go ahead. Café owners in Zürich disagreed, and "
           "José Martínez, a spokesman, called it “a mistake” that ignores the council. ") * 12
LIMIT = 2 << 30
RUNNER = f"""
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, ({LIMIT}, {LIMIT}))
from variorum.cli_compare import main
code = main(sys.argv[1:])
# the peak of this process's own memory (getrusage would count this benchmark's own peak, carried over by fork)
print("PEAK", next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:")),
      file=sys.stderr)
sys.exit(code)
"""


def _damaged_utf8(folder: Path) -> Path:
    raw = bytearray(ARTICLE.encode())
    for at in random.Random(3).sample(range(len(raw)), 3):
        raw[at] = 0xFF
    (folder / "damaged.txt").write_bytes(bytes(raw))
    return folder / "damaged.txt"


def _utf16(folder: Path) -> Path:
    (folder / "utf16.txt").write_bytes(ARTICLE.encode("utf-16-le"))
    return folder / "utf16.txt"


def _fifo(folder: Path) -> Path:
    os.mkfifo(folder / "pipe.txt")
    return folder / "pipe.txt"


def _dev_zero(folder: Path) -> Path:
    (folder / "zero.txt").symlink_to("/dev/zero")
    return folder / "zero.txt"


def _link_loop(folder: Path) -> Path:
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    return folder / "loop.txt"


def _bomb_pdf(folder: Path) -> Path:
    squeeze = zlib.compressobj(9)
    data = b"".join(squeeze.compress(b" " * (1 << 20)) for _ in range(200)) + squeeze.flush()
    raw = build_pdf([["placeholder"]])
    start = raw.index(b"<< /Length", raw.index(b"4 0 obj"))
    end = raw.index(b"endstream", start) + len(b"endstream")
    body = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"
    raw = raw[:start] + body + raw[end:raw.rindex(b"xref")]  # no table: the loader rebuilds it
    (folder / "bomb.pdf").write_bytes(raw)
    return folder / "bomb.pdf"


def _truncated_pdf(folder: Path) -> Path:
    raw = build_pdf([[f"Page {n}: the council of district {district} voted on the budget, {n * 7} members in favour."]
                     for n, district in enumerate(("North", "South", "East", "West", "Harbour", "Old Town"), 1)])
    (folder / "cut.pdf").write_bytes(raw[: int(len(raw) * 0.7)])
    return folder / "cut.pdf"


def _aes_pdf(folder: Path) -> Path:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(build_pdf([[ARTICLE[:90]]]))))
    writer.encrypt(user_password="", owner_password="owner", algorithm="AES-256")
    writer.write(folder / "aes.pdf")
    return folder / "aes.pdf"


def _socket(folder: Path) -> Path:
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(folder / "sock.txt"))
    _KEEP.append(sock)
    return folder / "sock.txt"


def _forged_docx(folder: Path) -> Path:
    (folder / "forged.docx").write_bytes(docx_with_lying_sizes(1900 << 20))  # 1.9 GB stated as 1 KB, 2 MB on disk
    return folder / "forged.docx"


def _words(count: int, seed: int) -> str:
    rng = random.Random(seed)
    words = ARTICLE.split()
    return " ".join(rng.choice(words) for _ in range(count))


def _html(folder: Path, paragraphs: int) -> Path:
    body = "".join(f"<p>{_words(60, n)}</p>\n" for n in range(paragraphs))  # about 400 bytes each
    (folder / "huge.html").write_text(f"<html><body><nav>Home</nav><article>{body}</article></body></html>")
    return folder / "huge.html"


def _huge_html(folder: Path) -> Path:
    return _html(folder, 20000)  # about 8 MB


def _huger_html(folder: Path) -> Path:
    return _html(folder, 38000)  # about 15 MB


def _xml_docx(folder: Path) -> Path:
    (folder / "book.docx").write_bytes(docx_with_xml(150))  # 150 MB of XML, about 20 MB on disk
    return folder / "book.docx"


def _single_line(folder: Path) -> Path:
    (folder / "line.txt").write_text(_words(700000, 1))  # about 5 MB, no line break
    return folder / "line.txt"


def _many_files(folder: Path) -> Path:
    (folder / "many").mkdir()
    for n in range(5000):
        (folder / "many" / f"copy{n}.txt").write_text(ARTICLE.replace("Tuesday", f"day {n}"), encoding="utf-8")
    return folder / "many"


_KEEP: list[socket.socket] = []
CASES = [("damaged UTF-8 (3 bytes)", _damaged_utf8), ("UTF-16 without BOM", _utf16), ("named pipe", _fifo),
         ("link to /dev/zero", _dev_zero), ("socket", _socket), ("link loop", _link_loop),
         ("PDF decompression bomb", _bomb_pdf), ("PDF cut at 70%", _truncated_pdf),
         ("AES PDF, no open password", _aes_pdf), ("DOCX, sizes understated", _forged_docx),
         ("DOCX, 150 MB of XML", _xml_docx), ("HTML page of 8 MB", _huge_html), ("HTML page of 15 MB", _huger_html), ("5 MB in one line", _single_line), ("folder of 5000 files", _many_files)]


def run_case(folder: Path, make, source: Path, timeout: float) -> tuple[str, bool, float, int]:
    good = []
    for n, day in enumerate(("Tuesday", "Wednesday")):
        good.append(folder / f"good{n}.txt")
        good[-1].write_text(ARTICLE.replace("Tuesday", day), encoding="utf-8")
    hostile = make(folder)
    env = {**os.environ, "PYTHONPATH": str(source)}
    started = time.perf_counter()
    try:
        child = subprocess.run([sys.executable, "-c", RUNNER, *map(str, good), str(hostile), "--format", "json"],
                               capture_output=True, text=True, env=env, timeout=timeout)
    except subprocess.TimeoutExpired:
        return f"HUNG (stopped after {timeout:.0f} s)", False, time.perf_counter() - started, -1
    elapsed = time.perf_counter() - started
    err = child.stderr.splitlines()
    peak_kb = next((int(line.split()[1]) for line in err if line.startswith("PEAK ")), -1)
    lines = [line for line in err if " v3 " in line]
    said = [line for line in err if not line.startswith("PEAK ")]
    if child.returncode not in (0, 2):
        message = f"CRASHED: {said[-1] if said else child.returncode}"
    elif child.returncode == 2 and not lines:
        message = f"WHOLE RUN REFUSED: {said[-1] if said else ''}"
    else:
        message = lines[0].split(": ", 2)[-1] if lines else _warning_of_v3(child.stdout)
    return message, child.returncode == 0 and '"v2"' in child.stdout, elapsed, peak_kb


def _warning_of_v3(report: str) -> str:
    import json

    v3 = json.loads(report)["versions"][2]
    return f"read as {v3.get('encoding')}; " + ("; ".join(v3.get("warnings") or ()) or "no warning")


def main() -> None:
    import argparse

    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--source", type=Path, default=ROOT / "desktop", help="the desktop folder to measure")
    args.add_argument("--timeout", type=float, default=120, help="seconds before a run counts as hung")
    ns = args.parse_args()
    print(f"{'input':28} {'time':>7} {'peak':>8}  others  message")
    for name, make in CASES:
        with tempfile.TemporaryDirectory() as tmp:
            message, others, elapsed, peak_kb = run_case(Path(tmp), make, ns.source, ns.timeout)
        print(f"{name:28} {elapsed:6.2f}s {max(peak_kb, 0) / 1024:6.0f}MB  {'yes' if others else 'NO ':6}  {message[:110]}")
    for sock in _KEEP:
        sock.close()


if __name__ == "__main__":
    main()
