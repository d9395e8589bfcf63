"""Notes as W3C Web Annotation JSON-LD (https://www.w3.org/TR/annotation-model/), out and back in.

Each note becomes an ``Annotation``: its text is a ``TextualBody`` with purpose ``commenting``, its status a
``TextualBody`` with purpose ``assessing``, its author the ``creator``. The target is the version's content
(``urn:sha256:…``) with a ``TextQuoteSelector`` and a ``TextPositionSelector`` (code points) when the note is
on words; a note on the whole case targets ``urn:variorum:case:<key>``. The exact Variorum anchor travels in
``variorum:anchor`` so a round trip loses nothing. Importing merges by annotation id: a note already present
is left alone unless the imported one is newer; nothing is duplicated. An import is checked against the schema
in :mod:`importschema` first and written in one transaction: all of it, or (if any item is refused) none.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from dataclasses import field, replace
from typing import Any

from variorum.core.notes.anchors import TextQuote
from variorum.core.notes.errors import AnchorError, ImportRejected, NotFound
from variorum.core.notes.importschema import annotation_errors, container_problem, iso_utc
from variorum.core.notes.limits import MAX_IMPORT_ANNOTATIONS
from variorum.core.notes.records import STATUSES, Note
from variorum.core.notes.store import NotesStore
from variorum.core.notes.targets import Anchor, format_anchor
from variorum.core.quick_dataclass import dataclass

CONTEXT = ["http://www.w3.org/ns/anno.jsonld", {"variorum": "urn:variorum:ns:"}]
SHA_IRI = "urn:sha256:"


@dataclass
class ImportResult:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: list[str] = field(default_factory=list)

    def summary(self) -> str:
        text = f"{self.added} added, {self.updated} updated, {self.unchanged} already present"
        return text + (f", {len(self.skipped)} skipped" if self.skipped else "")


def _target(note: Note, case_key: str) -> dict[str, Any]:
    a = note.anchor
    if a.quote is not None:
        q = a.quote
        return {"source": SHA_IRI + q.sha256, "selector": [
            {"type": "TextQuoteSelector", "exact": q.exact, "prefix": q.prefix, "suffix": q.suffix},
            {"type": "TextPositionSelector", "start": q.start, "end": q.end}]}
    if a.kind == "version" and a.ref:
        return {"source": SHA_IRI + a.ref}
    return {"source": f"urn:variorum:case:{case_key}"}


def annotation(note: Note, case_key: str, version_ids: Mapping[str, str]) -> dict[str, Any]:
    return {
        "id": f"urn:uuid:{uuid.UUID(hex=note.id)}",
        "type": "Annotation",
        "motivation": "commenting",
        "created": note.created_at,
        "modified": note.updated_at,
        "creator": {"type": "Person", "name": note.author},
        "body": [
            {"type": "TextualBody", "value": note.body, "format": "text/markdown", "purpose": "commenting"},
            {"type": "TextualBody", "value": note.status, "purpose": "assessing"},
        ],
        "target": _target(note, case_key),
        "variorum:anchor": {**replace(note.anchor, slot=None).to_json(),
                            "label": format_anchor(note.anchor, version_ids)},
    }


def export_annotations(store: NotesStore, case_id: str) -> dict[str, Any]:
    """The case's live notes as one ``AnnotationCollection``."""
    case = store.case(case_id)
    items = [annotation(n, case.key, case.version_ids) for n in store.notes(case_id)]
    return {
        "@context": CONTEXT,
        "type": "AnnotationCollection",
        "label": case.name,
        "total": len(items),
        "variorum:case": {"key": case.key, "versions": [
            {"sha256": v.sha256, "label": v.label, "id": v.version_id} for v in case.versions]},
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }


def _items(data: Any) -> list[Any]:
    """The annotations in a file already checked by :func:`container_problem`."""
    if isinstance(data, list):
        return data
    kind = data.get("type")
    kinds = set(kind) if isinstance(kind, list) else {kind}
    if "AnnotationCollection" in kinds:
        first = data.get("first")
        if isinstance(first, dict) and first.get("items") is not None:
            return list(first["items"])
        return list(data.get("items") or [])
    if "AnnotationPage" in kinds:
        return list(data.get("items") or [])
    if "Annotation" in kinds:
        return [data]
    raise ImportRejected("This file is not Web Annotation JSON (no Annotation, AnnotationPage or "
                         "AnnotationCollection).")


def checked_items(data: Any) -> list[dict[str, Any]]:
    """The annotations in ``data`` if every one of them can be imported; else ImportRejected listing each
    refused item with its number and the reason."""
    problem = container_problem(data)
    if problem is not None:
        raise ImportRejected(f"This file is not Web Annotation JSON ({problem}).")
    items = _items(data)
    if len(items) > MAX_IMPORT_ANNOTATIONS:
        raise ImportRejected(f"This file holds {len(items):,} annotations; one import takes at most "
                             f"{MAX_IMPORT_ANNOTATIONS:,}. Split it; nothing was imported.")
    problems = list(annotation_errors(items))
    if problems:
        raise ImportRejected(f"{len(problems)} of {len(items)} annotation{'s' if len(items) != 1 else ''} "
                             f"cannot be imported, so nothing was imported. Fix or remove "
                             f"{'them' if len(problems) > 1 else 'it'} and import again.", problems)
    return items


def _note_id(item: Mapping[str, Any]) -> str:
    ident = item.get("id") or item.get("@id")
    if isinstance(ident, str) and ident.startswith("urn:uuid:"):
        try:
            return uuid.UUID(ident[len("urn:uuid:"):]).hex
        except ValueError:
            pass
    if isinstance(ident, str) and ident:
        return uuid.uuid5(uuid.NAMESPACE_URL, ident).hex
    return uuid.uuid5(uuid.NAMESPACE_URL, json.dumps(item, sort_keys=True, ensure_ascii=False)).hex


def _bodies(item: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    body = item.get("body")
    bodies = body if isinstance(body, list) else [body] if body is not None else []
    out: list[Mapping[str, Any]] = [b for b in bodies if isinstance(b, dict)]
    if isinstance(item.get("bodyValue"), str):
        out.append({"type": "TextualBody", "value": item["bodyValue"]})
    return out


def _text_and_status(item: Mapping[str, Any]) -> tuple[str, str]:
    text, status = None, "open"
    for b in _bodies(item):
        value = b.get("value")
        if not isinstance(value, str):
            continue
        if b.get("purpose") == "assessing" and value in STATUSES:
            status = value
        elif text is None and b.get("purpose") in (None, "commenting", "describing"):
            text = value
    return text or "", status


def _creator(item: Mapping[str, Any]) -> str | None:
    c = item.get("creator")
    if isinstance(c, list):
        c = c[0] if c else None
    if isinstance(c, dict):
        c = c.get("name") or c.get("nick") or c.get("id")
    return c if isinstance(c, str) and c.strip() else None


def _anchor(item: Mapping[str, Any]) -> Anchor:
    own = item.get("variorum:anchor")
    if isinstance(own, dict):
        return replace(Anchor.from_json(own), slot=None)
    target = item.get("target")
    if isinstance(target, list):
        target = target[0] if target else None
    if isinstance(target, str):
        target = {"source": target}
    if not isinstance(target, dict):
        return Anchor("case")
    source = str(target.get("source") or target.get("id") or "")
    if not source.startswith(SHA_IRI):
        return Anchor("case")
    sha = source[len(SHA_IRI):]
    selectors = target.get("selector")
    selectors = selectors if isinstance(selectors, list) else [selectors] if selectors else []
    quote = next((s for s in selectors if isinstance(s, dict) and s.get("type") == "TextQuoteSelector"), None)
    pos = next((s for s in selectors if isinstance(s, dict) and s.get("type") == "TextPositionSelector"), {})
    if quote is None or not quote.get("exact"):
        return Anchor("version", ref=sha)
    start = int(pos.get("start", -1))
    exact = str(quote["exact"])
    return Anchor("quote", quote=TextQuote(exact=exact, prefix=str(quote.get("prefix", "")),
                                           suffix=str(quote.get("suffix", "")), sha256=sha, start=start,
                                           end=int(pos.get("end", start + len(exact)))))


def import_annotations(store: NotesStore, case_id: str, data: Any, *, who: str | None = None) -> ImportResult:
    """Merge annotations into the case: new ones are added, newer ones update, the rest are left alone.

    Every annotation is checked first (:func:`checked_items`); then all are written in one transaction, so an
    import is complete or has not happened.
    """
    items = checked_items(data)
    result = ImportResult()
    who = who or store.user
    with store.batch():
        store.case(case_id)
        for n, item in enumerate(items, start=1):
            _merge(store, case_id, n, item, who, result)
    return result


def _merge(store: NotesStore, case_id: str, n: int, item: Mapping[str, Any], who: str,
           result: ImportResult) -> None:
    try:
        anchor = _anchor(item)
    except (AnchorError, ValueError, TypeError) as exc:
        raise ImportRejected(f"item {n} cannot be imported, so nothing was imported.",
                             [f"item {n}: unreadable target ({exc})"]) from exc
    note_id = _note_id(item)
    body, status = _text_and_status(item)
    modified = _timestamp(item.get("modified") or item.get("created"))
    try:
        local = store.note(note_id)
    except NotFound:
        store.add_note(case_id, anchor, body, status=status, author=_creator(item), note_id=note_id,
                       created_at=_timestamp(item.get("created")), action="import", who=who)
        result.added += 1
        return
    if local.case_id != case_id:
        result.skipped.append(f"item {n}: note {note_id[:8]} belongs to another case")
    elif local.deleted:
        result.skipped.append(f"item {n}: note {note_id[:8]} was deleted here")
    elif local.body == body and local.status == status:
        result.unchanged += 1
    elif modified is not None and modified > local.updated_at:
        store.update_note(note_id, body=body, status=status, who=who, action="import")
        result.updated += 1
    else:
        result.skipped.append(f"item {n}: note {note_id[:8]} is newer here")


def _timestamp(value: Any) -> str | None:
    return iso_utc(value) if isinstance(value, str) and value else None
