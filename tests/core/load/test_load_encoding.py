"""Legacy encodings recognised from short texts, where several code pages decode about as cleanly."""

from __future__ import annotations

import pytest

from variorum.core.load.encoding import decode

SAMPLES = [
    ("cp1252", "Le café était fermé, et l'été déjà là. Où est passé le garçon? Ça va très bien, merci.\n"),
    ("cp1252", "Der Bär läuft über die Straße. Schön! Die Größe der Äpfel überrascht.\n"),
    ("cp1252", "El niño comió piñata en España; ¿qué pasó? Él está aquí, señor.\n"),
    ("cp1252", "A seleção brasileira venceu o jogo por três a zero, disse o técnico à imprensa.\n"),
    ("cp1252", "Perché la città è così bella? Però non so.\n"),
    ("cp1252", "Søster og bror spiste rødgrød med fløde på Åland.\n"),
    ("cp1252", "“Smart quotes” — and a dash… it’s 5 € only.\n"),
    ("cp1250", "Zażółć gęślą jaźń. Pójdź kińże tę chmurność w głąb flaszy. Łódź płynie po rzece.\n"),
    ("cp1250", "Příliš žluťoučký kůň úpěl ďábelské ódy. Věta o zprávách.\n"),
    ("cp1250", "Predsjednik je rekao da će Hrvatska poslati pomoć. Đurđa čeka.\n"),
    ("cp1250", "Árvíztűrő tükörfúrógép. A miniszterelnök szerint ő döntött.\n"),
    ("iso8859_2", "Příliš žluťoučký kůň úpěl ďábelské ódy.\n"),
    ("cp1251", "Кремль заявил в среду, что события в Белоруссии пока не требуют военного участия России.\n"),
    ("cp1251", "ЖУРНАЛИСТ: Это всё ещё правда?\n"),
    ("koi8_r", "Привет, мир! Это проверка кодировки.\n" * 3),
    ("cp1253", "Η Αθήνα είναι η πρωτεύουσα της Ελλάδας και η μεγαλύτερη πόλη της χώρας.\n"),
    ("cp1254", "Türkçe metin: ağaç, şeker, İstanbul, göz, çiçek ve ılık su.\n"),
    ("cp1255", "זהו טקסט בעברית לבדיקה של חדשות.\n" * 3),
    ("cp1256", "هذا نص عربي للاختبار من الأخبار.\n" * 3),
    ("shift_jis", "これは日本語のテキストです。ニュース記事の比較。\n" * 3),
    ("gb18030", "这是一个中文新闻文本的比较测试。\n" * 3),
    ("big5", "這是一個中文新聞文本的比較測試。\n" * 3),
    ("euc_kr", "이것은 한국어 뉴스 텍스트 비교 테스트입니다.\n" * 3),
]


@pytest.mark.parametrize(("encoding", "text"), SAMPLES)
def test_short_text_decodes_to_what_was_written(encoding, text):
    decoded, name = decode(text.encode(encoding))
    assert decoded == text
    assert name == encoding


def test_large_file_still_gets_the_common_code_page():
    text = "café naïve déjà vu " * 50_000
    assert decode(text.encode("cp1252")) == (text, "cp1252")
