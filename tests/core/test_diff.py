from variorum.core.diff import diff_versions


def diff(a: str, b: str):
    return diff_versions(a, b, version_id="v2", salt="test").differences


def substantive(a: str, b: str):
    return [d for d in diff(a, b) if not d.cosmetic]


def test_identical_texts_have_no_differences():
    assert diff("Same words here.\n\nAnd here.", "Same words here.\n\nAnd here.") == ()


def test_word_replacement_has_spans_in_both_texts():
    a, b = "The vote share was 80% in August.", "The vote share was 85% in August."
    (d,) = substantive(a, b)
    assert d.kind == "replace"
    assert a[d.base.start:d.base.end] == d.base.text == "80%"
    assert b[d.other.start:d.other.end] == d.other.text == "85%"
    assert d.category == "number"  # what changed is a figure


def test_insert_and_delete():
    (ins,) = substantive("He said it.", "He said it twice.")
    assert ins.kind == "insert" and ins.other.text == "twice" and ins.base.start == ins.base.end
    (dele,) = substantive("He said it twice.", "He said it.")
    assert dele.kind == "delete" and dele.base.text == "twice"


def test_cosmetic_differences_are_kept_and_labelled():
    a = "Russia’s “foreign” minister\nsaid so."
    b = 'Russia\'s "foreign" minister said so.'
    ds = diff(a, b)
    assert ds and all(d.cosmetic for d in ds)
    assert {d.category for d in ds} == {"typography", "whitespace"}


def test_markdown_markup_is_cosmetic():
    a = "Kremlin spokesman Dmitry Peskov told reporters."
    b = "Kremlin spokesman **Dmitry Peskov** [told](#) reporters."
    ds = diff(a, b)
    assert ds and all(d.cosmetic and d.category == "markup" for d in ds)


def test_moved_paragraph_is_a_move():
    p1 = "The first paragraph talks about the election results in detail."
    p2 = "The second paragraph describes the protests that followed the vote."
    p3 = "The third paragraph quotes the foreign minister at some length."
    ds = substantive(f"{p1}\n\n{p2}\n\n{p3}", f"{p2}\n\n{p3}\n\n{p1}")
    (move,) = ds
    assert move.kind == "move"
    assert move.base.text == p1 and move.other.text == p1


def test_ids_are_stable_and_distinct():
    a, b = "One two three four.\n\nFive six.", "One 2 three four.\n\nFive seven."
    first, second = diff(a, b), diff(a, b)
    assert [d.id for d in first] == [d.id for d in second]
    assert len({d.id for d in first}) == len(first)


def test_paragraph_only_in_one_version_is_one_difference_per_paragraph():
    a = "Title line\n\nAugust 19, 2020\n\nBody text stays the same here."
    b = "Body text stays the same here."
    ds = substantive(a, b)
    assert [d.base.text for d in ds] == ["Title line", "August 19, 2020"]
    assert all(d.kind == "delete" for d in ds)


def test_offsets_are_code_points_with_astral_characters():
    a = "Emoji 😀 then word alpha here."
    b = "Emoji 😀 then word beta here."
    (d,) = substantive(a, b)
    assert a[d.base.start:d.base.end] == "alpha"
    assert b[d.other.start:d.other.end] == "beta"


def test_spacing_only_comparison_is_the_patterns():
    import random

    from variorum.core.prepared import SPACES, same_but_spacing

    rng = random.Random(9)
    alphabet = ["a", "b", " ", "  ", "\n", "\t", "\u00a0", "\u2028"]
    for _ in range(5000):
        a = "".join(rng.choice(alphabet) for _ in range(rng.randrange(6)))
        b = "".join(rng.choice(alphabet) for _ in range(rng.randrange(6)))
        assert same_but_spacing(a, b) == (SPACES.sub(" ", a) == SPACES.sub(" ", b))


def test_rewrapped_paragraph_gives_one_whitespace_difference_per_changed_break():
    a = "One two three four five.\n\nSix seven eight nine ten."
    b = "One two\nthree four  five.\n\nSix seven eight\u00a0nine ten."
    ds = diff(a, b)
    assert all(d.cosmetic and d.category == "whitespace" and d.kind == "replace" for d in ds)
    assert [(d.base.text, d.other.text) for d in ds] == [(" ", "\n"), (" ", "  "), (" ", "\u00a0")]
    for d in ds:
        assert a[d.base.start:d.base.end] == d.base.text and b[d.other.start:d.other.end] == d.other.text


def test_codec_gives_codes_in_order_of_first_appearance_and_keeps_them():
    from variorum.core.diff import Codec

    codec = Codec()
    assert codec.encode(["b", "a", "b"]) == "\u0100\u0101\u0100"
    assert codec.encode(iter(["c", "a", "c", "d"])) == "\u0102\u0101\u0102\u0103"


def test_base_ranges_give_the_same_differences_when_reused():
    from variorum.core.diff import prepare

    base = prepare("One “two” three. Four five six.\n\nSeven eight nine.")
    others = ["One \"two\" three. Four five SIX.\n\nSeven eight\nnine.", "One “two” 3. Four five six.\n\nSeven  eight nine."]
    first = [diff_versions(base, o, version_id="v2", salt="s").differences for o in others]
    again = [diff_versions(base, o, version_id="v2", salt="s").differences for o in others]
    fresh = [diff_versions(prepare(base.text), o, version_id="v2", salt="s").differences for o in others]
    assert first == again == fresh and all(first)


REWRITE_BASE = ("The council met on Monday to discuss the harbour plan and heard from residents of both towns.\n\n"
                "Several speakers asked for a second public hearing before any contract is signed this year.\n\n"
                "The plan will be put to a vote in the spring, the chairwoman said after the meeting.")
REWRITE_OTHER = ("The council met on Monday to discuss the harbour plan and heard from angry residents.\n\n"
                 "The plan will be put to a vote in the spring, the chairwoman said after the meeting.")


def test_a_paragraph_removed_next_to_an_edit_stays_a_whole_deletion():
    diffs = substantive(REWRITE_BASE, REWRITE_OTHER)
    assert all("\n" not in d.base.text and "\n" not in d.other.text for d in diffs)
    removed = "Several speakers asked for a second public hearing before any contract is signed this year."
    assert ("delete", removed, "") in [(d.kind, d.base.text, d.other.text) for d in diffs]
    # the edit of the first paragraph is its own difference, in that paragraph on both sides
    edits = [d for d in diffs if d.base.text != removed]
    assert edits and all(d.base.start < REWRITE_BASE.index("\n") and d.other.start < REWRITE_OTHER.index("\n")
                         for d in edits)


def test_a_paragraph_added_between_two_edits_stays_a_whole_insertion():
    base = ("The storm closed the coast road on Friday night.\n\n"
            "Crews reopened it by Sunday morning, the county said.")
    other = ("The storm closed the coast road and two bridges on Friday night.\n\n"
             "About 300 homes lost power for most of the weekend.\n\n"
             "Crews reopened the road by Sunday afternoon, the county said.")
    diffs = substantive(base, other)
    assert all("\n" not in d.base.text and "\n" not in d.other.text for d in diffs)
    added = "About 300 homes lost power for most of the weekend."
    assert ("insert", "", added) in [(d.kind, d.base.text, d.other.text) for d in diffs]
    inserted = next(d for d in diffs if d.other.text == added)
    assert base[inserted.base.start - 1:inserted.base.start + 1] != "" and 0 < inserted.base.start <= len(base)


def test_a_changed_day_stays_in_its_paragraph_and_is_a_date():
    a = ("The strike began on Aug. 9 after talks failed.\n\n"
         "9. Related article: Unions vote on a new offer")
    b = ("The strike began on Aug. 10 after talks failed.\n\n"
         "9. Related article: Unions vote on a new offer")
    (d,) = substantive(a, b)
    assert (d.base.text, d.other.text, d.category) == ("9", "10", "date")


def test_a_changed_address_is_a_link():
    a = "Read the ruling at https://courts.example.org/2020/ruling-a.pdf before the hearing."
    b = "Read the ruling at https://courts.example.org/2021/ruling-b.pdf before the hearing."
    (d,) = substantive(a, b)
    assert d.category == "link"
