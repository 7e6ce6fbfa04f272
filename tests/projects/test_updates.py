"""Quarterly project updates go through the cycle of indicator values: the project manager
submits, someone else approves (never the person who entered or submitted it), a return needs
its reason, and the quarter's lock freezes the approved update in the published report."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from scorecard.organisation.models import OrganisationSettings
from scorecard.projects import services
from scorecard.projects.choices import UpdateState
from scorecard.projects.models import Milestone, ProjectFinance

from .conftest import QUARTER

pytestmark = pytest.mark.django_db


def submitted(project, by, **changes):
    milestone = project.milestones.get(name="Online forms live")
    fields = {
        "progress": "Forms built; testing with residents.",
        "spend": "180000",
        "forecast_spend": "420000",
        "savings_achieved": "350000",
        "milestone_dates": {str(milestone.pk): {"forecast": "2017-10-20"}},
        **changes,
    }
    update = services.project_update_save(project=project, by=by, period=QUARTER, **fields)
    return services.project_update_submit(update=update, by=by, expected_version=update.version)


def test_submitted_then_approved_by_the_sponsor_sets_the_dates_and_figures(project, people):
    update = submitted(project, people["editor"])
    assert update.state == UpdateState.SUBMITTED
    update = services.project_update_approve(
        update=update, by=people["sam"], expected_version=update.version
    )
    assert (update.state, update.reviewed_by, update.self_approved) == (
        UpdateState.APPROVED, people["sam"], False,
    )  # fmt: skip
    milestone = Milestone.objects.get(name="Online forms live")
    assert milestone.forecast_date == dt.date(2017, 10, 20)
    assert milestone.history.count() == 2  # created, then the approved forecast
    finance = ProjectFinance.objects.get(project=project, year="2017/18")
    assert (finance.spend, finance.savings_achieved) == (Decimal(180000), Decimal(350000))


def test_nobody_approves_their_own_update(project, people):
    # The administrator may approve any project's update, but not one they entered.
    update = submitted(project, people["admin"])
    with pytest.raises(
        ValidationError, match="You entered this update, so someone else must approve it"
    ):
        services.project_update_approve(
            update=update, by=people["admin"], expected_version=update.version
        )
    update.refresh_from_db()
    assert update.state == UpdateState.SUBMITTED


def test_self_approval_allowed_by_the_council_is_marked(project, people):
    OrganisationSettings.objects.update(allow_self_approval=True)
    update = submitted(project, people["admin"])
    update = services.project_update_approve(
        update=update, by=people["admin"], expected_version=update.version
    )
    assert update.self_approved


def test_a_reader_cannot_approve_and_a_return_needs_its_reason(project, people):
    update = submitted(project, people["editor"])
    with pytest.raises(ValidationError, match="sponsor"):
        services.project_update_approve(
            update=update, by=people["reader"], expected_version=update.version
        )
    with pytest.raises(ValidationError, match="Say why"):
        services.project_update_return(
            update=update, by=people["sam"], reason=" ", expected_version=update.version
        )
    update = services.project_update_return(
        update=update,
        by=people["sam"],
        reason="Spend does not match the ledger.",
        expected_version=update.version,
    )
    assert (update.state, update.review_note) == (
        UpdateState.RETURNED,
        "Spend does not match the ledger.",
    )
    # Returned: the manager corrects and submits it again.
    again = submitted(project, people["editor"], spend="175000", expected_version=update.version)
    assert again.state == UpdateState.SUBMITTED


def test_a_judgement_without_its_reason_is_refused(project, people):
    with pytest.raises(ValidationError) as refused:
        services.project_update_save(
            project=project, by=people["editor"], period=QUARTER, progress="On track.",
            rag_judgement="green",
        )  # fmt: skip
    assert "rag_judgement_reason" in refused.value.message_dict


def test_bad_money_is_refused_naming_the_field(project, people):
    with pytest.raises(ValidationError) as refused:
        services.project_update_save(
            project=project, by=people["editor"], period=QUARTER, progress="x", spend="lots"
        )
    assert refused.value.message_dict == {
        "spend": ["Enter the spend to date this year in pounds, like 250000, not “lots”."]
    }


def test_every_problem_of_an_update_is_refused_at_once(project, people):
    milestone = project.milestones.get(name="Online forms live")
    with pytest.raises(ValidationError) as refused:
        services.project_update_save(
            project=project, by=people["editor"], period=QUARTER, progress=" ",
            spend="lots", savings_achieved="-5", rag_judgement="red",
            milestone_dates={str(milestone.pk): {"forecast": "soon", "actual": "2018-01-10"}},
        )  # fmt: skip
    assert refused.value.message_dict == {
        "progress": ["Say what progress the project made this quarter."],
        "spend": ["Enter the spend to date this year in pounds, like 250000, not “lots”."],
        "savings_achieved": [
            "Enter the savings achieved to date this year in pounds, zero or more."
        ],
        "milestone_dates": [
            "Enter the forecast date of “Online forms live” as a date, not “soon”.",
            "The date done of “Online forms live” is still to come: give it as the forecast "
            "date until it is done.",
        ],
        "rag_judgement_reason": ["Give the reason for your judgement of the project's rating."],
    }
    assert not project.updates.exists()


def test_no_milestone_date_is_before_the_project_starts(project, people):
    """The project starts on 1 April 2017: 1/1/2010, a year typed wrongly, is refused on a new
    milestone and in an update, instead of rating the project thousands of days late."""
    with pytest.raises(ValidationError) as refused:
        services.milestone_create(project=project, name="Old one", planned_date=dt.date(2001, 1, 1))
    assert refused.value.message_dict == {
        "planned_date": ["The planned date cannot be before the project starts (1 April 2017)."]
    }
    milestone = project.milestones.get(name="Online forms live")
    with pytest.raises(ValidationError) as refused:
        services.project_update_save(
            project=project, by=people["editor"], period=QUARTER, progress="Done.",
            milestone_dates={str(milestone.pk): {"actual": "2010-01-01"}},
        )  # fmt: skip
    assert refused.value.message_dict == {
        "milestone_dates": [
            "The date done of “Online forms live” cannot be before the project starts "
            "(1 April 2017)."
        ]
    }


def test_a_later_start_is_refused_while_a_milestone_is_dated_before_it(project):
    project.start_date = dt.date(2017, 10, 1)  # "Online forms live" is planned 1 September 2017
    with pytest.raises(ValidationError) as refused:
        project.full_clean()
    assert refused.value.message_dict["start_date"] == [
        "The milestone “Online forms live” is planned for 1 September 2017, before this start "
        "date: change it first."
    ]


def test_a_reason_without_a_judgement_is_refused_not_dropped(project, people):
    with pytest.raises(ValidationError) as refused:
        services.project_update_save(
            project=project, by=people["editor"], period=QUARTER, progress="On track.",
            rag_judgement_reason="The supplier is reliable.",
        )  # fmt: skip
    assert list(refused.value.message_dict) == ["rag_judgement"]


def test_only_the_owner_or_the_directorate_s_editors_write_updates(project, people):
    with pytest.raises(ValidationError, match="You cannot update"):
        services.project_update_save(
            project=project, by=people["reader"], period=QUARTER, progress="x"
        )
