"""The comparison pipeline: relate → align and diff → check, on loaded versions. Headless; callers go through
:mod:`variorum.core.case`, which loads the files."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from variorum.core.checks import TextAnalysis, run_checks
from variorum.core.diff import Codec, alignment_of, diff_versions, prepare
from variorum.core.free_memory import hand_back
from variorum.core.metadata import enrich
from variorum.core.model import Alignment, Comparison, Difference, Options, Relation, Version
from variorum.core.ocr_noise import reclassify as reclassify_ocr_noise
from variorum.core.relation import Seen, classify, pick_base, profile
from variorum.core.repair import alignment_in_original, differences_in_original
from variorum.core.setaside import set_aside_furniture
from variorum.core.variants import variation_places

ProgressFn = Callable[[float, str], None]
CancelFn = Callable[[], bool]


class Cancelled(Exception):
    """The caller asked to stop; nothing partial is returned."""


class BaseNotFound(ValueError):
    """``--base`` named a version that is not in the case (or could not be read)."""


def resolve_base(versions: Sequence[Version], wanted: str | None) -> str | None:
    """Turn a user's base choice (an id such as ``v2``, a path, or a file name) into a version id."""
    if wanted is None:
        return None
    for v in versions:
        if wanted == v.id:
            return v.id
    wanted_path = Path(wanted)
    for v in versions:
        if v.path and (Path(v.path) == wanted_path or Path(v.path).resolve() == wanted_path.resolve()):
            return v.id
    for v in versions:
        if v.label == wanted_path.name:
            return v.id
    raise BaseNotFound(f"--base {wanted!r} matches none of the versions (use an id such as v1, or a file path)")


def compare_versions(versions: Sequence[Version], *, options: Options | None = None,
                     progress: ProgressFn | None = None, cancelled: CancelFn | None = None) -> Comparison:
    """Compare already-loaded versions."""
    options = options or Options()
    report = progress or (lambda _f, _m: None)
    stop = cancelled or (lambda: False)

    def check_cancel() -> None:
        if stop():
            raise Cancelled()

    # what is read from each text, once for this run: the metadata reader and the checks share it, and it goes
    # when the run ends
    analyses = {v.id: TextAnalysis(v.text) for v in versions}
    versions = [enrich(v, analyses[v.id].metadata) for v in versions]
    readable = [v for v in versions if v.ok]
    # the texts are compared with their mojibake repaired; differences point back at each version's own text
    repaired = {v.id: analyses[v.id].repaired for v in readable}
    # a text with nothing repaired is the version's own: its paragraphs are the analysis's
    known: dict[str, str] = {}  # a paragraph or sentence the versions share is put in normal form once
    prepared = {v.id: prepare(repaired[v.id].text, None if repaired[v.id].repaired else analyses[v.id].paragraphs,
                              known) for v in readable}
    # the shortest version's paragraphs are read into 3-grams once for every version that shares them
    seen: Seen = {}
    shortest_first = {v.id: profile(v.text, paragraphs=prepared[v.id].keys, seen=seen)
                      for v in sorted(readable, key=lambda v: len(v.text))}
    seen.clear()
    profiles = {v.id: shortest_first[v.id] for v in readable}
    check_cancel()
    base_id = resolve_base(versions, options.base)
    if base_id is not None and base_id not in profiles:
        raise BaseNotFound(f"the chosen base {base_id} could not be read")
    base_id = base_id or pick_base(profiles, {v.id: v.metadata.published for v in readable})
    relations: dict[str, Relation] = {}
    differences: list[Difference] = []
    alignments: dict[str, Alignment] = {}
    if base_id is not None:
        base = next(v for v in readable if v.id == base_id)
        relations[base_id] = Relation("base", 1.0)
        codec = Codec()
        others = [v for v in readable if v.id != base_id]
        for n, v in enumerate(others, start=1):
            check_cancel()
            rel = classify(profiles[base_id], profiles[v.id])
            relations[v.id] = rel
            if rel.kind == "same-article":
                report(n / (len(others) + 1), f"Comparing {v.label} with {base.label}")
                result = diff_versions(prepared[base_id], prepared[v.id], version_id=v.id, salt=f"{base.sha256}|{v.sha256}",
                                       codec=codec)
                found = differences_in_original(result.differences, repaired[base_id], repaired[v.id])
                differences.extend(set_aside_furniture(reclassify_ocr_noise(found, base, v), base, v))
                alignments[v.id] = alignment_in_original(alignment_of(v.id, result), repaired[base_id],
                                                         repaired[v.id])
    prepared.clear()  # the words of every paragraph (some 24 bytes a word) are not needed by the checks
    known.clear()
    check_cancel()
    report(0.95, "Checking for discrepancies")
    findings = run_checks(tuple(versions), base_id, relations, tuple(differences), alignments, analyses)
    hand_back(sum(len(v.text) for v in readable))  # what the checks let go of, before the places are made
    compared = Comparison(base=base_id, versions=tuple(versions), relations=relations,
                          differences=tuple(differences), findings=tuple(findings), alignments=alignments,
                          options=options)
    report(1.0, "Done")
    return replace(compared, places=variation_places(compared, cosmetic=options.cosmetic_places))

