"""Golden findings on two captures of the energy.gov home page (late September 2017).

The later capture adds two press items and drops two older ones; both captures carry real mojibake
("Nationâs", "Didnât": UTF-8 read as a single-byte encoding by the site). Findings: the four swapped items as
missing passages and the mojibake in each capture — nothing else (the many repeated menus and links are
identical). Checked twice: on a plain text extraction made here, and through the HTML loader.
"""

import hashlib
from html.parser import HTMLParser

import pytest

from variorum.core.case import load_case
from variorum.core.compare import compare_versions
from variorum.core.model import Version

_BLOCKS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "section", "article", "ul", "ol"}


class _Text(HTMLParser):
    """The page's visible text, one block per paragraph (what any HTML loader keeps, without its refinements)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in {"script", "style", "noscript"}:
            self.skip += 1
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag):
        if tag in {"script", "style", "noscript"}:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def _version(i, path):
    raw = path.read_bytes()
    parser = _Text()
    parser.feed(raw.decode("utf-8"))
    blocks = [" ".join(b.split()) for b in "".join(parser.parts).split("\n\n")]
    text = "\n\n".join(b for b in blocks if b)
    return Version(f"v{i}", path.name, str(path), hashlib.sha256(raw).hexdigest(), "html", "utf-8", text)


@pytest.fixture
def energy(energy_paths):
    return compare_versions([_version(i, p) for i, p in enumerate(energy_paths, start=1)])


EXPECTED = [
    # the two press items dated September 29, 2017 that the later capture adds (title + summary each)
    ("passage-missing", "low", ("v1", "v2")),
    ("passage-missing", "low", ("v1", "v2")),
    # the earlier capture's mojibake: Nationâs, Transitionâs, Womenâs, Didnât, â (an en dash)…
    ("encoding-damage", "low", ("v1",)),
    # the two older items the later capture dropped
    ("passage-missing", "low", ("v1", "v2")),
    ("passage-missing", "low", ("v1", "v2")),
    # the same mojibake in the later capture (it drops the item holding "Nationâs")
    ("encoding-damage", "low", ("v2",)),
]


def test_every_finding_on_the_energy_captures(energy):
    assert [(f.kind, f.severity, f.versions) for f in energy.findings] == EXPECTED
    messages = [f.message for f in energy.findings]
    assert "Secretary Perry Announces Conditional Commitment" in messages[0] + messages[1]
    assert "present in v2 is missing from v1" in messages[0]
    assert "Energy Department Invests Up to $50 Million" in messages[3] + messages[4]


def test_mojibake_is_repaired_in_the_message(energy):
    damage = [f for f in energy.findings if f.kind == "encoding-damage"]
    assert "'Nationâs' → 'Nation’s'" in damage[0].message
    assert all("'Transitionâs' → 'Transition’s'" in f.message for f in damage)
    assert len(damage[0].evidence) == 12 and len(damage[1].evidence) == 11
    for f in damage:
        for e in f.evidence:
            assert energy.version(e.version).text[e.start:e.end] == e.text


def test_with_the_html_loader(energy_paths):
    """The same captures through the HTML loader: the same findings."""
    c = load_case(energy_paths).compare()
    assert [(f.kind, f.severity, f.versions) for f in c.findings] == EXPECTED
    damage = [f for f in c.findings if f.kind == "encoding-damage"]
    assert all("→ 'Nation’s'" in f.message or "→ 'Transition’s'" in f.message for f in damage)
    assert "→ 'Nation’s'" in damage[0].message
