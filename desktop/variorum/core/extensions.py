"""The files Variorum reads, by name suffix, and the loader each goes to.

A module of its own, importing nothing, so that ``variorum compare --help`` can list the suffixes without loading
the loaders (:mod:`variorum.core.load` re-exports the table).
"""

from __future__ import annotations

EXTENSIONS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".mht": "html",
    ".mhtml": "html",
    ".pdf": "pdf",
    ".docx": "docx",
    ".warc": "warc", ".warc.gz": "warc", ".wacz": "wacz",  # web archives: one version per captured page
    ".png": "image", ".jpg": "image", ".jpeg": "image", ".webp": "image",  # read by OCR
}
