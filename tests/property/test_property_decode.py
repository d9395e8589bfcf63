"""Properties of the text decoder: any bytes give text or a typed LoadError, never another exception, and
text that is valid UTF-8 always comes back exactly."""

from __future__ import annotations

import codecs

from hypothesis import given
from hypothesis import strategies as st
from proptexts import article

from variorum.core.load import load_bytes
from variorum.core.load.encoding import decode
from variorum.core.load.errors import LoadError
from variorum.core.load.text import extract

# Bytes as files hold them: anything at all, mostly-ASCII text with stray bytes, text in legacy code pages,
# and UTF-8 cut or damaged somewhere.
_legacy = st.tuples(st.text(max_size=200), st.sampled_from(("cp1252", "cp1251", "latin_1", "koi8_r", "shift_jis",
                                                             "utf-16-le", "utf-16-be"))).map(
    lambda te: te[0].encode(te[1], errors="replace"))
_damaged = st.tuples(st.text(min_size=1, max_size=300), st.integers(0, 300), st.binary(min_size=1, max_size=3)).map(
    lambda t: (b := t[0].encode("utf-8", "surrogatepass"))[:t[1] % len(b)] + t[2] + b[t[1] % len(b):])
raw_bytes = st.one_of(st.binary(max_size=400), _legacy, _damaged,
                      st.tuples(st.sampled_from([bom for bom in (codecs.BOM_UTF8, codecs.BOM_UTF16_LE,
                                                                 codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE)]),
                                st.binary(max_size=100)).map(b"".join))


@given(raw_bytes)
def test_any_bytes_decode_to_text_or_a_load_error(raw):
    try:
        text, encoding = decode(raw)
    except LoadError as exc:
        assert str(exc)
        return
    assert isinstance(text, str) and isinstance(encoding, str) and encoding


@given(raw_bytes)
def test_the_text_loader_gives_text_or_a_load_error(raw):
    try:
        extracted = extract(raw)
    except LoadError:
        return
    assert "\r" not in extracted.text and "\ufeff" not in extracted.text


@given(raw_bytes, st.sampled_from(("a.txt", "a.md", "a.html", "a.pdf", "a.docx", "a")))
def test_loading_any_bytes_never_raises_and_an_error_is_a_sentence(raw, name):
    version = load_bytes(raw, version_id="v1", label=name)
    assert (version.error is None) == bool(version.text)
    assert version.error is None or version.error.strip()


@given(st.one_of(article(), st.text()).filter(lambda t: not t.startswith("\ufeff")))
def test_valid_utf8_text_round_trips(text):
    raw = text.encode("utf-8", errors="surrogatepass")
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:  # lone surrogates: not valid UTF-8
        return
    assert decode(raw) == (text, "utf-8")
