"""The bundle's ICU data (packaging/icu_data.py): the package is rewritten item for item, only the data of ICU
services Qt never calls is left out, and Qt answers the same with the rebuilt library."""

import importlib.util
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("icu_data", ROOT / "packaging" / "icu_data.py")
assert _spec and _spec.loader
icu_data = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(icu_data)

KEPT = ["icudt73l/cnvalias.icu", "icudt73l/coll/de.res", "icudt73l/coll/ucadata.icu", "icudt73l/en.res",
        "icudt73l/nfkc.nrm", "icudt73l/root.res", "icudt73l/supplementalData.res", "icudt73l/zone/de.res",
        "icudt73l/zoneinfo64.res"]
DROPPED = ["icudt73l/brkitr/word.brk", "icudt73l/confusables.cfu", "icudt73l/curr/de.res",
           "icudt73l/ibm-37_P100-1995.cnv", "icudt73l/lang/de.res", "icudt73l/rbnf/de.res",
           "icudt73l/region/de.res", "icudt73l/rfc3491.spp", "icudt73l/translit/root.res", "icudt73l/unames.icu",
           "icudt73l/unit/de.res"]


def _header() -> bytes:
    """A little-endian common data header as ICU's tools write it: size, magic, UDataInfo ("CmnD" 1.0)."""
    info = struct.pack("<HHBBBB4s4s4s", 20, 0, 0, 0, 2, 0, b"CmnD", b"\x01\0\0\0", b"\x03\0\0\0")
    header = struct.pack("<HBB", 32, 0xDA, 0x27) + info
    return header + b"\0" * (32 - len(header))


def _package() -> bytes:
    names = sorted(KEPT + DROPPED)
    return icu_data.write_package(_header(), [(n, n.encode() * (1 + i % 3)) for i, n in enumerate(names)])


def test_a_package_reads_back_item_for_item():
    package = _package()
    header, items = icu_data.read_package(package)
    assert header == _header()
    assert [n for n, _ in items] == sorted(KEPT + DROPPED)
    assert all(contents.rstrip(b"\xaa").startswith(name.encode()) for name, contents in items)
    assert icu_data.write_package(header, items) == package


def test_trimming_keeps_the_data_qt_opens_and_drops_the_rest():
    _, items = icu_data.read_package(icu_data.trim(_package()))
    assert [n for n, _ in items] == sorted(KEPT)


def test_every_item_of_a_trimmed_package_starts_on_a_16_byte_boundary():
    package = icu_data.trim(_package())
    header_size = struct.unpack_from("<H", package, 0)[0]
    count = struct.unpack_from("<I", package, header_size)[0]
    offsets = [struct.unpack_from("<I", package, header_size + 8 + 8 * i)[0] for i in range(count)]
    assert count == len(KEPT)
    assert all((header_size + o) % 16 == 0 for o in offsets)


def test_something_else_than_an_icu_package_is_refused():
    with pytest.raises(ValueError, match="ICU common data"):
        icu_data.read_package(b"\x20\0\0\0" + b"\0" * 60)


def _qt_icu_dir() -> Path | None:
    import PySide6

    lib = Path(PySide6.__file__).parent / "Qt" / "lib"
    return lib if list(lib.glob("libicudata.so.*")) else None


@pytest.mark.skipif(sys.platform != "linux" or not all(shutil.which(t) for t in ("as", "ld", "nm")),
                    reason="the library is rebuilt with binutils, on Linux")
def test_qt_answers_the_same_with_the_rebuilt_library(tmp_path):
    qt_lib = _qt_icu_dir()
    if qt_lib is None:
        pytest.skip("this PySide6 uses the system's ICU")
    (source,) = qt_lib.glob("libicudata.so.*")
    icu_data.build_library(source, tmp_path / source.name)
    for other in ("libicuuc.so.*", "libicui18n.so.*"):
        (lib,) = qt_lib.glob(other)
        shutil.copy(lib, tmp_path / lib.name)
    assert (tmp_path / source.name).stat().st_size < source.stat().st_size / 2
    result = subprocess.run([sys.executable, str(ROOT / "packaging" / "check-icu.py"), str(tmp_path)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "answers unchanged" in result.stdout
