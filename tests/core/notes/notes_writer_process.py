"""A separate process that writes notes as fast as it can and acknowledges each committed change on stdout.

Usage: python notes_writer_process.py STORE TAG COUNT [SHARED_NOTE_ID]

Prints ``case ID`` once, then per iteration ``add ID`` after the note is committed and ``edit ID REV`` after
its edit is committed; with SHARED_NOTE_ID also appends a line to that note (re-reading on conflict) and
prints ``append TAG-N``. Used by the crash and concurrency tests.
"""

from __future__ import annotations

import sys

from variorum.core.model import Version
from variorum.core.notes import Anchor, Conflict, NotesStore

CASE_VERSIONS = [Version(id="v1", label="a.txt", path=None, sha256="a" * 64, format="text", encoding="utf-8",
                         text="a"),
                 Version(id="v2", label="b.txt", path=None, sha256="b" * 64, format="text", encoding="utf-8",
                         text="b")]


def main(argv: list[str]) -> int:
    path, tag, count = argv[0], argv[1], int(argv[2])
    shared = argv[3] if len(argv) > 3 else None
    store = NotesStore(path, user=tag)
    case = store.open_case(CASE_VERSIONS)
    print("case", case.id, flush=True)
    for i in range(count):
        note = store.add_note(case.id, Anchor("case"), f"{tag} note {i}")
        print("add", note.id, flush=True)
        note = store.update_note(note.id, body=f"{tag} note {i} edited", status="confirmed")
        print("edit", note.id, note.rev, flush=True)
        if shared:
            while True:
                current = store.note(shared)
                try:
                    store.update_note(shared, body=current.body + f"{tag}-{i}\n", expected_rev=current.rev)
                    break
                except Conflict:
                    continue
            print("append", f"{tag}-{i}", flush=True)
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
