"""A wire story as it was updated through the day: every finding listed, none of the noise."""

FIRST = """Earthquake Strikes Southern Turkey, Killing Dozens

By Ayla Demir and Mark Hughes

February 6, 2023

ANKARA (Reuters) - A powerful earthquake struck southern Turkey early on Monday, February 6, 2023, killing at least 76 people and trapping hundreds under collapsed buildings, officials said.

"We are facing a disaster of historic proportions," Interior Minister Suleyman Soylu told reporters in Ankara.

The quake, measured at magnitude 7.8 by the U.S. Geological Survey, hit at 4:17 a.m. near the city of Gaziantep.

Rescue teams from 12 countries were on their way, the foreign ministry said on Monday.
"""
UPDATED = """Earthquake Kills Hundreds in Turkey and Syria

By Ayla Demir and Mark Hughes

Updated February 6, 2023 14:05 GMT

ANKARA (Reuters) - A powerful earthquake struck southern Turkey early on Monday, February 6, 2023, killing at least 520 people and trapping hundreds under collapsed buildings, officials said.

"We are facing a disaster of historic proportions," Interior Minister Suleyman Soylu told reporters in Ankara.

The quake, measured at magnitude 7.8 by the U.S. Geological Survey, hit at 4:17 a.m. near the city of Gaziantep.

In neighbouring Syria, state media reported more than 230 deaths in government-held areas.

Rescue teams from 12 countries were on their way, the foreign ministry said on Monday.
"""


def test_updated_wire_story(compare_texts):
    retyped = FIRST.replace("Suleyman Soylu", "Suleiman Soylu").replace("historic", "unprecedented")
    c = compare_texts(FIRST, UPDATED, retyped)
    assert c.base == "v2"  # the updated story is the most complete
    assert [(f.kind, f.severity, f.versions) for f in c.findings] == [
        # the death toll went up between the first and the updated story (the retyped copy follows the first)
        ("number-changed", "high", ("v1", "v2", "v3")),
        # the retyped copy changed the minister's words
        ("quote-changed", "high", ("v2", "v3")),
        # the headline was rewritten for the update
        ("title-mismatch", "medium", ("v1", "v2", "v3")),
        # the retyped copy spells the minister's name differently
        ("name-changed", "medium", ("v2", "v3")),
        # the update added the Syrian toll
        ("passage-missing", "low", ("v1", "v2", "v3")),
    ]
    # not flagged: "Updated February 6, 2023 14:05 GMT" against "February 6, 2023" (same day), the byline and the
    # "(Reuters)" credit (identical), "Monday, February 6, 2023" (a Monday indeed)
