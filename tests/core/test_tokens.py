from variorum.core.tokens import paragraphs, tokenize


def test_tokens_carry_code_point_offsets():
    text = "Café “déjà vu” — 12,300 at https://example.org/a/b."
    for t in tokenize(text):
        assert text[t.start:t.end] == t.raw
    raws = [t.raw for t in tokenize(text)]
    assert "12,300" in raws
    assert "https://example.org/a/b" in raws  # trailing full stop is not part of the URL


def test_pdf_line_end_hyphenation_is_one_token():
    (tok,) = [t for t in tokenize("the post-\nSoviet space") if "post" in t.raw]
    assert tok.raw == "post-\nSoviet"
    assert tok.key == "post-soviet"


def test_paragraphs_split_at_blank_lines_or_else_lines():
    assert paragraphs("a b\nc\n\nd") == [(0, 5), (7, 8)]
    assert paragraphs("one\ntwo\n") == [(0, 3), (4, 7)]
    assert paragraphs("  \n\n") == []


def test_first_sentence():
    from variorum.core.tokens import first_sentence

    assert first_sentence("One sentence only.") == "One sentence only."
    assert first_sentence("Mr. Hale left. He said “no.” Then he came back.") == "Mr. Hale left.…"
    long = "word " * 80
    cut = first_sentence(long.strip(), limit=50)
    assert cut.endswith("…") and len(cut) <= 51 and not cut[:-1].endswith(" ")
