"""The machine-readable snapshot (JSON) and the Markdown report, from a report's rows.

Pure module: no Django import. `report` is a ReportData (or anything with its attributes),
`blocks` the cover report's blocks from cover.cover_blocks.
"""

from __future__ import annotations

import json

from scorecard.rendering.markdown import md

from . import summary
from .cover import Block
from .cover import as_markdown as cover_markdown


def _number(value):
    return None if value is None else float(value)


def as_dict(report) -> dict:
    lines = report.indicators
    as_of = getattr(report, "as_of", None)
    current = summary.currency(lines, report.period, as_of)
    live_risks = summary.ranked(summary.open_risks(report.risks))
    areas = summary.areas_with_red(report.risks, report.areas, report.matrix)
    return {
        "period": report.period.key,
        "published": report.is_published,
        "performance": {
            "total": len(lines),
            "by_status": summary.rating_counts(lines),
            "rated_this_period": current.this_quarter,
            "carried_from_earlier_periods": current.carried,
            "updates_not_received": current.awaiting,
            "updates_late": current.late,
            "gaps": _gaps(report.snapshot),
            "red_updated_this_period": [
                {"code": line.code, "title": line.title} for line in summary.red_updated(lines)
            ],
            "indicators": [
                {
                    "code": line.code,
                    "title": line.title,
                    "priority": line.priority,
                    "status": summary.rating_of(line),
                    "state": line.state,
                    "value": _number(line.value),
                    "target": _number(line.target),
                    "rated_against": getattr(line, "rated_against", ""),
                    "direction": line.direction,
                    "last_updated_period": line.last_updated or None,
                    "updated_this_period": line.updated_this_period,
                    "rating_carried_from": line.rating_period if summary.is_carried(line) else None,
                    "update_late": summary.is_late(line, report.period, as_of),
                }
                for line in lines
            ],
        },
        "risks": {
            "total": len(live_risks),
            "by_band": summary.band_counts(report.risks, report.matrix),
            "areas": [
                {
                    "name": area.area.name,
                    "description": area.area.description,
                    "risks": [risk.reference for risk in area.risks],
                }
                for area in areas
            ],
            "risks": [
                {
                    "reference": risk.reference,
                    "title": risk.title,
                    "register": risk.register,
                    "likelihood": risk.likelihood,
                    "impact": risk.impact,
                    "score": risk.score,
                    "band": risk.band_key,
                    "area": risk.area or None,
                    "movement": risk.movement,
                }
                for risk in live_risks
            ],
        },
        "restatements": [
            {
                "code": r.code,
                "period": r.period,
                "published_value": _number(r.published_value),
                "current_value": _number(r.current_value),
                "restated_on": r.restated_on.isoformat() if r.restated_on else None,
                "reason": r.reason,
            }
            for r in report.restatements
        ],
    }


def _gaps(snapshot) -> dict | None:
    """What was missing when the quarter was locked, and why it was locked all the same."""
    reason = getattr(snapshot, "gaps_reason", "")
    if not reason:
        return None
    who = snapshot.gaps_acknowledged_by or snapshot.published_by
    return {"readiness": snapshot.readiness, "reason": reason, "acknowledged_by": str(who)}


def as_json(report) -> str:
    return json.dumps(as_dict(report), indent=2, ensure_ascii=False) + "\n"


def _table(header: list[str], rows: list[list[str]]) -> str:
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(md(c) for c in row) + " |" for row in rows]
    return "\n".join(out)


def as_markdown(report, blocks: list[Block]) -> str:
    lines = report.indicators
    counts = summary.rating_counts(lines)
    parts = [cover_markdown(blocks)]
    title = f"{report.period.label} Balanced Scorecard Performance Summary Dashboard Report and Corporate Risk Dashboard"
    parts.append(f"# Appendix: {title}")
    state = "Published" if report.is_published else "Draft (not published)"
    parts.append(f"{state}. {md(report.scorecard_name)}, {md(report.scorecard_version)}.")
    parts.append("## Performance summary")
    current = summary.currency(lines, report.period, getattr(report, "as_of", None))
    parts.append(summary.currency_sentence(current, report.period))
    parts.append(
        _table(
            ["Status", "Indicators"],
            [[summary.RATING_LABELS[k], str(v)] for k, v in counts.items()]
            + [["Total", str(len(lines))]],
        )
    )
    parts.append(
        _table(
            ["Priority", "Green", "Amber", "Red", "Not rated"],
            [
                [p.priority, *(str(p.counts[k]) for k in ("green", "amber", "red", "not_rated"))]
                for p in summary.counts_by_priority(lines)
            ],
        )
    )
    parts.append("## Red indicators updated this quarter")
    for line in summary.red_updated(lines):
        parts.append(
            f"### {md(line.code)} {md(line.title)}\n\n"
            f"Red at {md(summary.rated_as(line))}. {md(line.commentary)}\n\n"
            f"Improvement actions: {md(line.improvement_actions) or 'none recorded'}"
        )
    carried = summary.red_carried(lines)
    if carried:
        parts.append("## Red indicators carried from earlier quarters")
        parts.append(
            _table(
                ["Code", "Indicator", "Rated in", "Next update due"],
                [
                    [
                        line.code,
                        line.title,
                        summary.period_short(line.rating_period),
                        summary.next_due_text(line, report.period, getattr(report, "as_of", None)),
                    ]
                    for line in carried
                ],
            )
        )
    parts.append("## Corporate risk dashboard")
    bands = summary.band_counts(report.risks, report.matrix)
    labels = {k: v["label"] for k, v in summary.bands_of(report.matrix)}
    open_risks = summary.open_risks(report.risks)
    parts.append(
        _table(
            ["Band", "Risks"],
            [[labels[k], str(v)] for k, v in bands.items()] + [["Total", str(len(open_risks))]],
        )
    )
    parts.append("## Risk areas")
    for area in summary.areas_with_red(report.risks, report.areas, report.matrix):
        text = (
            f"### {md(area.area.name)}\n\n{md(area.area.description)}.\n\n"
            f"{md(area.area.mitigation_summary)}"
        )
        rows = [[r.reference, r.title, str(r.score), r.register] for r in area.risks]
        text += "\n\n" + _table(["Risk", "Title", "Score", "Register"], rows)
        actions = [
            f"- {md(a['description'])} ({md(a['owner'])}, due {a['due']})"
            for r in area.risks
            for a in r.actions
        ]
        if actions:
            text += "\n\nMitigating actions:\n\n" + "\n".join(actions)
        parts.append(text)
    parts.append("## Top risks")
    parts.append(
        _table(
            ["Rank", "Risk", "Title", "Register", "Score", "Band", "Movement"],
            [
                [
                    str(n),
                    r.reference,
                    r.title,
                    r.register,
                    str(r.score),
                    r.band_label,
                    summary.MOVEMENT_LABELS[r.movement],
                ]
                for n, r in enumerate(summary.top_risks(report.risks), start=1)
            ],
        )
    )
    if report.restatements:
        parts.append("## Restatements since publication")
        parts.append(
            _table(
                ["Indicator", "Period", "Published", "Restated", "Note"],
                [
                    [
                        f"{r.code} {r.title}",
                        r.period,
                        str(r.published_value),
                        str(r.current_value),
                        md(summary.restatement_note(r)),
                    ]
                    for r in report.restatements
                ],
            )
        )
    return "\n\n".join(parts) + "\n"
