"""Markdown report: for pasting into a ticket or a CMS. Findings come before differences."""

from __future__ import annotations

from typing import Any

_REL = {"base": "base", "same-article": "same article", "related": "related coverage", "unrelated": "unrelated"}


def _cell(text: Any) -> str:
    s = "" if text is None else str(text)
    return s.replace("|", "\\|").replace("\n", " ").strip()


def _quote(text: str, limit: int = 160) -> str:
    s = " ".join(text.split())
    if len(s) > limit:
        s = s[: limit - 1] + "…"
    return "`" + s.replace("`", "'") + "`" if s else "*(nothing)*"


def render_markdown(report: dict[str, Any]) -> str:
    labels = {v["id"]: v["label"] for v in report["versions"]}
    out: list[str] = []
    out.append("# Variorum comparison report")
    out.append("")
    out.append(f"Generated {report['generated_at']} by {report['tool']['name']} {report['tool']['version']}. "
               f"Base: **{report['base']}** ({labels.get(report['base'], '—')}). "
               f"Cosmetic differences {'shown' if report['options']['show_cosmetic'] else 'hidden'}.")
    out.append("")
    out.append("## Versions")
    out.append("")
    out.append("| id | label | format | relation | similarity | words | sha256 | status |")
    out.append("|---|---|---|---|---|---|---|---|")
    for v in report["versions"]:
        rel = v.get("relation") or {}
        status = f"error: {v['error']}" if v["error"] else ("; ".join(v["warnings"]) or "ok")
        out.append(f"| {v['id']} | {_cell(v['label'])} | {v['format']} | {_REL.get(rel.get('kind'), '—')} | "
                   f"{rel.get('similarity', '—')} | {v['words']} | `{v['sha256'][:12]}` | {_cell(status)} |")
    out.append("")
    out.append(f"## Findings ({len(report['findings'])})")
    out.append("")
    if not report["findings"]:
        out.append("No discrepancies found.")
    for f in report["findings"]:
        out.append(f"- **{f['severity'].upper()}** `{f['kind']}` ({', '.join(f['versions'])}): {_cell(f['message'])}")
        for e in f["evidence"]:
            out.append(f"  - {e['version']} @{e['start']}–{e['end']}: {_quote(e['text'])}")
    out.append("")
    substantive = [d for d in report["differences"] if not d["cosmetic"]]
    out.append(f"## Differences ({len(substantive)} substantive)")
    out.append("")
    if not substantive:
        out.append("No substantive differences.")
    for d in substantive:
        out.append(f"- {d['version']} {d['kind']} ({d['category']}): {_quote(d['base']['text'])} → "
                   f"{_quote(d['other']['text'])}")
    summary = report.get("cosmetic_summary") or {}
    if summary:
        out.append("")
        out.append("Cosmetic differences by category: " +
                   ", ".join(f"{k} {n}" for k, n in summary.items()) + ".")
    if report.get("notes"):
        out.append("")
        out.append(f"## Notes ({len(report['notes'])})")
        out.append("")
        for n in report["notes"]:
            out.append(f"- [{n.get('status')}] {_cell(n.get('anchor'))}: {_cell(n.get('body'))}")
    out.append("")
    return "\n".join(out)
