"""Mojibake leaks into no other check: it is reported once as encoding-damage, and a real change beside it is
still found, with evidence in the version's own (damaged) text."""

BODY = ("\n\nCrews reopened the coastal road on Friday after clearing fallen trees and power lines along the "
        "stretch between the two villages.\n\nResidents were told to boil tap water until further notice.")


def test_mojibake_is_damage_once_not_changed_names_or_figures(compare_texts):
    clean = "Shelters opened in Canóvanas and Rincón; call 1‐877‐872‐5656 for help." + BODY
    damaged = "Shelters opened in CanÃ³vanas and RincÃ³n; call 1â€\x90877â€\x90872â€\x905656 for help." + BODY
    c = compare_texts(clean, damaged)
    assert [f.kind for f in c.findings] == ["encoding-damage"]
    (f,) = c.findings
    assert f.versions == ("v2",) and "'CanÃ³vanas' → 'Canóvanas'" in f.message
    assert c.differences_for("v2", cosmetic=False) == []


def test_a_real_change_beside_mojibake_is_still_found_in_the_damaged_text(compare_texts):
    clean = "Shelters opened in Canóvanas for 1,200 people." + BODY
    damaged = "Shelters opened in CanÃ³vanas for 1,500 people." + BODY
    c = compare_texts(clean, damaged)
    assert sorted(f.kind for f in c.findings) == ["encoding-damage", "number-changed"]
    (num,) = [f for f in c.findings if f.kind == "number-changed"]
    v2 = c.version("v2")
    assert [(e.version, e.text) for e in num.evidence] == [("v1", "1,200"), ("v2", "1,500")]
    assert all(c.version(e.version).text[e.start:e.end] == e.text for e in num.evidence)
    assert "CanÃ³vanas" in v2.text  # the version's text keeps its damage for the pane


CZECH = ('Premiér Petr Fiala řekl novinářům po jednání vlády: "Vláda je připravena zákon schválit v úterý," '
         'a dodal, že opozice návrh podpoří.')


def test_a_quotation_whose_only_difference_is_damage_is_not_changed(compare_texts):
    # UTF-8 read as MacRoman: some damaged words ('"Vl√°da') only look damaged beside the rest of the line
    damaged = CZECH.encode("utf-8").decode("mac_roman")
    c = compare_texts(damaged + BODY, CZECH + BODY)
    assert [f.kind for f in c.findings] == ["encoding-damage"]
    (f,) = c.findings
    assert f.versions == ("v1",) and "'≈ôekl' → 'řekl'" in f.message
    assert '"Vl√°da' in [e.text for e in f.evidence]
    assert c.differences_for("v2", cosmetic=False) == []


def test_a_quotation_changed_beside_damage_is_still_changed(compare_texts):
    damaged = CZECH.replace("v úterý", "ve středu").encode("utf-8").decode("mac_roman")
    c = compare_texts(CZECH + BODY, damaged + BODY)
    assert sorted(f.kind for f in c.findings) == ["encoding-damage", "quote-changed"]
    (q,) = [f for f in c.findings if f.kind == "quote-changed"]
    assert [e.text for e in q.evidence] == ["v úterý", 've st≈ôedu,"']  # quoted as each version reads
