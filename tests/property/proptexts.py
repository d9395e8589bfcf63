"""Hypothesis strategies for article-like texts and edited versions of them."""

from __future__ import annotations

from hypothesis import strategies as st

WORDS = ("the", "council", "voted", "ferry", "Mara", "Lindqvist", "40,000", "3.5", "2019", "said", "island",
         "pier", "north", "crowns", "été", "Zürich", "Łódź", "Москва", "東京", "don’t", "“quoted”", "well-known",
         "co-\noperate", "e-mail", "(aside)", "80%", "19th", "—", "-", "…", "...", ",", ".", ";", "!", "?", "'",
         "\"", "«", "»", "ﬁne", "cafe\u0301", "soft\u00adhyphen", "non\u00a0breaking", "a", "A", "THE", "x")
SPACES = (" ", " ", " ", "  ", "\n", "\u00a0", "\t")

MARKUP_CHARS = "*_#[]<>`|~"

word = st.sampled_from(WORDS)
# A word now and then from anywhere in Unicode (letters, digits, punctuation, symbols, marks).
odd_word = st.text(st.characters(categories=("L", "M", "N", "P", "S")), min_size=1, max_size=6)
any_word = st.one_of(word, word, word, odd_word)
# The same without Markdown/HTML markup characters, which take no part in the word diff.
plain_word = st.one_of(word, word, word, st.text(st.characters(categories=("L", "M", "N", "P", "S"),
                                                               exclude_characters=MARKUP_CHARS),
                                                 min_size=1, max_size=6))


@st.composite
def paragraph(draw, words=any_word) -> str:
    ws = draw(st.lists(words, min_size=1, max_size=14))
    out = [ws[0]]
    for w in ws[1:]:
        out.append(draw(st.sampled_from(SPACES)))
        out.append(w)
    return "".join(out)


@st.composite
def article(draw, words=any_word) -> str:
    paras = draw(st.lists(paragraph(words), min_size=0, max_size=6))
    breaks = st.sampled_from(("\n\n", "\n\n", "\n \n", "\n\n\n"))
    text = ""
    for n, p in enumerate(paras):
        text += (draw(breaks) if n else "") + p
    return draw(st.sampled_from(("", " ", "\n"))) + text + draw(st.sampled_from(("", "\n", " \n")))


@st.composite
def edited(draw, text: str, words=any_word) -> str:
    """``text`` after a few edits of the kinds versions of an article differ by."""
    pieces = text.split(" ")
    for _ in range(draw(st.integers(0, 6))):
        if not pieces:
            pieces = [draw(words)]
            continue
        i = draw(st.integers(0, len(pieces) - 1))
        kind = draw(st.sampled_from(("insert", "delete", "replace", "break", "join", "swap")))
        if kind == "insert":
            pieces.insert(i, draw(words))
        elif kind == "delete":
            del pieces[i]
        elif kind == "replace":
            pieces[i] = draw(words)
        elif kind == "break":
            pieces[i] = pieces[i] + draw(st.sampled_from(("\n\n", "\n", "  ")))
        elif kind == "join" and i + 1 < len(pieces):
            pieces[i:i + 2] = [pieces[i] + pieces[i + 1]]
        elif kind == "swap" and i + 1 < len(pieces):
            pieces[i], pieces[i + 1] = pieces[i + 1], pieces[i]
    return " ".join(pieces)


@st.composite
def versions(draw, words=any_word) -> tuple[str, str]:
    base = draw(article(words))
    return base, draw(edited(base, words))
