"""The place of a base span in every version comes from that version's own word diff, exact to the word."""

import pickle

from variorum.core.compare import compare_versions
from variorum.core.counterpart import Counterparts, on_word_boundary, snap_to_words
from variorum.core.load import load_pasted

BASE = ("It seems pretty clear that organic beings must be exposed during several generations to the new "
        "conditions of life to cause any appreciable amount of variation; and that when the organisation has "
        "once begun to vary, it generally continues to vary for many generations.")


def _compare(*texts: str):
    versions = [load_pasted(t, version_id=f"v{i}", label=f"edition {i}") for i, t in enumerate(texts, start=1)]
    return compare_versions(versions)


def test_a_version_with_its_own_changes_before_the_place_marks_the_same_words():
    later = BASE.replace("appreciable", "great")
    longer = BASE.replace("It seems pretty clear", "It seems, I think, pretty clear")
    c = _compare(BASE, later, longer)
    exact = Counterparts(c)
    base = c.base_version.text
    d = next(d for d in c.differences if "appreciable" in d.base.text + d.other.text)
    for v in c.versions:
        s, e = exact.of_difference(d, v.id)
        assert on_word_boundary(v.text, s) and on_word_boundary(v.text, e)
        if "appreciable" in v.text and "appreciable" in base:
            assert v.text[s:e] == "appreciable"
        else:
            assert v.text[s:e] in ("great", "appreciable")


def test_words_map_back_and_forth_through_the_base():
    longer = BASE.replace("It seems pretty clear", "It seems, I think, pretty clear")
    c = _compare(BASE, longer)
    exact = Counterparts(c)
    other = next(v for v in c.versions if v.id != c.base)
    start = other.text.index("several generations")
    there = exact.between(other.id, start, start + len("several generations"), c.base)
    assert c.base_version.text[there[0]:there[1]] == "several generations"
    assert exact.between(c.base, *there, other.id) == (start, start + len("several generations"))


def test_related_coverage_has_no_counterpart():
    c = _compare(BASE, "A wholly different report about harbour repairs, rainfall and the price of grain this year.")
    exact = Counterparts(c)
    other = next(v.id for v in c.versions if v.id != c.base)
    assert c.relations[other].kind != "same-article"
    assert exact.from_base(other, 0, 5) is None and not exact.has(other)


def test_snapping_widens_to_whole_words():
    assert snap_to_words("any appreciable amount", 6, 13) == (4, 15)
    assert snap_to_words("any appreciable amount", 4, 15) == (4, 15)


def test_the_maps_travel_between_processes_and_give_the_same_places():
    """The window takes the maps its comparison's process built: pickled and back, every place is the same."""
    c = _compare(BASE, BASE.replace("appreciable", "great").replace("many", "some more"),
                 BASE.replace("It seems pretty clear", "It seems, I think, pretty clear"))
    exact = Counterparts(c)
    base = c.base_version.text
    for v in c.versions:  # built both ways before pickling, as the comparison's process does
        exact.from_base(v.id, 0, 0)
        exact.to_base(v.id, 0, 0)
    again = pickle.loads(pickle.dumps(exact))
    for v in c.versions:
        for s in range(len(base) + 1):
            for e in (s, s + 7, s + 30):
                assert again.from_base(v.id, s, e) == exact.from_base(v.id, s, e)
        for s in range(len(v.text) + 1):
            assert again.to_base(v.id, s, s + 12) == exact.to_base(v.id, s, s + 12)


def characters_read(monkeypatch) -> list[int]:
    """From now on, how many characters the word pattern is run over, each time it is run."""
    from variorum.core import tokens

    read: list[int] = []

    class Reading:
        def __init__(self, pattern):
            self.pattern = pattern

        def finditer(self, text, start=0, end=None):
            read.append((len(text) if end is None else end) - start)
            return self.pattern.finditer(text, start, len(text) if end is None else end)

    monkeypatch.setattr(tokens, "_TOKEN", Reading(tokens._TOKEN))
    return read


def test_the_maps_both_ways_read_the_two_texts_once(monkeypatch):
    """The app builds a version's maps from and to the base before it shows a comparison: each way read the words
    of both texts again (1.3 of the 2 seconds 10 versions of 100 KB took, while the window waited)."""
    later = BASE.replace("appreciable", "great").replace("It seems", "It seems, I think,")
    c = _compare(BASE, later)
    other = next(v for v in c.versions if v.id != c.base)
    read = characters_read(monkeypatch)
    exact = Counterparts(c)
    start = other.text.index("several")
    there = exact.to_base(other.id, start, start + 7)
    assert there is not None and BASE[slice(*there)] == "several"
    assert exact.from_base(other.id, *there) == (start, start + 7)
    assert 0 < sum(read) <= len(BASE) + len(other.text)


def test_the_base_is_read_once_for_the_maps_of_every_version(monkeypatch):
    """The base is paired with every version: its words were read again for each, 9 readings of it for 10
    versions where one serves them all, while the window waited for the comparison."""
    versions = (BASE, BASE.replace("appreciable", "great"), BASE.replace("It seems", "It seems, I think,"),
                BASE.replace("many generations", "some generations"))
    c = _compare(*versions)
    read = characters_read(monkeypatch)
    exact = Counterparts(c)
    for v in c.versions:
        exact.from_base(v.id, 0, 0)
        exact.to_base(v.id, 0, 0)
    assert sum(c.relations[v.id].kind == "same-article" for v in c.versions) == 3
    assert 0 < sum(read) <= sum(len(v.text) for v in c.versions)
