"""The Audit Committee report of internal audit's recommendations: due in the coming quarter,
overdue, extended, implemented and waiting for verification, verified in the last quarter, and
counts by priority and by audit; as an HTML page, a tagged PDF and a DOCX, dated by the council
clock's today. Read in two queries (the recommendations, then their approved extensions)."""

import datetime as dt
from dataclasses import dataclass, field

from django.template.loader import render_to_string

from scorecard.actions.choices import ActionStatus, ExtensionDecision, Priority
from scorecard.actions.models import Action, ExtensionRequest
from scorecard.core.actions_due import days_overdue
from scorecard.core.audit_committee import Window, window
from scorecard.core.figures import long_date
from scorecard.organisation import clock
from scorecard.organisation.selectors import organisation_settings_get
from scorecard.rendering import docx, pdf

TITLE = "Audit Committee: internal audit recommendations"
COLUMNS = ["Open", "Overdue", "Awaiting verification", "Verified", "Cancelled", "Total"]


def _name(person) -> str:
    return (person.get_full_name() or person.username) if person else ""


@dataclass
class Counts:
    label: str
    open: int = 0
    overdue: int = 0
    implemented: int = 0
    verified: int = 0
    cancelled: int = 0
    total: int = 0

    def add(self, action: Action) -> None:
        self.total += 1
        if action.status in (ActionStatus.NOT_STARTED, ActionStatus.IN_PROGRESS):
            self.open += 1
            self.overdue += bool(action.days_overdue)
        elif action.status == ActionStatus.IMPLEMENTED:
            self.implemented += 1
        elif action.status == ActionStatus.VERIFIED:
            self.verified += 1
        elif action.status == ActionStatus.CANCELLED:
            self.cancelled += 1

    @property
    def cells(self) -> list[int]:
        return [
            self.open,
            self.overdue,
            self.implemented,
            self.verified,
            self.cancelled,
            self.total,
        ]


@dataclass
class Extended:
    action: Action
    extension: ExtensionRequest
    from_date: dt.date  # the due date before this extension


@dataclass
class AuditCommitteeReport:
    council_name: str
    window: Window
    due: list[Action] = field(default_factory=list)
    overdue: list[Action] = field(default_factory=list)
    extended: list[Extended] = field(default_factory=list)
    awaiting: list[Action] = field(default_factory=list)
    verified: list[Action] = field(default_factory=list)
    by_priority: list[Counts] = field(default_factory=list)
    by_audit: list[Counts] = field(default_factory=list)
    total: Counts = field(default_factory=lambda: Counts("All recommendations"))

    @property
    def today(self) -> dt.date:
        return self.window.today


def report_build(*, today: dt.date | None = None) -> AuditCommitteeReport:
    """Every recommendation of every audit still on a plan (archived audits left out)."""
    today = today or clock.today()
    span = window(today)
    report = AuditCommitteeReport(organisation_settings_get().name, span)
    actions = list(
        Action.objects.filter(audit__isnull=False, audit__is_archived=False)
        .select_related("audit", "owner", "implemented_by", "verified_by")
        .order_by("audit__reference", "pk")
    )
    priorities = {value: Counts(label) for value, label in Priority.choices}
    audits: dict[int, Counts] = {}
    for action in actions:
        action.days_overdue = days_overdue(
            status=action.status, agreed=action.due_on, revised=action.revised_due_on, today=today
        )
        if action.days_overdue:
            report.overdue.append(action)
        elif span.due_soon(
            status=action.status, agreed=action.due_on, revised=action.revised_due_on
        ):
            report.due.append(action)
        if action.status == ActionStatus.IMPLEMENTED:
            report.awaiting.append(action)
        if action.status == ActionStatus.VERIFIED and span.in_period(action.verified_on):
            report.verified.append(action)
        priorities.setdefault(action.priority, Counts("Not graded")).add(action)
        audit = action.audit
        audits.setdefault(audit.pk, Counts(f"{audit.reference} {audit.title}")).add(action)
        report.total.add(action)
    report.overdue.sort(key=lambda a: (-a.days_overdue, a.audit.reference, a.pk))
    report.due.sort(key=lambda a: (a.current_due_on, a.audit.reference, a.pk))
    report.by_priority = [c for c in priorities.values() if c.total]
    report.by_audit = list(audits.values())
    report.extended = _extended({a.pk: a for a in actions})
    return report


def _extended(actions: dict[int, Action]) -> list[Extended]:
    """Each approved extension of a recommendation, with the date it moved from (the date first
    agreed, or the one an earlier extension set)."""
    approved = ExtensionRequest.objects.filter(
        action__in=list(actions), decision=ExtensionDecision.APPROVED
    ).select_related("decided_by")
    moved: dict[int, dt.date] = {}
    found = []
    for extension in sorted(approved, key=lambda e: (e.decided_on, e.pk)):
        action = actions[extension.action_id]
        before = moved.get(action.pk, action.due_on)
        found.append(Extended(action, extension, before))
        moved[action.pk] = extension.new_due_on
    return sorted(found, key=lambda e: (e.action.audit.reference, e.action.pk, e.extension.pk))


def report_html(report: AuditCommitteeReport, *, for_print: bool = False) -> str:
    return render_to_string(
        "reporting/audit_committee.html",
        {"report": report, "for_print": for_print, "appendix_title": TITLE, "columns": COLUMNS},
    )


def report_pdf(report: AuditCommitteeReport) -> bytes:
    return pdf.html_to_pdf(report_html(report, for_print=True))


def _due(action: Action) -> str:
    text = long_date(action.current_due_on)
    return f"{text} (first agreed {long_date(action.due_on)})" if action.revised_due_on else text


def report_docx(report: AuditCommitteeReport) -> bytes:
    """The same sections as the HTML, in Word's own styles."""
    document = docx.new_document(TITLE)
    document.add_paragraph(
        f"{report.council_name}. Report date {long_date(report.today)}: due from today to "
        f"{long_date(report.window.until)}; verified since {long_date(report.window.since)}."
    )

    def section(title: str, header: list[str], rows: list[list[str]], empty: str) -> None:
        document.add_heading(title, level=1)
        if rows:
            docx.add_table(document, header, rows)
        else:
            document.add_paragraph(empty)

    def facts(a: Action) -> list[str]:
        return [a.audit.reference, a.get_priority_display(), a.description, _name(a.owner)]

    common = ["Audit", "Priority", "Recommendation", "Owner"]
    section(
        "Overdue",
        [*common, "Due", "Days overdue"],
        [[*facts(a), _due(a), str(a.days_overdue)] for a in report.overdue],
        "No recommendation is overdue.",
    )
    section(
        "Due in the coming quarter",
        [*common, "Due", "Status"],
        [[*facts(a), _due(a), a.get_status_display()] for a in report.due],
        "No recommendation falls due in the coming quarter.",
    )
    section(
        "Extended",
        [*common, "First agreed", "New date", "Reason", "Approved by"],
        [
            [
                *facts(e.action),
                long_date(e.from_date),
                long_date(e.extension.new_due_on),
                e.extension.reason,
                f"{_name(e.extension.decided_by)}, {long_date(e.extension.decided_on)}",
            ]
            for e in report.extended
        ],
        "No extension has been approved.",
    )
    section(
        "Implemented, awaiting verification",
        [*common, "Implemented", "Evidence"],
        [
            [*facts(a), f"{long_date(a.completed_on)} by {_name(a.implemented_by)}", a.evidence]
            for a in report.awaiting
        ],
        "No recommendation is waiting for verification.",
    )
    section(
        "Verified in the last quarter",
        [*common, "Verified"],
        [
            [*facts(a), f"{long_date(a.verified_on)} by {_name(a.verified_by)}"]
            for a in report.verified
        ],
        "No recommendation was verified in the last quarter.",
    )
    for title, counts in [("Priority", report.by_priority), ("Audit", report.by_audit)]:
        section(
            f"Recommendations by {title.lower()}",
            [title, *COLUMNS],
            [[c.label, *map(str, c.cells)] for c in [*counts, report.total]],
            "No recommendations.",
        )
    return docx.to_bytes(document)
