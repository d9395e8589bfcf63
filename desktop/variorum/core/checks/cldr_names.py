"""English names of countries and regions, and the nationality words made from them, as the checks read them.

They come from CLDR (the Unicode Common Locale Data Repository) and are shipped ready to read in
``resources/cldr/english-names.json``, beside CLDR's licence: reading them there takes one or two
milliseconds, where Babel took some 30 ms to import itself and unpickle its English locale data. The file is made
by this module from the CLDR data that Babel carries; after upgrading Babel, write it again with::

    python -m variorum.core.checks.cldr_names

(the test suite checks that the shipped file is what the installed Babel gives).

Nationality words: the English names of languages that share their first letters with a country's ("polish" /
"poland", "swedish" / "sweden"), a few nationalities whose language is named otherwise, and the adjectives regular
endings make of country names ("kenya" → "kenyan", "brazil" → "brazilian", "china" → "chinese", "pakistan" →
"pakistani").
"""

from __future__ import annotations

import json
import pkgutil
from functools import lru_cache

FOLDER = "cldr"
NAMES_FILE = "english-names.json"
LICENCE_FILE = "LICENSE.unicode"  # CLDR's licence, as Babel ships it beside its copy of the data
FORMAT = "variorum.cldr-names/1"

_PREFIX = 3
_MIN_LANGUAGE = 5  # shorter language names ("mono", "ewe") are English words too
_OTHERS = ("american", "british", "english", "french", "dutch", "irish", "welsh", "scottish", "swiss", "thai",
           "lao")


@lru_cache(maxsize=1)
def _shipped() -> dict[str, list[str]]:
    # through the package's loader, as importlib.resources would, without importing it (about 3 ms)
    data = pkgutil.get_data("variorum", f"resources/{FOLDER}/{NAMES_FILE}")
    if data is None:  # pragma: no cover - a loader that cannot read data files
        raise FileNotFoundError(f"resources/{FOLDER}/{NAMES_FILE}")
    return json.loads(data)


@lru_cache(maxsize=1)
def territories() -> frozenset[str]:
    """Country, region and continent names in English, lower case ("poland", "united states", "africa")."""
    return frozenset(_shipped()["territories"])


@lru_cache(maxsize=1)
def demonyms() -> frozenset[str]:
    """Nationality words in English, lower case ("polish", "swedish", "kenyan", "american")."""
    return frozenset(_shipped()["demonyms"])


def _derived(country: str) -> set[str]:
    stem = country[:-1] if country[-1] in "aeiouy" else country
    return {country + "n", country + "an", country + "ian", country + "i", stem + "an", stem + "ian", stem + "ese",
            stem + "i"}


def derive(territory_names: list[str], language_names: list[str]) -> dict[str, list[str]]:
    """The two word lists, from CLDR's English names of territories and of languages."""
    countries = {t.casefold() for t in territory_names if t.isalpha()}
    prefixes = {c[:_PREFIX] for c in countries}
    languages = {n.casefold() for n in language_names if n.isalpha() and len(n) >= _MIN_LANGUAGE}
    named = {w for w in languages if w[:_PREFIX] in prefixes}
    return {"territories": sorted({t.casefold() for t in territory_names}),
            "demonyms": sorted(named | set(_OTHERS) | {d for c in countries for d in _derived(c)})}


def from_babel() -> dict[str, object]:
    """The file's content, made from the installed Babel's CLDR data (with the versions it came from)."""
    import babel
    from babel import Locale
    from babel.core import get_cldr_version

    english = Locale("en")
    return {"format": FORMAT, "source": f"CLDR {get_cldr_version()}, English locale, read through Babel "
                                        f"{babel.__version__}", "licence": f"Unicode-3.0 (see {LICENCE_FILE})",
            **derive(list(english.territories.values()), list(english.languages.values()))}


def render(content: dict[str, object]) -> str:
    return json.dumps(content, ensure_ascii=False, indent=0) + "\n"


def main() -> int:
    """Write the shipped file and CLDR's licence into the source tree's ``resources/cldr`` folder."""
    from pathlib import Path

    import babel

    from variorum.assets import files

    folder = Path(str(files() / FOLDER))
    folder.mkdir(exist_ok=True)
    (folder / NAMES_FILE).write_text(render(from_babel()), encoding="utf-8")
    licence = Path(babel.__file__).parent / "locale-data" / LICENCE_FILE
    (folder / LICENCE_FILE).write_bytes(licence.read_bytes())
    print(f"wrote {folder / NAMES_FILE} and {folder / LICENCE_FILE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
