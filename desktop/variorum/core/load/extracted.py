from __future__ import annotations

from dataclasses import field

from variorum.core.model import Furniture, Metadata, OcrWord
from variorum.core.quick_dataclass import dataclass


@dataclass(frozen=True)
class Extracted:
    """What a format extractor returns: the plain text and what the format itself says about it."""

    text: str
    encoding: str | None = None
    metadata: Metadata = field(default_factory=Metadata)
    warnings: tuple[str, ...] = ()
    ocr: tuple[OcrWord, ...] = ()  # the recognised words, for text read by OCR
    furniture: tuple[Furniture, ...] | None = None  # None: judged from the text alone by the loader
    page_text: str | None = None  # a web page's whole visible text, when the article is only part of it
