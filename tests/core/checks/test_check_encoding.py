def _findings(c):
    return [f for f in c.findings if f.kind == "encoding-damage"]


def test_mojibake_is_found_and_repaired(compare_texts, body):
    c = compare_texts("The Nationâ€™s grid is old and the piÃ±ata was full. " + body)
    (f,) = _findings(c)
    assert f.severity == "low"
    assert "'Nationâ€™s' → 'Nation’s'" in f.message and "'piÃ±ata' → 'piñata'" in f.message
    assert [e.text for e in f.evidence] == ["Nationâ€™s", "piÃ±ata"]


def test_mojibake_with_invisible_control_characters_reads_as_seen(compare_texts, body):
    c = compare_texts("Security of the Nation\u00e2\u0080\u0099s Critical Energy Infrastructure. " + body)
    (f,) = _findings(c)
    assert "'Nationâs' → 'Nation’s'" in f.message
    assert f.evidence[0].text == "Nation\u00e2\u0080\u0099s"


def test_correct_non_ascii_text_is_not_damage(compare_texts, body):
    text = ("Kraków’s mayor, José Muñoz, said “naïve” plans for the café in Zürich cost 5 €. "
            "Лукашенко said. Ångström – 10°C — “quoted”. " + body)
    assert _findings(compare_texts(text)) == []
