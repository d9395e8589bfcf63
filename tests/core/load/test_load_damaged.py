"""Damaged files of every format: loading never raises, and the message always says what is wrong."""

from __future__ import annotations

import random

import pytest

from variorum.core.load import load_bytes

GENERIC = "Could not read this"


def _mutations(raw: bytes, seed: int, count: int) -> list[bytes]:
    rnd = random.Random(seed)
    out = []
    for n in range(count):
        b = bytearray(raw)
        if n % 3 == 0:
            b = b[:rnd.randint(0, len(b))]
        elif n % 3 == 1:
            for _ in range(rnd.randint(1, 20)):
                b[rnd.randrange(len(b))] = rnd.randrange(256)
        else:
            i = rnd.randrange(len(b))
            b[i:i + rnd.randint(1, 200)] = b""
        out.append(bytes(b))
    return out


@pytest.mark.parametrize("name", ["story.pdf", "story.docx", "story.html", "story.md", "story.txt"])
def test_damaged_files_get_a_specific_message(name, make_pdf, make_docx, energy_paths):
    raw = {
        "story.pdf": lambda: make_pdf([["Hello world, this is page one."], ["And page two (with parens)."]], title="T"),
        "story.docx": lambda: make_docx(["Para one with a link.", "Para two."], links={"link": "https://e.example"},
                                        table=[["a", "b"]], title="X"),
        "story.html": lambda: energy_paths[1].read_bytes()[:20000],
        "story.md": lambda: b"# Title\n\nSome [link](http://x) and *em* text.\n\n- a\n- b\n",
        "story.txt": lambda: "Plain “text” with café and naïve words.\r\nSecond line.\r\n".encode(),
    }[name]()
    for damaged in _mutations(raw, seed=len(name), count=24):
        v = load_bytes(damaged, version_id="v1", label=name)
        assert v.ok or (v.error and not v.error.startswith(GENERIC)), v.error
        assert v.ok == bool(v.text.strip())
