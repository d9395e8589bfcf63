"""``variorum notes``: read and write reconciliation notes from scripts. FILE… names the case by its files.

Exit status: 0 done, 1 the notes store could not be used, 2 a usage error (bad anchor, missing file, …).
"""

from __future__ import annotations

import argparse
import json
import os
import stat
import sys
from collections.abc import Sequence
from pathlib import Path

from variorum.core.notes.printable import json_for_terminal, printable, printable_line
from variorum.core.notes.records import STATUSES

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing before --help has answered
if TYPE_CHECKING:
    from variorum.core.case import Case
    from variorum.core.model import Comparison

PROG = "variorum notes"


class UsageError(Exception):
    """Shown as one line; exit status 2."""


class ListingUsageError(UsageError):
    """A usage error with a list to choose from: a line, then the items a line each (already printable)."""


def parser() -> argparse.ArgumentParser:
    from variorum.core.notes.limits import limits_text
    from variorum.core.notes.paths import store_path

    p = argparse.ArgumentParser(prog=PROG, description="Reconciliation notes kept with a case. FILE… are the "
                                "case's files (the same set that was compared); their contents identify the case.",
                                epilog=f"Notes are kept in {store_path()} (set VARIORUM_DATA_DIR to use another "
                                       f"folder). Back them up with 'variorum notes backup PATH'. " + limits_text())
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def files(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("files", nargs="+", metavar="FILE", help="the case's files (or folders)")
        sp.add_argument("--url", metavar="URL", help="for a web archive (.warc, .warc.gz, .wacz) holding several "
                        "pages: the page whose captures are in the case (as chosen in the app or with compare --url)")

    a = sub.add_parser("add", help="add a note")
    a.add_argument("--anchor", required=True, metavar="ANCHOR",
                   help="case | version:vN | finding:ID | difference:ID | quote:vN:START-END")
    a.add_argument("--status", choices=STATUSES, default="open")
    a.add_argument("--author", help="who writes the note (default: $VARIORUM_AUTHOR or your user name)")
    a.add_argument("--body", required=True, help="the note's text (Markdown allowed)")
    files(a)

    e = sub.add_parser("edit", help="change a note's text and/or status")
    e.add_argument("note_id", metavar="NOTE_ID")
    e.add_argument("--status", choices=STATUSES)
    e.add_argument("--body")
    e.add_argument("--author", help="who makes the change")
    files(e)

    d = sub.add_parser("delete", help="delete a note (it stays in the history and can be restored)")
    d.add_argument("note_id", metavar="NOTE_ID")
    d.add_argument("--author", help="who deletes it")
    files(d)

    r = sub.add_parser("restore", help="bring back a deleted note")
    r.add_argument("note_id", metavar="NOTE_ID")
    r.add_argument("--author", help="who restores it")
    files(r)

    c = sub.add_parser("cases", help="list the cases in the store, most recently opened first")
    c.add_argument("--deleted", action="store_true", help="list deleted cases instead (they can be restored)")
    c.add_argument("--restore", metavar="CASE_ID", help="restore a deleted case")

    ls = sub.add_parser("list", help="list the case's notes")
    ls.add_argument("--format", choices=("text", "json"), default="text")
    files(ls)

    h = sub.add_parser("history", help="show a note's audit trail")
    h.add_argument("note_id", metavar="NOTE_ID")
    h.add_argument("--format", choices=("text", "json"), default="text")
    files(h)

    x = sub.add_parser("export", help="write the case's notes as W3C Web Annotation JSON-LD")
    x.add_argument("--output", "-o", required=True, metavar="PATH",
                   help="a new file (never one of the case's files), or - for the terminal")
    files(x)

    i = sub.add_parser("import", help="merge notes from W3C Web Annotation JSON (no duplicates; all or nothing)",
                       description="Merge notes from a W3C Web Annotation file. Every annotation is checked "
                                   "first: if any is invalid, nothing is imported and each invalid one is listed "
                                   "with its number and the reason. " + limits_text())
    i.add_argument("source", metavar="NOTES.jsonld")
    i.add_argument("--author", help="who imports them")
    files(i)

    b = sub.add_parser("backup", help="copy the whole notes store to a new file")
    b.add_argument("output", metavar="PATH")
    return p


def main(argv: Sequence[str]) -> int:
    try:
        ns = parser().parse_args(list(argv))
    except SystemExit as exc:  # argparse already printed the usage message
        return int(exc.code or 0)
    from variorum.core.notes import AnchorError, NotesError, NotFound

    try:
        return _run(ns)
    except ListingUsageError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 2
    except (UsageError, AnchorError, NotFound) as exc:
        print(f"{PROG}: error: {printable_line(exc)}", file=sys.stderr)
        return 2
    except NotesError as exc:
        print(f"{PROG}: error: {printable_line(exc)}", file=sys.stderr)
        return 1


def _run(ns: argparse.Namespace) -> int:
    from variorum.core.notes import NotesStore

    if ns.command == "cases":
        with NotesStore() as store:
            return cmd_cases(store, ns)
    if ns.command == "backup":
        with NotesStore() as store:
            target = store.backup_to(Path(ns.output))
        print(f"Notes store copied to {printable_line(target)}")
        return 0
    loaded = _load(ns.files, ns.url)
    with NotesStore() as store:
        author = (getattr(ns, "author", None) or "").strip()
        if author:
            store.user = author
        return COMMANDS[ns.command](store, loaded, ns)


def _load(files: Sequence[str], url: str | None) -> Case:
    from variorum.core.case import load_case
    from variorum.core.load import many_pages_message

    missing = [f for f in files if not Path(f).exists()]
    if missing:
        raise UsageError(f"no such file or folder: {missing[0]}")
    unchosen = many_pages_message(files) if url is None else None  # all its pages: another case than compared
    if unchosen:
        raise ListingUsageError(unchosen)
    loaded = load_case(files, url=url)
    versions = loaded.versions
    if not versions:
        raise UsageError("no supported files found")
    unreadable = [v for v in versions if not v.sha256]
    if unreadable:
        raise UsageError(f"{unreadable[0].label}: {unreadable[0].error}")
    return loaded


def _compared(loaded: Case) -> Comparison:
    """The files compared, once per command, through the case as the app and ``variorum compare`` do."""
    return loaded.comparison or loaded.compare()


def _case(store, loaded: Case, *, create: bool):
    case = store.open_case(loaded.versions) if create else store.find_case(loaded.versions)
    if case is None:
        return None
    if not create:
        case = store.open_case(loaded.versions)  # record this opening and follow edited files
    notes = store.notes(case.id)
    if any(n.anchor.kind != "case" for n in notes):
        store.reanchor(case.id, _compared(loaded))
    return case


def cmd_add(store, loaded: Case, ns) -> int:
    from variorum.core.notes import parse_anchor

    kind = ns.anchor.split(":", 1)[0]
    comparison = _compared(loaded) if kind in ("finding", "difference") else None
    anchor = parse_anchor(ns.anchor, comparison=comparison, versions=loaded.versions)
    case = store.open_case(loaded.versions)
    note = store.add_note(case.id, anchor, ns.body, status=ns.status, author=ns.author)
    print(note.id)
    return 0


def _note_in_case(store, case, note_id):
    from variorum.core.notes import NotFound

    if case is None:
        raise NotFound("These files have no notes yet.")
    note = store.note(note_id)
    if note.case_id != case.id:
        raise NotFound(f"Note {note_id} belongs to another case, not to these files.")
    return note


def cmd_edit(store, loaded: Case, ns) -> int:
    if ns.body is None and ns.status is None:
        raise UsageError("nothing to change: give --body and/or --status")
    note = _note_in_case(store, store.find_case(loaded.versions), ns.note_id)
    note = store.update_note(note.id, body=ns.body, status=ns.status, who=ns.author)
    print(note.id)
    return 0


def cmd_delete(store, loaded: Case, ns) -> int:
    note = _note_in_case(store, store.find_case(loaded.versions), ns.note_id)
    store.delete_note(note.id, who=ns.author)
    print(f"Deleted note {note.id} (its history keeps it; it can be restored).")
    return 0


def cmd_restore(store, loaded: Case, ns) -> int:
    note = _note_in_case(store, store.find_case(loaded.versions), ns.note_id)
    store.restore_note(note.id, who=ns.author)
    print(f"Restored note {note.id}.")
    return 0


def cmd_cases(store, ns) -> int:
    if ns.restore:
        case = store.restore_case(ns.restore)
        print(f"Restored case {case.id} {printable_line(repr(case.name))}.")
        return 0
    cases = store.deleted_cases() if ns.deleted else store.recent_cases(limit=1000)
    for case in cases:
        when = case.deleted_at if ns.deleted else case.opened_at
        count = len(store.notes(case.id))
        print(f"{case.id}  {when}  {count} note{'s' if count != 1 else ''}  {printable_line(case.name)}")
        for v in case.versions:
            print(f"    {v.version_id or '?'}  {v.sha256[:12]}  {printable_line(v.path or v.label)}")
    if not cases:
        print("No deleted cases." if ns.deleted else "No cases yet.")
    return 0


def cmd_list(store, loaded: Case, ns) -> int:
    from variorum.core.notes import notes_for_report

    case = _case(store, loaded, create=False)
    notes = notes_for_report(store, case.id) if case else []
    if ns.format == "json":
        data = {"case": {"id": case.id, "name": case.name,
                         "versions": [v.to_json() for v in case.versions]} if case else None,
                "notes": notes}
        sys.stdout.write(json_for_terminal(data, indent=2) + "\n")
        return 0
    if case is None:
        print("No notes for these files.")
        return 0
    print(f"{printable_line(case.name)}: {len(notes)} note{'s' if len(notes) != 1 else ''}")
    for n in notes:
        flag = "  [orphaned: its words are no longer in the files]" if n["orphaned"] else ""
        fields = (n["anchor"], n["author"], n["updated_at"])
        print(f"{n['id'][:12]}  {n['status']:<9}  {'  '.join(map(printable_line, fields))}{flag}")
        for line in printable(n["body"] or "(empty)").split("\n"):
            print(f"    {line}")
    return 0


def cmd_history(store, loaded: Case, ns) -> int:
    from variorum.core.notes.records import describe_change

    note = _note_in_case(store, store.find_case(loaded.versions), ns.note_id)
    events = [e.to_report() for e in store.history(note.id)]
    if ns.format == "json":
        sys.stdout.write(json_for_terminal(events, indent=2) + "\n")
        return 0
    for e in events:
        fields = (e["at"], e["who"], e["action"], describe_change(e["before"], e["after"]))
        print("  ".join(map(printable_line, fields)))
    return 0


def _check_export_target(target: Path, versions) -> None:
    """An export never replaces one of the case's files (the evidence), nor a link, FIFO or device."""
    try:
        info = target.lstat()
    except FileNotFoundError:
        return
    except OSError as exc:
        raise UsageError(f"cannot write {target}: {exc.strerror or exc}") from exc
    if not stat.S_ISREG(info.st_mode):
        raise UsageError(f"{target} is not a regular file (a link, folder, FIFO or device); choose a new file name")
    for v in versions:
        try:
            same = bool(v.path) and os.path.samefile(v.path, target)
        except OSError:
            same = False
        if same:
            raise UsageError(f"{target} is one of the case's files; the export would replace it. Choose another "
                             f"file name")


def cmd_export(store, loaded: Case, ns) -> int:
    from variorum.core.atomic import atomic_write_text
    from variorum.core.notes.webannotation import export_annotations

    case = _case(store, loaded, create=False)
    if case is None:
        raise UsageError("these files have no notes yet, nothing to export")
    data = export_annotations(store, case.id)
    if ns.output == "-":  # to the terminal: control characters in notes are escaped, the JSON stays the same
        sys.stdout.write(json_for_terminal(data, indent=2) + "\n")
        return 0
    _check_export_target(Path(ns.output), loaded.versions)
    try:
        atomic_write_text(Path(ns.output), json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    except OSError as exc:
        raise UsageError(f"cannot write {ns.output}: {exc.strerror or exc}") from exc
    print(f"Wrote {data['total']} note{'s' if data['total'] != 1 else ''} to {printable_line(ns.output)}")
    return 0


def cmd_import(store, loaded: Case, ns) -> int:
    from variorum.core.notes.errors import ImportRejected
    from variorum.core.notes.importfile import read_annotation_file
    from variorum.core.notes.webannotation import import_annotations

    source = printable_line(ns.source)
    try:
        data = read_annotation_file(ns.source)
        case = store.open_case(loaded.versions)
        result = import_annotations(store, case.id, data, who=ns.author)
    except FileNotFoundError as exc:
        raise UsageError(f"no such file: {ns.source}") from exc
    except ImportRejected as exc:
        print(f"{PROG}: error: {source} was not imported: {printable_line(exc)}", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {printable_line(problem)}", file=sys.stderr)
        return 2
    orphans = [r for r in store.reanchor(case.id, _compared(loaded)) if r.state == "orphaned"]
    print(f"Imported notes from {source}: {result.summary()}"
          + (f"; {len(orphans)} could not be placed in these files (orphaned)" if orphans else ""))
    for reason in result.skipped:
        print(f"  skipped {printable_line(reason)}", file=sys.stderr)
    return 0


COMMANDS = {"add": cmd_add, "edit": cmd_edit, "delete": cmd_delete, "restore": cmd_restore, "list": cmd_list,
            "history": cmd_history, "export": cmd_export, "import": cmd_import}
