"""Writes for programmes and projects: every change through here (web, import, demo)."""

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction

from scorecard.core import filing, periods
from scorecard.core.duties import may_review, own_part
from scorecard.organisation import clock, quarters
from scorecard.organisation.access import Action
from scorecard.organisation.models import Directorate, User
from scorecard.organisation.selectors import organisation_settings_get

from .access import can
from .choices import UpdateState
from .models import (
    Milestone,
    Programme,
    Project,
    ProjectFinance,
    ProjectRagRules,
    ProjectStage,
    ProjectUpdate,
    milestone_date_problem,
)


def _save(obj):
    obj.full_clean()
    obj.save()
    return obj


def _money(value: object, field: str, what: str = "") -> Decimal | None:
    """An amount in pounds; `what` names the amount in the message (a form shows several)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        number = Decimal(str(value).replace(",", "").replace("£", "").strip())
    except InvalidOperation:
        text = (
            f"Enter {what} in pounds, like 250000, not “{value}”."
            if what
            else f"Enter an amount of money, not “{value}”."
        )
        raise ValidationError({field: text}) from None
    if not number.is_finite() or number < 0:
        text = f"Enter {what} in pounds, zero or more." if what else None
        raise ValidationError({field: text or "Enter an amount of money, zero or more."})
    return number


# --- settings: stages, programmes, the RAG rules ------------------------------------------


@transaction.atomic
def project_stage_create(*, name: str, order: int = 0) -> ProjectStage:
    return _save(ProjectStage(name=name.strip(), order=order))


@transaction.atomic
def project_stage_update(
    *, stage: ProjectStage, name: str, order: int, is_archived: bool = False
) -> ProjectStage:
    stage.name, stage.order, stage.is_archived = name.strip(), order, is_archived
    return _save(stage)


@transaction.atomic
def programme_create(*, name: str, description: str = "", owner: User | None = None) -> Programme:
    return _save(Programme(name=name.strip(), description=description, owner=owner))


@transaction.atomic
def programme_update(
    *,
    programme: Programme,
    name: str,
    description: str = "",
    owner: User | None = None,
    is_archived: bool = False,
) -> Programme:
    programme.name, programme.description = name.strip(), description
    programme.owner, programme.is_archived = owner, is_archived
    return _save(programme)


@transaction.atomic
def project_rag_rules_update(**fields) -> ProjectRagRules:
    """Change the council's RAG thresholds (keyword arguments named as the model's fields)."""
    rules = ProjectRagRules.objects.select_for_update().first() or ProjectRagRules()
    for name, value in fields.items():
        setattr(rules, name, value)
    return _save(rules)


# --- projects, milestones, finances --------------------------------------------------------


@transaction.atomic
def project_create(
    *,
    name: str,
    owner: User,
    directorate: Directorate,
    start_date: dt.date,
    end_date: dt.date,
    programme: Programme | None = None,
    sponsor: User | None = None,
    stage: ProjectStage | None = None,
    register=None,
    description: str = "",
    priorities: Iterable = (),
    indicators: Iterable = (),
    reference: str = "",
) -> Project:
    project = _save(
        Project(
            reference=reference.strip(),
            name=name.strip(),
            owner=owner,
            directorate=directorate,
            start_date=start_date,
            end_date=end_date,
            programme=programme,
            sponsor=sponsor,
            stage=stage,
            register=register,
            description=description,
        )
    )
    project.priorities.set(priorities)
    project.indicators.set(indicators)
    return project


@transaction.atomic
def project_edit(*, project: Project, priorities=None, indicators=None, **fields) -> Project:
    """Change a project's details (keyword arguments named as its fields); archive it with
    is_archived=True. Its links to priorities and indicators are replaced when given."""
    for name, value in fields.items():
        setattr(project, name, value)
    _save(project)
    if priorities is not None:
        project.priorities.set(priorities)
    if indicators is not None:
        project.indicators.set(indicators)
    return project


@transaction.atomic
def milestone_create(
    *,
    project: Project,
    name: str,
    planned_date: dt.date,
    forecast_date: dt.date | None = None,
    actual_date: dt.date | None = None,
) -> Milestone:
    return _save(
        Milestone(
            project=project,
            name=name.strip(),
            planned_date=planned_date,
            forecast_date=forecast_date,
            actual_date=actual_date,
        )
    )


@transaction.atomic
def milestone_edit(*, milestone: Milestone, **fields) -> Milestone:
    for name, value in fields.items():
        setattr(milestone, name, value)
    return _save(milestone)


def _year(text: str) -> periods.Period:
    start_month = organisation_settings_get().financial_year_start_month
    try:
        year = periods.parse(text, start_month)
    except periods.PeriodError as error:
        raise ValidationError({"year": str(error)}) from error
    if year.kind != "year":
        raise ValidationError({"year": f"{year.label} is not a financial year: e.g. 2017/18."})
    return year


@transaction.atomic
def project_finance_set(
    *,
    project: Project,
    year: str,
    budget: object = None,
    savings_target: object = None,
    spend: object = None,
    forecast_spend: object = None,
    savings_achieved: object = None,
) -> ProjectFinance:
    """Set a project's budget and savings target (and, loading history, its spend and savings)
    for a financial year. The quarterly updates set spend and savings achieved afterwards."""
    key = _year(year).key
    finance = ProjectFinance.objects.filter(project=project, year=key).first()
    finance = finance or ProjectFinance(project=project, year=key)
    finance.budget = _money(budget, "budget")
    finance.savings_target = _money(savings_target, "savings_target")
    for field, value in (
        ("spend", spend),
        ("forecast_spend", forecast_spend),
        ("savings_achieved", savings_achieved),
    ):
        if value is not None:
            setattr(finance, field, _money(value, field))
    return _save(finance)


# --- quarterly updates ---------------------------------------------------------------------


def _quarter(on: dt.date, period: str | None) -> periods.Period:
    """The quarter the update is for: the one chosen, else the earliest open quarter (the
    filing rules of values and reviews); a locked quarter, or one not yet begun, is refused."""
    start_month = organisation_settings_get().financial_year_start_month
    open_quarters, locked_keys = quarters.open_and_locked(start_month)
    try:
        chosen = periods.parse(period, start_month) if period else None
        if chosen is not None and chosen.kind != "quarter":
            raise ValidationError({"period": f"{chosen.label} is not a quarter: e.g. 2017/18-Q2."})
        filed = filing.filing_quarter(
            on=on,
            chosen=chosen,
            open_quarters=open_quarters,
            locked_keys=locked_keys,
            start_month=start_month,
        )
    except (periods.PeriodError, filing.FilingError) as error:
        raise ValidationError({"period": str(error)}) from error
    return filed if filed.kind == "quarter" else filed.quarter_of()


def _is_locked(update: ProjectUpdate) -> bool:
    """Its quarter is locked: the update is frozen in the published report."""
    return quarters.quarter_states().get(update.period) == "locked"


def _refuse_if_locked(update: ProjectUpdate) -> None:
    if _is_locked(update):
        label = periods.parse(update.period).label
        raise ValidationError(
            {"period": f"{label} is locked: its project updates can no longer be changed."}
        )


def _check_version(update: ProjectUpdate, expected_version: int | None) -> None:
    if expected_version != update.version:
        raise ValidationError(
            {
                # Not "someone else": a second tab, or the back button after saving, is you.
                "version": f"The {update.project} update was changed after you opened this page "
                "(by someone else, or by you in another tab or an earlier save): reload the page "
                "and check the change before saving yours."
            }
        )


# The update's amounts, as its messages name them.
UPDATE_MONEY = {
    "spend": "the spend to date this year",
    "forecast_spend": "the expected spend for the whole year",
    "savings_achieved": "the savings achieved to date this year",
}
DATE_PARTS = {"forecast": "forecast date", "actual": "date done"}


def _milestone_error(milestone: int | str, part: str, text: str) -> ValidationError:
    # The milestone and part go with the message, so a form puts it on that date's own field.
    # Django formats a message with its params: a "%" typed in a name is escaped.
    return ValidationError(
        text.replace("%", "%%"),
        code="milestone_date",
        params={"milestone": str(milestone), "part": part},
    )


def _milestone_dates(project: Project, dates: dict, today: dt.date) -> dict:
    """{milestone id: {"forecast": iso, "actual": iso}} for the project's own milestones; every
    date that is wrong is named in one ValidationError."""
    names = {str(pk): name for pk, name in project.milestones.values_list("pk", "name")}
    cleaned, problems = {}, []
    for key, pair in (dates or {}).items():
        if str(key) not in names:
            problems.append(_milestone_error(key, "", f"Milestone {key} is not this project's."))
            continue
        entry = {}
        for part, words in DATE_PARTS.items():
            value = (pair or {}).get(part)
            if not value:
                continue
            day = value if isinstance(value, dt.date) else None
            if day is None:
                try:
                    day = dt.date.fromisoformat(str(value))
                except ValueError:
                    problems.append(
                        _milestone_error(
                            key,
                            part,
                            f"Enter the {words} of “{names[str(key)]}” as a date, not “{value}”.",
                        )
                    )
                    continue
            what = f"{words} of “{names[str(key)]}”"
            if problem := milestone_date_problem(day, project.start_date, what):
                problems.append(_milestone_error(key, part, problem))
                continue
            if part == "actual" and day > today:
                problems.append(
                    _milestone_error(
                        key,
                        part,
                        f"The date done of “{names[str(key)]}” is still to come: give it as "
                        "the forecast date until it is done.",
                    )
                )
                continue
            entry[part] = day.isoformat()
        cleaned[str(key)] = entry
    if problems:
        raise ValidationError({"milestone_dates": problems})
    return cleaned


def project_update_check(
    *,
    project: Project,
    progress: str,
    spend: object = None,
    forecast_spend: object = None,
    savings_achieved: object = None,
    milestone_dates: dict | None = None,
    rag_judgement: str = "",
    rag_judgement_reason: str = "",
) -> dict:
    """The update's fields as stored, or one ValidationError naming every field that is wrong,
    so that a form shows all its problems at once. Writes nothing."""
    problems: dict = {}
    cleaned: dict = {}
    if not progress.strip():
        problems["progress"] = ["Say what progress the project made this quarter."]
    amounts = {
        "spend": spend,
        "forecast_spend": forecast_spend,
        "savings_achieved": savings_achieved,
    }
    for field, value in amounts.items():
        try:
            cleaned[field] = _money(value, field, UPDATE_MONEY[field])
        except ValidationError as error:
            error.update_error_dict(problems)
    try:
        cleaned["milestone_dates"] = _milestone_dates(project, milestone_dates, clock.today())
    except ValidationError as error:
        error.update_error_dict(problems)
    if rag_judgement and not rag_judgement_reason.strip():
        problems["rag_judgement_reason"] = [
            "Give the reason for your judgement of the project's rating."
        ]
    if rag_judgement_reason.strip() and not rag_judgement:
        # Kept, not dropped: the person chooses the rating or clears the reason.
        problems["rag_judgement"] = [
            "Choose your judgement of the rating, or clear the reason you gave for one."
        ]
    if problems:
        raise ValidationError(problems)
    return {
        **cleaned,
        "progress": progress.strip(),
        "rag_judgement": rag_judgement or "",
        "rag_judgement_reason": rag_judgement_reason.strip(),
    }


@transaction.atomic
def project_update_save(
    *,
    project: Project,
    by: User,
    progress: str,
    period: str | None = None,
    spend: object = None,
    forecast_spend: object = None,
    savings_achieved: object = None,
    milestone_dates: dict | None = None,
    rag_judgement: str = "",
    rag_judgement_reason: str = "",
    expected_version: int | None = None,
) -> ProjectUpdate:
    """Write the project manager's update for a quarter, as a draft (a new one, or a draft or
    returned one changed). Filed to the quarter chosen or the earliest open one; refused for
    a locked quarter, and for a judgement of the RAG without its reason (every field's problem
    at once: `project_update_check`)."""
    if not can(by, Action.EDIT, project):
        raise ValidationError({"project": f"You cannot update {project}."})
    quarter = _quarter(clock.today(), period)
    update = (
        ProjectUpdate.objects.select_for_update()
        .filter(project=project, period=quarter.key)
        .order_by("pk")
        .first()
    )
    if update is None:
        update = ProjectUpdate(
            project=project, period=quarter.key, period_start=quarter.start, entered_by=by
        )
    else:
        _check_version(update, expected_version)
        _refuse_if_locked(update)
        if update.state not in (UpdateState.DRAFT, UpdateState.RETURNED):
            raise ValidationError(
                {
                    "state": f"The {quarter.label} update is {update.get_state_display().lower()}: "
                    "it cannot be changed."
                }
            )
        update.version += 1
        update.entered_by = by
    fields = project_update_check(
        project=project,
        progress=progress,
        spend=spend,
        forecast_spend=forecast_spend,
        savings_achieved=savings_achieved,
        milestone_dates=milestone_dates,
        rag_judgement=rag_judgement,
        rag_judgement_reason=rag_judgement_reason,
    )
    for name, value in fields.items():
        setattr(update, name, value)
    return _save(update)


_MOVES = {
    UpdateState.SUBMITTED: {UpdateState.DRAFT, UpdateState.RETURNED},
    UpdateState.APPROVED: {UpdateState.SUBMITTED},
    UpdateState.RETURNED: {UpdateState.SUBMITTED},
}


APPROVERS = "the project's sponsor, its programme's owner or the performance team"


def project_update_review_refusal(update: ProjectUpdate, by: User | None, decision: str) -> str:
    """Why `by` may not approve or return the update ("" when they may): only its approvers,
    never the person who entered or submitted it (unless the council allows self-approval), and
    only while it waits for approval. Pages show it instead of a form that would be refused."""
    if by is None or not can(by, Action.APPROVE, update.project):
        return f"Only {APPROVERS} can {decision} this update."
    if update.state != UpdateState.SUBMITTED:
        return (
            f"This update is {update.get_state_display().lower()}: it is not waiting for approval."
        )
    if _is_locked(update):
        label = periods.parse(update.period).label
        return (
            f"{label} was locked before this update was approved: it is frozen, and the "
            "quarter's report shows the project's last approved update instead."
        )
    part = own_part(by.pk, update.entered_by_id, update.submitted_by_id)
    allowed = organisation_settings_get().allow_self_approval
    if not may_review(
        by.pk, update.entered_by_id, update.submitted_by_id, self_approval_allowed=allowed
    ):
        return f"You {part} this update, so someone else must {decision} it: {APPROVERS}."
    return ""


def _refuse_review(update: ProjectUpdate, by: User | None, decision: str) -> bool:
    """Refuse unless `by` may approve or return the update (`project_update_review_refusal`).
    Returns whether it is their own (allowed when the council allows self-approval)."""
    refusal = project_update_review_refusal(update, by, decision)
    if refusal:
        raise ValidationError({"state": refusal})
    return bool(own_part(by.pk, update.entered_by_id, update.submitted_by_id))


def _move(
    update: ProjectUpdate, to: UpdateState, by: User | None, expected_version: int, note: str = ""
) -> ProjectUpdate:
    update = ProjectUpdate.objects.select_for_update().order_by().get(pk=update.pk)
    _check_version(update, expected_version)
    _refuse_if_locked(update)
    if update.state not in _MOVES[to]:
        raise ValidationError(
            {
                "state": f"An update that is {update.get_state_display().lower()} cannot be "
                f"{UpdateState(to).label.lower()}."
            }
        )
    if to == UpdateState.SUBMITTED:
        if by is None or not can(by, Action.EDIT, update.project):
            raise ValidationError({"state": f"You cannot submit the {update.project} update."})
        update.submitted_by, update.submitted_at = by, clock.now()
    else:
        own = _refuse_review(update, by, "approve" if to == UpdateState.APPROVED else "return")
        update.self_approved = own and to == UpdateState.APPROVED
        update.reviewed_by, update.reviewed_at = by, clock.now()
        update.review_note = note
    update.state = to
    update.version += 1
    return _save(update)


@transaction.atomic
def project_update_submit(
    *, update: ProjectUpdate, by: User, expected_version: int
) -> ProjectUpdate:
    return _move(update, UpdateState.SUBMITTED, by, expected_version)


def _apply(update: ProjectUpdate) -> None:
    """An approved update's dates go onto the milestones, its figures onto the year's finances."""
    for milestone in update.project.milestones.filter(pk__in=list(update.milestone_dates)):
        dates = update.milestone_dates[str(milestone.pk)]
        milestone.forecast_date = (
            dt.date.fromisoformat(dates["forecast"])
            if dates.get("forecast")
            else milestone.forecast_date
        )
        milestone.actual_date = (
            dt.date.fromisoformat(dates["actual"]) if dates.get("actual") else milestone.actual_date
        )
        _save(milestone)
    year = periods.parse(update.period).year_of().key
    finance = ProjectFinance.objects.filter(project=update.project, year=year).first()
    finance = finance or ProjectFinance(project=update.project, year=year)
    for field in ("spend", "forecast_spend", "savings_achieved"):
        value = getattr(update, field)
        if value is not None:
            setattr(finance, field, value)
    _save(finance)


@transaction.atomic
def project_update_approve(
    *, update: ProjectUpdate, by: User, expected_version: int
) -> ProjectUpdate:
    """Approve a submitted update: by the sponsor, the programme's owner or an administrator,
    never the person who entered or submitted it (unless the council allows self-approval, and
    then it is marked self-approved). Its dates and figures are then the project's."""
    update = _move(update, UpdateState.APPROVED, by, expected_version)
    _apply(update)
    return update


@transaction.atomic
def project_update_return(
    *, update: ProjectUpdate, by: User, reason: str, expected_version: int
) -> ProjectUpdate:
    if not reason.strip():
        raise ValidationError(
            {"review_note": "Say why the update is returned, so the project manager can fix it."}
        )
    return _move(update, UpdateState.RETURNED, by, expected_version, note=reason.strip())
