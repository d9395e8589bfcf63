"""The country and nationality words the checks read: shipped from CLDR, well-formed, and what Babel gives."""

import json

import pytest

from variorum.assets import files
from variorum.core.checks import cldr_names
from variorum.core.checks.nationality import nationalities


def _shipped() -> dict:
    return json.loads((files() / cldr_names.FOLDER / cldr_names.NAMES_FILE).read_text(encoding="utf-8"))


def test_the_shipped_lists_are_what_the_installed_babel_gives():
    from babel.core import get_cldr_version

    shipped = _shipped()
    if f"CLDR {get_cldr_version()}," not in shipped["source"]:
        pytest.skip(f"Babel carries CLDR {get_cldr_version()}; the file was made from {shipped['source']}: "
                    "write it again with python -m variorum.core.checks.cldr_names")
    made = cldr_names.from_babel()
    assert shipped["territories"] == made["territories"]
    assert shipped["demonyms"] == made["demonyms"]
    text = (files() / cldr_names.FOLDER / cldr_names.NAMES_FILE).read_text(encoding="utf-8")
    assert text == cldr_names.render({**made, "source": shipped["source"]})  # Babel's own version aside


def test_the_shipped_file_is_well_formed_and_says_where_it_comes_from():
    shipped = _shipped()
    assert shipped["format"] == cldr_names.FORMAT
    assert shipped["source"].startswith("CLDR ") and "Unicode-3.0" in shipped["licence"]
    for key in ("territories", "demonyms"):
        words = shipped[key]
        assert len(words) > 200
        assert words == sorted(set(words))  # sorted, no repeats: a regenerated file differs only where CLDR does
        assert all(w and w == w.casefold() and w == w.strip() for w in words)
    licence = (files() / cldr_names.FOLDER / cldr_names.LICENCE_FILE).read_text(encoding="utf-8")
    assert "UNICODE LICENSE V3" in licence and "Unicode, Inc." in licence


@pytest.mark.parametrize("place", ["poland", "kenya", "united states", "côte d’ivoire", "africa", "europe"])
def test_countries_regions_and_continents_are_places(place):
    assert place in cldr_names.territories()


@pytest.mark.parametrize("word", ["hamar", "london", "polish", "president"])
def test_towns_adjectives_and_titles_are_not_places(word):
    assert word not in cldr_names.territories()


@pytest.mark.parametrize("word", ["polish", "swedish", "kenyan", "brazilian", "chinese", "pakistani", "american",
                                  "british", "ugandan"])
def test_nationality_words_are_known(word):
    assert word in cldr_names.demonyms()


@pytest.mark.parametrize("word", ["mono", "ewe", "actress", "poland", "runner"])
def test_short_language_names_countries_and_common_words_are_not_nationalities(word):
    assert word not in cldr_names.demonyms()


def test_nationality_words_are_made_from_country_and_language_names():
    made = cldr_names.derive(["Kenya", "Brazil", "Poland", "Bosnia & Herzegovina", "Africa"],
                             ["Polish", "Mono", "Swahili", "Kenyang"])
    assert {"kenyan", "brazilian", "polish", "kenyang"} <= set(made["demonyms"])
    assert "swahili" not in made["demonyms"]  # no country begins "swa"
    assert "mono" not in made["demonyms"]  # a language name that short is an English word too
    assert not any(w.startswith("bosnia") for w in made["demonyms"])  # names of several words make no adjective
    assert "bosnia & herzegovina" in made["territories"] and "africa" in made["territories"]


def test_a_passage_states_the_nationalities_it_names():
    assert nationalities("a Polish-Swedish actress") == {"polish", "swedish"}
    assert nationalities("polish the floors, then the Kenyan runner") == {"polish", "kenyan"}
    assert nationalities("an actress and singer") == set()
