"""Inputs within the documented limits finish in bounded memory, with a message the user can act on, while the
other versions are still compared. Each input is made here in a temporary folder and compared in a child process
whose own peak memory is read (``VmHWM``: ``getrusage`` would count the test run's own peak; the bounds are
generous; timings are in ``bench/hostile_inputs.py``)."""

from __future__ import annotations

import io
import json
import os
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = "The Kremlin said on Wednesday that events in Belarus did not yet warrant Russian military help.\n"
PEAK_BOUND_KB = 400 * 1024  # the program itself takes about 150 MB; a runaway input takes far more
_RUN_MEASURED = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))  # a runaway read fails instead of swapping
from variorum.cli_compare import main
code = main(sys.argv[1:])
# the peak of this process's own memory, in KB: getrusage's would carry over the peak of the test run that started
# it (Linux keeps the larger of the two across fork and exec)
print(next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:")), file=sys.stderr)
sys.exit(code)
"""


def compare_measured(tmp_path: Path, hostile: Path) -> tuple[list[str], int, dict]:
    """Compare two ordinary versions and ``hostile``: (messages, peak memory in KB, the JSON report)."""
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(ARTICLE, encoding="utf-8")
    b.write_text(ARTICLE.replace("Wednesday", "Tuesday"), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "desktop")}
    out = subprocess.run([sys.executable, "-c", _RUN_MEASURED, str(a), str(b), str(hostile)],
                         capture_output=True, text=True, env=env, timeout=600)
    assert out.returncode == 0, out.stderr
    *messages, peak = out.stderr.strip().splitlines()
    return messages, int(peak), json.loads(out.stdout)


def docx_with_lying_sizes(unpacked: int) -> bytes:
    """A real Word document whose body part unpacks to ``unpacked`` bytes while its headers say 1 KB."""
    import docx

    blank = io.BytesIO()
    docx.Document().save(blank)
    out = io.BytesIO()
    with zipfile.ZipFile(blank) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for info in src.infolist():
            if info.filename != "word/document.xml":
                z.writestr(info.filename, src.read(info))
        with z.open("word/document.xml", "w", force_zip64=False) as part:
            part.write(b"<w:document>")
            for _ in range(unpacked // (1 << 20)):
                part.write(b" " * (1 << 20))
            part.write(b"</w:document>")
    raw = bytearray(out.getvalue())
    with zipfile.ZipFile(io.BytesIO(bytes(raw))) as z:
        info = z.getinfo("word/document.xml")
    struct.pack_into("<I", raw, info.header_offset + 22, 1024)  # local header: uncompressed size
    central = raw.rindex(b"word/document.xml") - 46  # the name's last mention is in the central directory
    struct.pack_into("<I", raw, central + 24, 1024)  # central directory: uncompressed size
    return bytes(raw)


def test_docx_whose_zip_headers_understate_its_size_is_refused_in_bounded_memory(tmp_path):
    forged = tmp_path / "forged.docx"
    forged.write_bytes(docx_with_lying_sizes(600 << 20))  # about 600 KB on disk
    messages, peak, report = compare_measured(tmp_path, forged)
    assert messages == ["variorum compare: v3 forged.docx: This DOCX file is damaged: what it unpacks to does not "
                        "match the sizes and checksums it records (it may have been made to look smaller than it "
                        "is), so it was not opened."]
    assert [v["error"] is None for v in report["versions"]] == [True, True, False]
    assert report["summary"]["substantive_differences"] >= 1
    assert peak < PEAK_BOUND_KB


def docx_with_xml(megabytes: int) -> bytes:
    """A real Word document whose body holds ``megabytes`` MB of XML: paragraphs of varied words, as a very long
    document has them (compressed about seven times over, as Word's own files are: not a zip bomb)."""
    import random

    import docx

    rng = random.Random(5)
    words = ARTICLE.split()
    chunk = "".join(f'<w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr><w:r><w:t xml:space="preserve">'
                    f'{" ".join(rng.choice(words) for _ in range(12))} {rng.randrange(10**6)}</w:t></w:r></w:p>'
                    for _ in range(5000)).encode()
    blank = io.BytesIO()
    docx.Document().save(blank)
    out = io.BytesIO()
    with zipfile.ZipFile(blank) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        for info in src.infolist():
            if info.filename != "word/document.xml":
                z.writestr(info.filename, src.read(info))
        body = src.read("word/document.xml")
        cut = body.index(b"<w:body>") + len(b"<w:body>")
        with z.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(body[:cut])
            for _ in range(megabytes * (1 << 20) // len(chunk) + 1):
                part.write(chunk)
            part.write(body[cut:])
    return out.getvalue()


def test_docx_with_more_xml_than_can_be_read_in_bounded_memory_is_refused_with_the_limit(tmp_path):
    huge = tmp_path / "book.docx"
    huge.write_bytes(docx_with_xml(150))
    messages, peak, report = compare_measured(tmp_path, huge)
    assert messages == ["variorum compare: v3 book.docx: This Word document's text and layout (its XML) unpack to "
                        "more than 64 MB (the limit, so that it can be read in bounded time and memory); it was not "
                        "opened. Save the part to compare as a separate document, or as plain text."]
    assert [v["error"] is None for v in report["versions"]] == [True, True, False]
    assert report["summary"]["substantive_differences"] >= 1
    assert peak < PEAK_BOUND_KB


_RUN_WITH_CASE_LIMIT = """
import sys
import variorum.core.load
variorum.core.load.MAX_CASE_BYTES = int(sys.argv.pop(1))  # a small limit stands for the real one
from variorum.cli_compare import main
sys.exit(main(sys.argv[1:]))
"""


def test_a_case_past_its_total_limit_says_which_file_was_not_read_and_compares_the_others(tmp_path):
    paths = []
    for name, day in (("a.txt", "Wednesday"), ("b.txt", "Tuesday"), ("c.txt", "Monday")):
        paths.append(tmp_path / name)
        paths[-1].write_text(ARTICLE.replace("Wednesday", day) * 400, encoding="utf-8")  # 37 KB each
    env = {**os.environ, "PYTHONPATH": str(ROOT / "desktop")}
    out = subprocess.run([sys.executable, "-c", _RUN_WITH_CASE_LIMIT, str(100 * 1024), *map(str, paths),
                          "--format", "json"], capture_output=True, text=True, env=env, timeout=600)
    assert out.returncode == 0, out.stderr
    assert out.stderr.strip().splitlines() == [
        "variorum compare: v3 c.txt: Not read: the case already holds 75 KB of files and one case reads at most "
        "100 KB in all (this file is 37 KB). The other versions are compared; compare this file with fewer or "
        "smaller versions."]
    report = json.loads(out.stdout)
    assert [v["error"] is None for v in report["versions"]] == [True, True, False]
    assert report["summary"]["substantive_differences"] >= 1


def test_a_text_of_megabytes_on_one_line_is_compared_within_twenty_four_times_its_size(tmp_path):
    import random

    rng = random.Random(7)
    words = (ARTICLE * 3).split() + ["council", "“reform”", "José", "12", "percent", "Tuesday"]
    line = tmp_path / "line.txt"
    line.write_text(" ".join(rng.choice(words) for _ in range(750_000)), encoding="utf-8")  # about 5 MB, no break
    messages, peak, report = compare_measured(tmp_path, line)
    assert [v["error"] is None for v in report["versions"]] == [True, True, True]
    assert report["summary"]["substantive_differences"] >= 1
    # a removed passage is classified a piece at a time: it was put in five whole-text normal forms (29 times the
    # input's size in all)
    assert peak * 1024 < 24 * line.stat().st_size, f"{peak * 1024 / line.stat().st_size:.1f} times the input"
