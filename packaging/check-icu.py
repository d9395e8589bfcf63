"""Check that the bundle's trimmed ICU data (packaging/icu_data.py) gives Qt the same answers as ICU's full data:
collation in several languages (QCollator, as the file dialog sorts names), locale-aware upper and lower case and
time-zone names, each asked of Qt once with PySide6's own ICU and once with the bundle's ICU libraries loaded in
their place.

Usage: PYTHON packaging/check-icu.py BUNDLE_QT_LIB_DIR   (PYTHON: one with PySide6, e.g. build/bundle-venv/bin/python)
"""

from __future__ import annotations

import ctypes
import difflib
import json
import subprocess
import sys
from pathlib import Path

LOCALES = ["en_US", "de_DE", "sv_SE", "tr_TR", "fr_FR", "es_ES", "pl_PL", "ru_RU", "el_GR", "ar_EG", "he_IL",
           "hi_IN", "ja_JP", "zh_CN", "zh_TW", "ko_KR", "th_TH", "C"]
WORDS = ["Zebra", "zebra", "Äpfel", "apfel", "Öl", "ol", "ß", "ss", "İstanbul", "Istanbul", "ıspanak", "chapter 10",
         "chapter 9", "Chapter 2", "ångström", "Angstrom", "Łódź", "Lodz", "Ελλάδα", "Москва", "東京", "北京",
         "서울", "ไทย", "العربية", "עברית", "हिन्दी", "résumé", "resume", "coöperate", "file-2.txt", "file-10.txt"]
CASES = "istanbul İSTANBUL ıi İI straße ΣΟΦΟΣ σοφος Ǆ ǉ ﬃ ÀÉÎ"
ZONES = ["Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Adelaide", "Africa/Cairo", "UTC",
         "Asia/Tokyo", "America/Sao_Paulo"]


def answers() -> dict:
    from PySide6.QtCore import QCollator, QDateTime, QLocale, Qt, QTimeZone

    out: dict = {}
    when = QDateTime.fromString("2024-07-01T12:00:00Z", Qt.DateFormat.ISODate)
    for name in LOCALES:
        locale = QLocale(name)
        for numeric in (False, True):
            for case in (Qt.CaseSensitivity.CaseSensitive, Qt.CaseSensitivity.CaseInsensitive):
                collator = QCollator(locale)
                collator.setNumericMode(numeric)
                collator.setCaseSensitivity(case)
                out[f"sort {name} {numeric} {case.name}"] = sorted(WORDS, key=collator.sortKey)
                out[f"compare {name} {numeric} {case.name}"] = [collator.compare(a, b)
                                                                for a, b in zip(WORDS, WORDS[1:], strict=False)]
        out[f"case {name}"] = [locale.toUpper(CASES), locale.toLower(CASES)]
        for zone in ZONES:
            tz = QTimeZone(zone.encode())
            out[f"zone {name} {zone}"] = [tz.displayName(kind, style, locale)
                                          for kind in QTimeZone.TimeType for style in QTimeZone.NameType] + \
                                         [tz.displayName(when, style, locale) for style in QTimeZone.NameType]
    return out


def icu_libraries() -> list[str]:
    with open("/proc/self/maps", encoding="utf-8") as maps:
        return sorted({line.split()[-1] for line in maps if "libicu" in line})


def main(args: list[str]) -> int:
    if args and args[0] == "--answers":  # the child: optionally load the bundle's ICU first, then ask Qt
        for lib in ("libicudata", "libicuuc", "libicui18n"):
            if len(args) > 1:
                (path,) = Path(args[1]).glob(f"{lib}.so.*")
                ctypes.CDLL(str(path), mode=ctypes.RTLD_GLOBAL)  # Qt then finds these by soname
        result = answers()
        print(json.dumps({"icu": icu_libraries(), "answers": result}, ensure_ascii=False, indent=0))
        return 0
    bundle = str(Path(args[0]).resolve())

    def run(*extra: str) -> dict:
        return json.loads(subprocess.run([sys.executable, __file__, "--answers", *extra], check=True,
                                         capture_output=True, text=True).stdout)

    full, trimmed = run(), run(bundle)
    if not all(lib.startswith(bundle) for lib in trimmed["icu"]):
        print(f"check-icu: the bundle's ICU was not the one loaded: {trimmed['icu']}", file=sys.stderr)
        return 1
    if full["answers"] != trimmed["answers"]:
        a = json.dumps(full["answers"], ensure_ascii=False, indent=1).splitlines()
        b = json.dumps(trimmed["answers"], ensure_ascii=False, indent=1).splitlines()
        print("\n".join(difflib.unified_diff(a, b, "full ICU data", "bundle's ICU data", lineterm="", n=1)),
              file=sys.stderr)
        print("check-icu: Qt answers differently with the bundle's ICU data", file=sys.stderr)
        return 1
    print(f"ICU check passed: {len(full['answers'])} collation, case and time-zone answers unchanged")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
