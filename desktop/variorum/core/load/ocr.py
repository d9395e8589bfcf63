"""Screenshots and scans: the text read by optical character recognition (Tesseract, through pytesseract).

Every recognised word keeps its box on the page image and its confidence (:class:`~variorum.core.model.OcrWord`,
aligned to the text offsets), so uncertain readings can be marked and a checker can find each word on the image.
Lines of one paragraph are joined with a space (a line ending in a hyphen keeps its line break, so the usual
hyphenation rules apply); paragraphs are separated by a blank line, as in every other format.

Tesseract is a separate program: when it is missing the version gets a clear message, never a crash. Pytesseract
runs it as a local process; nothing is sent anywhere.
"""

from __future__ import annotations

import io
import warnings as py_warnings
from collections.abc import Sequence

from variorum.core.load.errors import LoadError
from variorum.core.load.extracted import Extracted
from variorum.core.model import OcrWord
from variorum.core.quick_dataclass import dataclass

LANGUAGE = "eng"
# Tesseract reads best when letters are at least ~20 pixels tall; screenshots are usually smaller, so an image
# whose longer side is under this many pixels is enlarged twice before recognition (boxes are scaled back).
UPSCALE_BELOW = 2500
NO_ENGINE = ("Text recognition (OCR) needs the Tesseract engine, which is not installed. Install it (on Debian "
             "or Ubuntu: apt-get install tesseract-ocr tesseract-ocr-eng) and open the file again.")
NO_LANGUAGE = ("Text recognition (OCR) needs Tesseract's English data, which is not installed (on Debian or "
               "Ubuntu: apt-get install tesseract-ocr-eng).")


@dataclass(frozen=True)
class _Word:
    text: str
    left: int
    top: int
    width: int
    height: int
    conf: float


Paragraph = list[list[_Word]]  # lines of words


def _engine():
    try:
        import pytesseract
    except ImportError as exc:  # pragma: no cover - a dependency of Variorum; only a broken install lacks it
        raise LoadError(NO_ENGINE) from exc
    try:
        pytesseract.get_tesseract_version()
    except (pytesseract.TesseractNotFoundError, OSError) as exc:
        raise LoadError(NO_ENGINE) from exc
    return pytesseract


def engine_available() -> bool:
    """Whether text recognition can run on this machine."""
    try:
        _engine()
    except LoadError:
        return False
    return True


def open_image(raw: bytes):
    """The picture in ``raw`` as a Pillow image, or a clear error for a damaged or oversized one."""
    from PIL import Image, UnidentifiedImageError

    try:
        with py_warnings.catch_warnings():
            py_warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(raw))
            image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise LoadError("This image is too large to read (more than "
                        f"{(Image.MAX_IMAGE_PIXELS or 0) // 1_000_000} million pixels).") from exc
    except UnidentifiedImageError as exc:
        raise LoadError("This image is damaged or in a format that cannot be read.") from exc
    except (OSError, ValueError, SyntaxError) as exc:
        raise LoadError(f"This image is damaged and cannot be read ({exc}).") from exc
    return image


def recognise(image, *, upscale: bool = True) -> list[Paragraph]:
    """The words Tesseract reads on one page image, as paragraphs of lines; boxes in the image's pixels.

    A small image (a screenshot) is enlarged for recognition unless ``upscale`` is False (a page rendered at
    scanning resolution)."""
    from PIL import Image

    pytesseract = _engine()
    if image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    scale = 2 if upscale and max(image.size) < UPSCALE_BELOW else 1
    if scale != 1:
        image = image.resize((image.width * scale, image.height * scale), Image.Resampling.LANCZOS)
    try:
        data = pytesseract.image_to_data(image, lang=LANGUAGE, output_type=pytesseract.Output.DICT)
    except pytesseract.TesseractNotFoundError as exc:
        raise LoadError(NO_ENGINE) from exc
    except pytesseract.TesseractError as exc:
        if "language" in str(exc).lower() or "traineddata" in str(exc).lower():
            raise LoadError(NO_LANGUAGE) from exc
        raise LoadError(f"Text recognition (OCR) failed on this image: {exc}") from exc
    paragraphs: dict[tuple[int, int, int], dict[int, list[_Word]]] = {}
    for i, text in enumerate(data["text"]):
        text = (text or "").strip()
        conf = float(data["conf"][i])
        if not text or conf < 0:
            continue
        key = (data["page_num"][i], data["block_num"][i], data["par_num"][i])
        word = _Word(text, data["left"][i] // scale, data["top"][i] // scale, max(1, data["width"][i] // scale),
                     max(1, data["height"][i] // scale), conf)
        paragraphs.setdefault(key, {}).setdefault(data["line_num"][i], []).append(word)
    return [[line for _, line in sorted(lines.items())] for _, lines in sorted(paragraphs.items())]


def assemble(pages: Sequence[list[Paragraph]], *, scales: Sequence[float] | None = None
             ) -> tuple[str, tuple[OcrWord, ...]]:
    """The text of recognised pages and every word's place in it; ``scales`` turn each page's pixel boxes into
    the page's own units (PDF points)."""
    parts: list[str] = []
    words: list[OcrWord] = []
    length = 0

    def put(s: str) -> None:
        nonlocal length
        parts.append(s)
        length += len(s)

    for n, paragraphs in enumerate(pages):
        k = scales[n] if scales else 1.0
        for paragraph in paragraphs:
            if length:
                put("\n\n")
            for li, line in enumerate(paragraph):
                if li:
                    put("\n" if parts[-1].endswith("-") else " ")
                for wi, w in enumerate(line):
                    if wi:
                        put(" ")
                    words.append(OcrWord(length, length + len(w.text), round(w.left * k), round(w.top * k),
                                         max(1, round(w.width * k)), max(1, round(w.height * k)), w.conf, n))
                    put(w.text)
    return "".join(parts), tuple(words)


def low_confidence_warning(words: Sequence[OcrWord]) -> str | None:
    low = sum(1 for w in words if w.low_confidence)
    if not low:
        return None
    return (f"{low} of {len(words)} recognised words are uncertain readings (low OCR confidence); differences "
            "made only of such words are counted as cosmetic (ocr).")


def extract(raw: bytes) -> Extracted:
    """A screenshot or scanned page (PNG, JPEG, WebP…) read by OCR."""
    image = open_image(raw)
    text, words = assemble([recognise(image)])
    warnings = ["The text was read from an image by OCR: check names and numbers against the image."]
    low = low_confidence_warning(words)
    if low:
        warnings.append(low)
    return Extracted(text=text, encoding=None, warnings=tuple(warnings), ocr=words)
