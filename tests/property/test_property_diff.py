"""Properties of the word diff and the paragraph alignment, over generated versions of an article.

How a difference's offsets work: ``base`` and ``other`` are spans of the two texts (``text[start:end]`` is the
span's text). A difference covers whole tokens, from the first token's start to the last one's end, so the
white space *around* an insertion or deletion, and line and paragraph breaks between paragraphs, are not part
of any difference (white space *between* two matched words of a paragraph is, as a cosmetic difference). An
insertion is an empty base span where the words go; a passage over several paragraphs is one difference per
paragraph. Moves replace a deletion and an insertion; they are left out when applying (their place in the other
text is the insertion's, not the base's).

So the property is: writing every non-move difference's other text over its base span, left to right, gives
the other version up to white space. Markdown/HTML markup characters take no part in the word diff (a cosmetic
"markup" difference covers them only between two matched words), so that property is checked on texts without
them; the others on any text.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

from hypothesis import assume, given, settings
from hypothesis import strategies as st
from proptexts import plain_word, versions

from variorum.core.diff import Codec, diff_versions, prepare
from variorum.core.tokens import paragraphs


def diff(base: str, other: str, codec: Codec | None = None):
    return diff_versions(base, other, version_id="v2", salt="base|other", codec=codec)


def apply(base: str, differences) -> str:
    out, pos = [], 0
    for d in sorted((d for d in differences if d.kind != "move"), key=lambda d: (d.base.start, d.other.start)):
        assert d.base.start >= pos, f"{d} overlaps the difference before it"
        out.append(base[pos:d.base.start])
        out.append(d.other.text)
        pos = d.base.end
    out.append(base[pos:])
    return "".join(out)


def squash(text: str) -> str:
    return "".join(text.split())


@given(versions(plain_word))
def test_applying_the_differences_to_the_base_gives_the_other_version(pair):
    base, other = pair
    result = diff(base, other)
    assume(not any(d.kind == "move" for d in result.differences))
    assert squash(apply(base, result.differences)) == squash(other)


@given(versions())
def test_offsets_stay_in_range_and_spans_hold_their_text(pair):
    base, other = pair
    for d in diff(base, other).differences:
        for span, text in ((d.base, base), (d.other, other)):
            assert 0 <= span.start <= span.end <= len(text)
            assert text[span.start:span.end] == span.text
        assert d.kind in ("insert", "delete", "replace", "move")
        assert (d.kind == "insert") <= (d.base.start == d.base.end)
        assert (d.kind == "delete") <= (d.other.start == d.other.end)


@given(versions())
def test_the_other_sides_are_in_reading_order_and_never_overlap(pair):
    base, other = pair
    spans = sorted((d.other.start, d.other.end) for d in diff(base, other).differences if d.kind != "move")
    for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
        assert end <= start


@given(versions())
def test_ids_are_unique_and_do_not_depend_on_what_was_compared_before(pair):
    base, other = pair
    first = diff(base, other)
    shared = Codec()  # a comparison shares one codec across all its versions
    diff(other, base, codec=shared)
    diff(base + "\n\nan unrelated paragraph", other, codec=shared)
    again = diff(prepare(base), prepare(other), codec=shared)
    assert again == first
    ids = [d.id for d in first.differences]
    assert len(set(ids)) == len(ids)


@given(versions())
def test_a_text_compared_with_itself_has_no_differences(pair):
    base, _ = pair
    result = diff(base, base)
    assert result.differences == ()


@given(versions())
def test_the_alignment_pairs_every_paragraph_in_reading_order(pair):
    base, other = pair
    pairs = diff(base, other).alignment
    assert [p.base for p in pairs if p.base is not None] == paragraphs(base)
    others = [p.other for p in pairs if p.other is not None]
    # a base paragraph continuing the other version's previous one (a different paragraph break) pairs with it
    # again: consecutive repeats are allowed, nothing else
    assert [o for n, o in enumerate(others) if n == 0 or others[n - 1] != o] == paragraphs(other)


_IDS_SCRIPT = """
import json, sys
from variorum.core.diff import diff_versions
pairs = json.loads(sys.stdin.read())
print(json.dumps([[d.id for d in diff_versions(b, o, version_id="v2", salt="s").differences] for b, o in pairs]))
"""


@settings(max_examples=max(3, settings.default.max_examples // 10))  # two processes an example: fewer
@given(st.lists(versions(), min_size=1, max_size=5))
def test_ids_are_the_same_in_another_process_with_another_hash_seed(pairs):
    def ids(seed: str) -> list[list[str]]:
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": os.pathsep.join(sys.path)}
        done = subprocess.run([sys.executable, "-c", _IDS_SCRIPT], input=json.dumps(pairs), env=env,
                              capture_output=True, text=True, check=True)
        return json.loads(done.stdout)

    expected = [[d.id for d in diff_versions(b, o, version_id="v2", salt="s").differences] for b, o in pairs]
    assert ids("1") == ids("2") == expected
