"""The cases of a batch: one JSON object a line of a JSON Lines file.

``{"id": "…", "files": ["a.txt", "b.html"], "base": "v1", "url": "…", "show_cosmetic": false}``: only ``files``
is required; ``id`` defaults to the line number; relative file names are read from the cases file's folder. A
line that is not a case (bad JSON, a missing or mistyped key, a key that means nothing, a repeated id) becomes a
:class:`CaseError`, recorded as a failed case, never the end of the batch.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from variorum.core.quick_dataclass import dataclass

KEYS = ("id", "files", "base", "url", "show_cosmetic")
MAX_STEM = 100  # report file names stay far below every file system's name limit
_UNSAFE = re.compile(r"[^\w.-]+")


class CaseError(ValueError):
    """A line of the cases file that does not describe a case, or a case that cannot be compared."""

    def __init__(self, message: str, *, line: int = 0, case_id: str | None = None) -> None:
        super().__init__(message)
        self.line = line
        self.case_id = case_id

    @property
    def label(self) -> str:
        """What the summary names the case by: its id when it has one, else ``#`` and its line."""
        return self.case_id if self.case_id is not None else f"#{self.line}"


@dataclass(frozen=True)
class Case:
    id: str
    files: tuple[str, ...]
    base: str | None = None
    url: str | None = None
    show_cosmetic: bool = False
    line: int = 0
    stem: str = ""  # the report's file name without ``.json``, unique in the batch (see :class:`Stems`)


def _optional_str(data: dict, key: str) -> str | None:
    value = data.get(key)
    if value is not None and not isinstance(value, str):
        raise CaseError(f"{key} must be a string")
    return value


def parse_case(line: str, n: int, folder: Path) -> Case:
    """The case on line ``n`` (raises :class:`CaseError`)."""
    try:
        data = json.loads(line)
    except ValueError as exc:
        raise CaseError(f"not JSON ({exc})") from None
    if not isinstance(data, dict):
        raise CaseError("not a JSON object")
    unknown = sorted(set(data) - set(KEYS))
    if unknown:
        raise CaseError(f"unknown key{'s' if len(unknown) > 1 else ''} {', '.join(map(repr, unknown))} "
                        f"(a case has {', '.join(KEYS)})")
    files = data.get("files")
    if not isinstance(files, list) or not files or not all(isinstance(x, str) and x for x in files):
        raise CaseError("files must be a list of file names")
    case_id = data.get("id", n)
    if isinstance(case_id, bool) or not isinstance(case_id, str | int) or str(case_id).strip() == "":
        raise CaseError("id must be a non-empty string or a number")
    show_cosmetic = data.get("show_cosmetic", False)
    if not isinstance(show_cosmetic, bool):
        raise CaseError("show_cosmetic must be true or false")
    return Case(str(case_id), tuple(str(folder / x) for x in files), _optional_str(data, "base"),
                _optional_str(data, "url"), show_cosmetic, n)


def read_cases(path: Path) -> Iterator[Case | CaseError]:
    """The cases of a JSON Lines file, in order, read as they are needed (a file of millions of cases is never
    held in memory); a line that is not a case becomes a :class:`CaseError` naming the line."""
    folder = path.absolute().parent  # the same files whatever the folder the batch is run from
    with path.open(encoding="utf-8", errors="replace") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                yield parse_case(line, n, folder)
            except CaseError as exc:
                yield CaseError(f"line {n}: {exc}", line=n)


def count_cases(path: Path) -> int:
    """How many lines of the cases file are not blank (a quick pass, for progress)."""
    with path.open("rb") as f:
        return sum(1 for line in f if line.strip())


def _stem(case_id: str) -> str:
    safe = _UNSAFE.sub("_", case_id).strip("._") or "case"
    if len(safe) > MAX_STEM:
        return f"{safe[:MAX_STEM]}-{hashlib.sha256(case_id.encode()).hexdigest()[:12]}"
    return safe


class Stems:
    """Gives each case a report file name of its own: a repeated id is an error (its report would be the other
    case's); ids that differ but make the same file name (``a b`` and ``a_b``, or ``A`` and ``a`` on a file system
    that ignores case) get a short digest of the id added to the later one's name."""

    def __init__(self) -> None:
        self._lines: dict[str, int] = {}
        self._taken: set[str] = set()

    def claim(self, item: Case | CaseError) -> Case | CaseError:
        if isinstance(item, CaseError):
            return item
        if item.id in self._lines:
            return CaseError(f"line {item.line}: the id is already the id of line {self._lines[item.id]}",
                             line=item.line, case_id=item.id)
        self._lines[item.id] = item.line
        stem = _stem(item.id)
        if stem.casefold() in self._taken:
            stem = f"{stem}-{hashlib.sha256(item.id.encode()).hexdigest()[:12]}"
        self._taken.add(stem.casefold())
        return Case(item.id, item.files, item.base, item.url, item.show_cosmetic, item.line, stem)


def claim_all(items: Iterable[Case | CaseError]) -> Iterator[Case | CaseError]:
    stems = Stems()
    return (stems.claim(item) for item in items)
