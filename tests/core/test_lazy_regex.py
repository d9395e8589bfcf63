"""A pattern compiled on first use answers exactly as ``re.compile`` does, and compiles once."""

import re

import pytest

from variorum.core.lazy_regex import LazyPattern

TEXT = "Dr. Lena Ortiz said on 3 May 2021 that 12 of 40 wells were dry; DR. ORTIZ said so again."
PATTERNS = [(r"\bdr\.\s+(\w+)", re.IGNORECASE), (r"(?P<n>\d+) of (?P<m>\d+)", 0), (r"\s*;\s*", 0),
            (r"^nothing$", re.MULTILINE)]


def _same(a: re.Match[str] | None, b: re.Match[str] | None) -> bool:
    return (a.span(), a.groups()) == (b.span(), b.groups()) if a and b else a is b


@pytest.mark.parametrize("pattern, flags", PATTERNS)
def test_every_method_answers_as_the_compiled_pattern(pattern, flags):
    lazy, compiled = LazyPattern(pattern, flags), re.compile(pattern, flags)
    assert lazy.pattern == compiled.pattern and lazy.flags == flags
    for _ in range(2):  # before and after the first use
        assert _same(lazy.search(TEXT, 4), compiled.search(TEXT, 4))
        assert _same(lazy.match(TEXT), compiled.match(TEXT))
        assert _same(lazy.fullmatch(TEXT), compiled.fullmatch(TEXT))
        assert [m.span() for m in lazy.finditer(TEXT, 0, 60)] == [m.span() for m in compiled.finditer(TEXT, 0, 60)]
        assert lazy.findall(TEXT) == compiled.findall(TEXT)
        assert lazy.sub("#", TEXT, 1) == compiled.sub("#", TEXT, 1)
        assert lazy.subn(lambda m: m.group().upper(), TEXT) == compiled.subn(lambda m: m.group().upper(), TEXT)
        assert lazy.split(TEXT) == compiled.split(TEXT)


def test_the_pattern_is_compiled_on_first_use_only(monkeypatch):
    calls = []
    real = re.compile
    monkeypatch.setattr(re, "compile", lambda *a: calls.append(a) or real(*a))
    lazy = LazyPattern(r"wells?", re.IGNORECASE)
    assert calls == []  # writing it down compiles nothing
    assert lazy.findall(TEXT) == ["wells"]
    assert lazy.search("WELL").group() == "WELL"
    assert calls == [(r"wells?", re.IGNORECASE)]
    assert lazy.compiled() is lazy.compiled()


def test_an_invalid_pattern_fails_when_used():
    lazy = LazyPattern(r"(unclosed")
    with pytest.raises(re.error):
        lazy.search("text")
