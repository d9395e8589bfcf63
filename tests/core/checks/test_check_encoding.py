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


def test_a_c1_control_left_of_a_windows_1252_ellipsis_is_damage(compare_texts, body):
    # U+0085 is an invisible "next line" control: what is left of a Windows-1252 ellipsis decoded as Latin-1
    damaged = "Nous n'en avons pas encore beaucoup parlé\x85 Tu sais, ça fait de nombreuses années. "
    c = compare_texts(damaged + body, damaged.replace("\x85", "…") + body)
    assert [f.kind for f in c.findings] == ["encoding-damage"]
    (f,) = c.findings
    assert f.versions == ("v1",) and "'parlé' → 'parlé…'" in f.message
    assert [e.text for e in f.evidence] == ["parlé\x85"]


def test_c1_controls_for_windows_1252_punctuation_in_plain_english_are_damage(compare_texts, body):
    damaged = "The mayor\x92s office called the plan \x93under review\x94 \x96 again. "
    (f,) = _findings(compare_texts(damaged + body))
    assert "'mayors' → 'mayor’s'" in f.message and "'under' → '“under'" in f.message
    assert "'U+0096' → '–'" in f.message  # an invisible character alone is named
    assert [e.text for e in f.evidence] == ["mayor\x92s", "\x93under", "review\x94", "\x96"]


def test_an_ellipsis_typed_as_such_or_a_line_break_is_not_damage(compare_texts, body):
    text = "We waited… and waited.\nThe mayor’s office said it was “under review” – again. "
    assert _findings(compare_texts(text + body)) == []
