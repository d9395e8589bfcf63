"""What Help → About says, Qt-free: the version, the licences of the libraries Variorum runs on, where data lives.

Licences are read from the installed packages' own metadata (``License-Expression``, ``License``, or a
``License ::`` classifier), so the list stays true to what is actually installed or bundled.
"""

from __future__ import annotations

import importlib.metadata as md
from pathlib import Path

from variorum import __version__
from variorum.core.quick_dataclass import dataclass

# The libraries Variorum is built on, in the order the About box lists them: (distribution, what it is for).
LIBRARIES: tuple[tuple[str, str], ...] = (
    ("PySide6-Essentials", "the desktop window (Qt 6)"),
    ("shiboken6", "Python bindings for Qt"),
    ("diff-match-patch", "the word diff"),
    ("fast-diff-match-patch", "the word diff, compiled"),
    ("platformdirs", "where notes, settings and the log are kept"),
    ("charset-normalizer", "guessing the encoding of plain text"),
    ("ftfy", "recognising and repairing mojibake"),
    ("trafilatura", "the article body of a saved web page"),
    ("lxml", "reading HTML"),
    ("pypdf", "the text layer of a PDF"),
    ("python-docx", "Word documents"),
    ("pyromark", "Markdown"),
    ("mdurl", "link addresses in Markdown"),
    ("warcio", "web archives (WARC, WACZ)"),
    ("pytesseract", "OCR of screenshots and scans, through Tesseract"),
    ("pillow", "opening screenshots"),
    ("pypdfium2", "rendering scanned PDF pages"),
    ("jinja2", "the HTML report"),
    ("rapidfuzz", "re-anchoring notes"),
    ("python-dateutil", "reading dates"),
    ("babel", "country and region names"),
    ("jsonschema", "checking reports and note imports"),
    ("cryptography", "opening encrypted PDFs"),
)

QT_NOTICE = (
    "Qt and PySide6 are used under the GNU Lesser General Public License version 3. You may replace them with "
    "your own build of the same version: the libraries are the files in {qt_dir} (in the desktop bundle, the "
    "PySide6 folder inside the application folder); put your build there, or install another PySide6 into the "
    "Python environment that runs Variorum. The Qt source code is available from the Qt Project."
)


@dataclass(frozen=True)
class Library:
    name: str
    version: str | None  # None when it is not installed (an optional part)
    licence: str
    purpose: str


def _field(meta: md.PackageMetadata, name: str) -> str:
    """A metadata field's first value, "" when absent (``get_all`` never raises, on any Python version)."""
    values = meta.get_all(name) or []
    return str(values[0]) if values else ""


def _licence(meta: md.PackageMetadata) -> str:
    expression = _field(meta, "License-Expression")
    if expression:
        return expression
    classifiers = [c.split("::")[-1].strip() for c in meta.get_all("Classifier") or []
                   if c.startswith("License ::") and c.count("::") > 1]
    if classifiers:
        return ", ".join(dict.fromkeys(classifiers))
    text = _field(meta, "License").strip()
    return text.splitlines()[0][:80] if text else "see the package"


def libraries() -> list[Library]:
    found = []
    for name, purpose in LIBRARIES:
        try:
            dist = md.distribution(name)
        except md.PackageNotFoundError:
            found.append(Library(name, None, "", purpose))
            continue
        found.append(Library(name, dist.version, _licence(dist.metadata), purpose))
    return found


def version() -> str:
    """The installed package's version, else the source tree's."""
    try:
        return md.version("variorum")
    except md.PackageNotFoundError:
        return __version__


def qt_library_dir() -> Path | None:
    try:
        files = md.distribution("PySide6-Essentials").locate_file("PySide6")
    except md.PackageNotFoundError:
        return None
    return Path(str(files))
