"""The Major projects section of the reports: each project with an approved update for the
quarter, or carried from its latest earlier one (`projects.selectors.major_project_lines`), rated
by the council's rules as at the quarter's last day, as snapshot rows."""

from scorecard.core.periods import Period
from scorecard.projects.selectors import major_project_lines, register_red_risks

from .models import ProjectSnapshot


def _day(value) -> str | None:
    return value.isoformat() if value is not None else None


def project_snapshot_rows(period: Period) -> list[ProjectSnapshot]:
    """Unsaved rows for the quarter (empty when the council has no approved project updates
    for it, so a report without projects is as it was)."""
    lines = major_project_lines(period)
    risks = register_red_risks(
        [line.project.register_id for line in lines if line.project.register_id]
    )
    rows = []
    for order, line in enumerate(lines):
        project, rag, money = line.project, line.rag, line.money
        rows.append(
            ProjectSnapshot(
                project=project,
                order=order,
                name=project.name,
                programme=project.programme.name if project.programme_id else "",
                owner=project.owner.get_full_name() or project.owner.username,
                stage=project.stage.name if project.stage_id else "",
                rag=rag.overall or "",
                rag_reason=rag.reason,
                judged=rag.judged,
                schedule_rag=rag.schedule.rag or "",
                budget_rag=rag.budget.rag or "",
                savings_rag=rag.savings.rag or "",
                progress=line.update.progress if line.update else "",
                update_period=line.update.period if line.update else "",
                year=money.year,
                budget=money.budget,
                spend=money.spend,
                forecast_spend=money.forecast_spend,
                savings_target=money.savings_target,
                savings_profile=money.savings_profile,
                savings_achieved=money.savings_achieved,
                milestones=[
                    {
                        "name": m.milestone.name,
                        "planned": _day(m.dates.planned),
                        "forecast": _day(m.dates.forecast),
                        "actual": _day(m.dates.actual),
                        "state": str(m.state),
                        "slippage_days": m.slippage_days,
                    }
                    for m in line.milestones
                ],
                red_risks=[
                    {
                        "reference": r.reference,
                        "title": r.title,
                        "score": r.score,
                        "is_confidential": r.is_confidential,
                    }
                    for r in risks.get(project.register_id, [])
                ],
            )
        )
    return rows
