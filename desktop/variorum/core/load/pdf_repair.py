"""Rebuilding a PDF that was cut short (a download that stopped), so the pages that arrived can be read.

A PDF ends with its cross-reference table and trailer, which say where each object is and which one is the
document catalog; a truncated file loses them first, and often the page tree too, and the last objects. What
survives is a run of complete ``N G obj … endobj`` objects. From them a new file is made: the objects as they
are, a new page tree listing every complete page (in the order the surviving page trees give, then in file order),
a new catalog, and a cross-reference table that points at all of them.

Objects stored compressed inside object streams (PDF 1.5 and later) cannot be found this way; such a file is
recovered only as far as its plain objects go.
"""

from __future__ import annotations

import re

_OBJECT = re.compile(rb"(?<![0-9])(\d{1,9})\s+(\d{1,5})\s+obj\b")
_END = re.compile(rb"\bendobj\b")
_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")
_PAGE_TREE = re.compile(rb"/Type\s*/Pages\b")
_KIDS = re.compile(rb"/Kids\s*\[([^\]]*)\]")
_REF = re.compile(rb"(\d+)\s+(\d+)\s+R\b")


def _complete_objects(raw: bytes) -> dict[int, tuple[int, int, int]]:
    """Object number -> (generation, start, end) of every object that is there whole (the last one seen wins,
    as in an updated file)."""
    found: dict[int, tuple[int, int, int]] = {}
    pos = 0
    while True:
        m = _OBJECT.search(raw, pos)
        if m is None:
            return found
        end = _END.search(raw, m.end())
        if end is None:
            return found  # the object the file was cut in
        found[int(m.group(1))] = (int(m.group(2)), m.start(), end.end())
        pos = end.end()


def _page_order(raw: bytes, objects: dict[int, tuple[int, int, int]]) -> list[int]:
    """The complete page objects, in the order the surviving page trees list them, then the rest in file order."""
    pages = {n for n, (_, start, end) in objects.items() if _PAGE.search(raw, start, end)}
    ordered: list[int] = []
    for _, start, end in sorted(objects.values(), key=lambda o: o[1]):
        body = raw[start:end]
        if _PAGE_TREE.search(body):
            kids = _KIDS.search(body)
            for ref in _REF.finditer(kids.group(1) if kids else b""):
                n = int(ref.group(1))
                if n in pages and n not in ordered:
                    ordered.append(n)
    in_file_order = sorted(pages - set(ordered), key=lambda n: objects[n][1])
    return ordered + in_file_order


def rebuild_truncated(raw: bytes) -> bytes | None:
    """A readable PDF holding the complete pages of a truncated one, or None when no page survived."""
    objects = _complete_objects(raw)
    pages = _page_order(raw, objects)
    if not pages:
        return None
    last = max(end for _, _, end in objects.values())
    out = bytearray(raw[:last])
    out += b"\n"
    tree, catalog = max(objects) + 1, max(objects) + 2
    offsets = {n: (gen, start) for n, (gen, start, _) in objects.items()}
    kids = b" ".join(b"%d %d R" % (n, objects[n][0]) for n in pages)
    for number, body in ((tree, b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(pages))),
                         (catalog, b"<< /Type /Catalog /Pages %d 0 R >>" % tree)):
        offsets[number] = (0, len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (catalog + 1)
    for n in range(1, catalog + 1):
        gen, start = offsets.get(n, (0, None))
        out += b"%010d %05d n \n" % (start, gen) if start is not None else b"0000000000 65535 f \n"
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (catalog + 1, catalog, xref)
    return bytes(out)
