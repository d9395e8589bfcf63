"""Qt's ICU data library without the data of the ICU services Qt never calls (used by packaging/variorum.spec).

Qt Core links ICU (`libicuuc`, `libicui18n`) and with it `libicudata`, 32 MB of locale data in one shared
library. Qt calls only a few ICU services (list them with ``nm -D --undefined-only libQt6Core.so.6 | grep _73``):
collation (``ucol_*``: QCollator, the file dialog's sorting), locale-aware upper and lower case (``u_strToUpper``,
``u_strToLower``), the calendar and time-zone names (``ucal_*``: QTimeZone) and character set converters
(``ucnv_*``: only when a QStringDecoder is asked for a named non-Unicode encoding; Variorum decodes every file in
Python and never asks Qt to). So the data of every other service is never opened: break iteration (``brkitr/``),
currency, language, region and unit names (``curr/``, ``lang/``, ``region/``, ``unit/``), spelled-out numbers
(``rbnf/``), transliteration (``translit/``), character names (``unames.icu``), string preparation (``*.spp``)
and spoofing checks (``confusables.cfu``), and Variorum leaves the converter tables (``*.cnv``) out too.
:func:`build_library` writes a library with the rest: the same file name, soname and data symbol.
``packaging/check-icu.py`` checks that Qt's collation, case mapping and time-zone names are unchanged.

The data is an ICU "common data" package (format ``CmnD``): a header, a table of contents (item count, then for
each item the offsets of its name and of its data from the table's start), the item names, then the items,
each 16-byte aligned (padded with 0xAA bytes).
"""

from __future__ import annotations

import re
import struct
import subprocess
import tempfile
from pathlib import Path

DROPPED_TREES = ("brkitr", "curr", "lang", "rbnf", "region", "translit", "unit")
DROPPED_SUFFIXES = (".cnv", ".spp", ".cfu")
DROPPED_NAMES = ("unames.icu",)
ALIGN = 16
FILL = b"\xaa"  # what ICU's icupkg pads with


def dropped(name: str) -> bool:
    """Whether the package item ``name`` (e.g. ``icudt73l/curr/de.res``) is left out."""
    path = name.split("/", 1)[1] if "/" in name else name
    return (path.split("/", 1)[0] in DROPPED_TREES and "/" in path) or path.endswith(DROPPED_SUFFIXES) \
        or path in DROPPED_NAMES


def read_package(data: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """The header and the (name, contents) items of a little-endian ICU common data package."""
    header_size = struct.unpack_from("<H", data, 0)[0]
    if data[2:4] != b"\xda\x27" or data[12:16] != b"CmnD" or data[8] != 0:
        raise ValueError("not a little-endian ICU common data package")
    count = struct.unpack_from("<I", data, header_size)[0]
    toc = [struct.unpack_from("<II", data, header_size + 4 + 8 * i) for i in range(count)]
    ends = [offset for _, offset in toc[1:]] + [len(data) - header_size]
    items = []
    for (name_offset, data_offset), end in zip(toc, ends, strict=True):
        start = header_size + name_offset
        name = data[start:data.index(b"\0", start)].decode("ascii")
        items.append((name, data[header_size + data_offset:header_size + end]))
    return data[:header_size], items


def _pad(n: int) -> int:
    return -n % ALIGN


def write_package(header: bytes, items: list[tuple[str, bytes]]) -> bytes:
    """A package holding ``items`` in the given (sorted) order, laid out as ICU's own tools lay it out."""
    names = b"".join(name.encode("ascii") + b"\0" for name, _ in items)
    toc_size = 4 + 8 * len(items)
    names_end = toc_size + len(names)
    offset = names_end + _pad(len(header) + names_end)
    name_offset, entries, blobs = toc_size, [], []
    for name, contents in items:
        entries.append(struct.pack("<II", name_offset, offset))
        name_offset += len(name) + 1
        blobs.append(contents + FILL * _pad(len(contents)))
        offset += len(contents) + _pad(len(contents))
    out = header + struct.pack("<I", len(items)) + b"".join(entries) + names
    return out + FILL * _pad(len(out)) + b"".join(blobs)


def trim(package: bytes) -> bytes:
    header, items = read_package(package)
    return write_package(header, [(name, contents) for name, contents in items if not dropped(name)])


def _data_symbol(library: Path) -> tuple[str, int, int]:
    """The name, file offset and size of the package in ``library`` (its one exported symbol, icudtNN_dat)."""
    out = subprocess.run(["nm", "-D", "-S", "--defined-only", str(library)], capture_output=True, text=True,
                         check=True).stdout
    found = re.search(r"^([0-9a-f]+) ([0-9a-f]+) [A-Za-z] (icudt\d+_dat)$", out, re.MULTILINE)
    if not found:
        raise ValueError(f"{library} exports no ICU data symbol")
    address, size, symbol = int(found[1], 16), int(found[2], 16), found[3]
    return symbol, _file_offset(library, address), size


def _file_offset(library: Path, address: int) -> int:
    """Where the loadable byte at ``address`` lies in the file (from the ELF program headers)."""
    data = library.read_bytes()[:65536]
    phoff, = struct.unpack_from("<Q", data, 0x20)
    phentsize, phnum = struct.unpack_from("<HH", data, 0x36)
    for i in range(phnum):
        kind, _flags, offset, vaddr, _paddr, filesz = struct.unpack_from("<IIQQQQ", data, phoff + i * phentsize)
        if kind == 1 and vaddr <= address < vaddr + filesz:  # PT_LOAD
            return address - vaddr + offset
    raise ValueError(f"{library}: address {address:#x} is in no loadable segment")


def build_library(source: Path, dest: Path) -> None:
    """Write ``dest``: ``source`` (libicudataNN) with only the data Qt may open, built with binutils."""
    symbol, offset, size = _data_symbol(source)
    with source.open("rb") as f:
        f.seek(offset)
        package = trim(f.read(size))
    soname = source.name
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "data.bin").write_bytes(package)
        (work / "data.s").write_text(
            f'\t.section .rodata\n\t.globl {symbol}\n\t.type {symbol}, @object\n\t.balign {ALIGN}\n'
            f'{symbol}:\n\t.incbin "data.bin"\n\t.size {symbol}, . - {symbol}\n'
            '\t.section .note.GNU-stack,"",@progbits\n', encoding="ascii")
        subprocess.run(["as", "-o", "data.o", "data.s"], cwd=work, check=True)
        dest.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(["ld", "-shared", "-soname", soname, "-z", "noexecstack", "-o", str(dest.resolve()),
                        "data.o"], cwd=work, check=True)
