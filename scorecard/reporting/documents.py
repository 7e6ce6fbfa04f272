"""A quarter's report as files and page contexts: the appendix pack (HTML, PDF), the Cabinet
cover report (HTML, DOCX), Markdown and JSON, and the context both dashboards render.

Everything is built from `selectors.report_data` (the snapshot once published) and the pure
`summary`, `cover` and `formats` modules; this module only assembles and renders.
"""

import datetime as dt
from functools import lru_cache

from django.template.loader import render_to_string

from scorecard.core.figures import figure, long_date
from scorecard.organisation import clock
from scorecard.organisation.selectors import organisation_settings_get
from scorecard.rendering import charts, docx, pdf
from scorecard.rendering.sparkline import sparkline_svg

from . import cover, dashboard_charts, formats, links, summary
from .kept import derived
from .selectors import ReportData, report_wording_get
from .self_approvals import self_approvals

BAND_CHART_COLOURS = {"Red": "#d4351c", "Amber": "#f47738", "Green": "#00703c"}


def cover_blocks(data: ReportData) -> list[cover.Block]:
    """The wording filled from the figures, then what the figures rest on: how many colours are
    this quarter's and how many carried, and any gaps acknowledged when the quarter was locked
    (outside the wording, so an edited wording cannot leave them out)."""
    wording = report_wording_get()
    blocks = cover.cover_blocks(wording.text if wording else None, summary.facts(data))
    if not data.indicators:
        return blocks
    current = summary.currency(data.indicators, data.period, data.as_of)
    notes = [summary.currency_sentence(current, data.period)]
    notes += summary.acknowledgement(data.snapshot)
    return [
        *blocks,
        cover.Block("heading", "Updates received for the quarter"),
        *(cover.Block("paragraph", text) for text in notes),
    ]


def _chart(chart: charts.Chart) -> dict:
    return {"uri": charts.as_data_uri(chart.svg()), "description": chart.description}


class Sparklines(dict):
    """Each line's sparkline, drawn when first asked for: a dashboard draws the page it shows,
    the pack every row."""

    def __init__(self, lines):
        super().__init__()
        self.lines = lines

    def __missing__(self, code):
        drawn = self[code] = _sparkline(tuple(v for _, v in self.lines[code].trend))
        return drawn


@lru_cache(maxsize=4096)
def _sparkline(values: tuple) -> str:
    return sparkline_svg(list(values))


def performance_context(data: ReportData, *, filters: dict | None = None) -> dict:
    """What the performance dashboard and the pack show: counts, exceptions, the full table."""
    lines = data.indicators
    filters = filters or {}
    table = (
        [
            line
            for line in lines
            if (not filters.get("priority") or line.priority == filters["priority"])
            and (not filters.get("directorate") or line.directorate_code == filters["directorate"])
            and (not filters.get("status") or summary.rating_of(line) == filters["status"])
        ]
        if any(filters.values())
        else lines
    )
    shared = derived(lines, "performance", lambda: _performance_summary(lines))
    current = summary.currency(lines, data.period, data.as_of)
    return {
        **shared,
        "table": table,
        "currency": current,
        "currency_sentence": summary.currency_sentence(current, data.period),
        "acknowledgement": summary.acknowledgement(data.snapshot),
        "as_of": data.as_of,
    }


def _performance_summary(lines) -> dict:
    counts = summary.rating_counts(lines)
    chart_counts = {summary.RATING_LABELS[k]: v for k, v in counts.items()}
    return {
        "counts": counts,
        "by_priority": summary.counts_by_priority(lines),
        "red_updated": summary.red_updated(lines),
        "red_carried": summary.red_carried(lines),
        "priorities": sorted({(line.priority_order, line.priority) for line in lines}),
        "directorates": sorted({(line.directorate_code, line.directorate_name) for line in lines}),
        "status_chart": dashboard_charts.counts_chart(chart_counts) if lines else None,
        "red_by_spc": summary.red_by_spc(lines),
        "sparklines": Sparklines({line.code: line for line in lines}),
    }


def spc_charts(data: ReportData) -> dict:
    """The XmR charts the pack prints (`summary.pack_xmr`)."""
    return {
        line.code: _chart(
            charts.xmr_chart(
                line.spc["points"],
                target=line.spc.get("target"),
                title=f"{line.code} {line.title}",
                polarity=line.spc.get("polarity", "none"),
            )
        )
        for line in summary.pack_xmr(data.indicators)[0]
    }


def risk_context(data: ReportData) -> dict:
    """What the corporate risk dashboard and the pack show (kept with kept lines: the areas
    and the matrix are part of what they are built from)."""
    return derived(data.risks, "risks", lambda: _risk_summary(data))


def _risk_summary(data: ReportData) -> dict:
    bands = summary.bands_of(data.matrix)
    counts = summary.band_counts(data.risks, data.matrix)
    chart_counts = {band["label"]: counts[key] for key, band in bands}
    return {
        "bands": bands,
        "band_counts": counts,
        "risk_total": len(summary.open_risks(data.risks)),
        "band_chart": dashboard_charts.counts_chart(
            chart_counts,
            title="Risks by band",
            axis_title="Number of risks",
            colours={b["label"]: b["colour"] for _, b in bands} or BAND_CHART_COLOURS,
        )
        if bands
        else None,
        "heat_map": summary.heat_map(data.risks, data.matrix) if data.matrix else [],
        "likelihood_labels": data.matrix.get("likelihood", []),
        "impact_labels": data.matrix.get("impact", []),
        "top": summary.top_risks(data.risks),
        "areas": summary.areas_with_red(data.risks, data.areas, data.matrix),
        "red_without_area": summary.red_without_area(data.risks, data.matrix),
        "new": summary.new_risks(data.risks),
        "closed": summary.closed_risks(data.risks),
        "escalated": summary.escalated_risks(data.risks),
    }


def common_context(data: ReportData) -> dict:
    return {
        "data": data,
        "period": data.period,
        "s": summary,
        "council_name": organisation_settings_get().name,
        "appendix_title": f"{data.period.label} Balanced Scorecard Performance Summary "
        "Dashboard Report and Corporate Risk Dashboard"
        if data.has_scorecard
        else f"{data.period.label} Corporate Risk Dashboard",
    }


def pack_html(
    data: ReportData, *, for_print: bool = False, generated_at: dt.datetime | None = None
) -> str:
    """The Cabinet report and its Appendix as one standalone HTML page with print CSS."""
    context = {
        **common_context(data),
        **performance_context(data),
        **risk_context(data),
        "blocks": cover_blocks(data),
        **links.pack_context(data),
        "spc_charts": spc_charts(data),
        "self_approvals": self_approvals(data),
        "for_print": for_print,
        "generated_at": generated_at or clock.now(),
    }
    return render_to_string("reporting/pack.html", context)


def pack_pdf(data: ReportData) -> bytes:
    return pdf.html_to_pdf(pack_html(data, for_print=True))


def cover_html(data: ReportData) -> str:
    return render_to_string(
        "reporting/cover_document.html", {**common_context(data), "blocks": cover_blocks(data)}
    )


def cover_docx(data: ReportData) -> bytes:
    """The cover report draft as DOCX: the same blocks as the HTML, in Word's own styles."""
    blocks = cover_blocks(data)
    title = next((b.text for b in blocks if b.kind == "title"), "Cabinet report")
    document = docx.new_document(title)
    draft = "" if data.is_published else " draft"
    document.add_paragraph(f"Cabinet report{draft} – {data.period.label}")
    bullet = docx.paragraph_style_id(document, "List Bullet")
    for block in blocks:
        if block.kind == "title":
            continue
        if block.kind == "heading":
            document.add_heading(block.text, level=1)
        elif block.kind == "item":
            docx.add_paragraph(document, block.text, bullet)
        else:
            document.add_paragraph(block.text)
    counts = summary.rating_counts(data.indicators)
    carried = summary.rating_counts(line for line in data.indicators if summary.is_carried(line))
    document.add_heading("Summary of the scorecard", level=1)
    docx.add_table(
        document,
        ["Status", "Indicators", "Rated this quarter", "Carried from earlier quarters"],
        [
            [summary.RATING_LABELS[k], f"{v:,}"]
            + (["–", "–"] if k == "not_rated" else [f"{v - carried[k]:,}", f"{carried[k]:,}"])
            for k, v in counts.items()
        ],
        status_column=0,
    )
    if data.indicators:
        chart = charts.status_counts_chart({summary.RATING_LABELS[k]: v for k, v in counts.items()})
        docx.add_picture(document, chart.png(), chart.description)
    _major_projects_docx(document, data)
    return docx.to_bytes(document)


RAG_LABELS = {"red": "Red", "amber": "Amber", "green": "Green", "": "Not rated"}


def _missed(p) -> str:
    return (
        "; ".join(
            f"{m['name']} (planned {long_date(m['planned'])}"
            + (f", now {long_date(m['forecast'])})" if m["forecast"] else ")")
            for m in p.milestones_missed
        )
        or "None"
    )


def _due(p) -> str:
    return (
        "; ".join(
            f"{m['name']} ({long_date(m['forecast'] or m['planned'])})" for m in p.milestones_due
        )
        or "None"
    )


def _pounds(value) -> str:
    return figure(value, 0, "currency") if value is not None else "–"


def _major_projects_docx(document, data: ReportData) -> None:
    """The pack's Major projects, in the cover report: each project's rating and why, its
    milestones missed and due, its money for the year against the savings profile, and each
    programme's savings (the quarter's approved project updates; nothing without them)."""
    projects = links.major_projects(data)
    if not projects:
        return
    document.add_heading("Major projects", level=1)
    document.add_paragraph(
        f"Each major project at the end of {data.period.label}: its rating and why, and its "
        "milestones."
    )
    docx.add_table(
        document,
        ["Project", "Rating", "Why", "Milestones missed", "Milestones due"],
        [
            [
                p.name + (f" ({p.programme})" if p.programme else ""),
                RAG_LABELS.get(p.rag, p.rag),
                p.why(data.period.key),
                _missed(p),
                _due(p),
            ]
            for p in projects
        ],
        status_column=1,
    )
    document.add_paragraph("Each major project's money for the year, and its register's red risks.")
    docx.add_table(
        document,
        ["Project", "Budget", "Expected spend", "Savings profile", "Savings achieved", "Red risks"],
        [
            [
                p.name,
                _pounds(p.budget),
                _pounds(p.forecast_spend if p.forecast_spend is not None else p.spend),
                _pounds(p.savings_profile),
                _pounds(p.savings_achieved),
                "; ".join(
                    f"{r['reference']} {r['title']} ({r['score']})"
                    for r in p.red_risks
                    if not r["is_confidential"]
                )
                or "None",
            ]
            for p in projects
        ],
    )
    savings: dict[str, list] = {}
    for p in projects:
        if p.programme and p.savings_profile is not None:
            savings.setdefault(p.programme, []).append(p)
    for programme, rows in savings.items():
        profile = sum(p.savings_profile for p in rows)
        achieved = sum(p.savings_achieved or 0 for p in rows)
        document.add_paragraph(
            f"{programme}: savings of {_pounds(achieved)} achieved by the end of "
            f"{data.period.label}, against a profile of {_pounds(profile)}."
        )


def report_markdown(data: ReportData) -> str:
    return formats.as_markdown(data, cover_blocks(data))


def report_json(data: ReportData) -> str:
    return formats.as_json(data)
