"""Every URL of the project, for every role: allowed or refused.

A new URL pattern without an entry in ACCESS fails `test_every_url_pattern_has_an_access_entry`,
so nobody can add a page without saying who may see it.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from scorecard.organisation.models import Directorate, User

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "admin", "editor", "reader", "norole"]
SIGN_IN = "sign-in"  # anonymous users are redirected to the sign-in page
OK, FORBIDDEN, NOT_FOUND, NOT_ALLOWED = 200, 403, 404, 405


def row(anonymous, admin, editor, reader) -> dict:
    return {"anonymous": anonymous, "admin": admin, "editor": editor, "reader": reader}


# URL name -> expected answer to a GET, per role.
ACCESS = {
    "home": row(OK, OK, OK, OK),
    "login": row(OK, 302, 302, 302),  # signed in: sent home
    "logout": row(NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED),  # sign out is a POST
    "performance:index": row(SIGN_IN, OK, OK, OK),
    "risks:index": row(SIGN_IN, OK, OK, OK),
    "reporting:index": row(SIGN_IN, OK, OK, OK),
    # Projects (issue 19): read by everyone with a role; the update written by the project's
    # manager and its directorate's editors (the editor edits Adult Services), approved by the
    # sponsor, the programme's owner or an administrator; stages and RAG rules for administrators.
    # Who may read the project but not write or approve is told why (403); nobody else learns
    # that it exists (404, NO_ROLE).
    "projects:index": row(SIGN_IN, OK, OK, OK),
    "projects:programmes": row(SIGN_IN, OK, OK, OK),
    "projects:programme": row(SIGN_IN, OK, OK, OK),
    "projects:project": row(SIGN_IN, OK, OK, OK),
    "projects:update_edit": row(SIGN_IN, OK, OK, FORBIDDEN),
    "projects:update_review": row(SIGN_IN, OK, FORBIDDEN, FORBIDDEN),
    "projects:project_create": row(SIGN_IN, OK, FORBIDDEN, FORBIDDEN),
    "projects:project_edit": row(SIGN_IN, OK, FORBIDDEN, FORBIDDEN),
    "projects:milestone_create": row(SIGN_IN, OK, OK, FORBIDDEN),
    "projects:finance_set": row(SIGN_IN, OK, FORBIDDEN, FORBIDDEN),
    "projects:programme_create": row(SIGN_IN, OK, FORBIDDEN, FORBIDDEN),
    "projects:programme_edit": row(SIGN_IN, OK, FORBIDDEN, FORBIDDEN),
    "projects:stages": row(SIGN_IN, OK, FORBIDDEN, FORBIDDEN),
    "projects:stage_create": row(SIGN_IN, OK, FORBIDDEN, FORBIDDEN),
    "projects:stage_edit": row(SIGN_IN, OK, FORBIDDEN, FORBIDDEN),
    "projects:rag_rules": row(SIGN_IN, OK, FORBIDDEN, FORBIDDEN),
    # Actions (issue 19): each follows what it belongs to (here an action on an Adult Services
    # risk, which the editor edits); its owner and those who may change its subject report
    # progress and ask for more time, and those who may change the subject decide extensions.
    "actions:list": row(SIGN_IN, OK, OK, OK),
    "actions:action": row(SIGN_IN, OK, OK, OK),
    "actions:progress": row(SIGN_IN, OK, OK, FORBIDDEN),
    "actions:extension_request": row(SIGN_IN, OK, OK, FORBIDDEN),
    "actions:extension_decide": row(SIGN_IN, OK, OK, FORBIDDEN),
    "actions:create": row(SIGN_IN, OK, OK, FORBIDDEN),
    # Internal audit: every role reads the plan, an audit and the Audit Committee report; audits
    # and recommendations are kept by auditors and administrators; a recommendation's owner (the
    # editor here) marks it implemented; internal audit verifies it.
    "audits:list": row(SIGN_IN, OK, OK, OK),
    "audits:audit": row(SIGN_IN, OK, OK, OK),
    "audits:create": row(SIGN_IN, OK, FORBIDDEN, FORBIDDEN),
    "audits:edit": row(SIGN_IN, OK, FORBIDDEN, FORBIDDEN),
    "audits:recommendation_create": row(SIGN_IN, OK, FORBIDDEN, FORBIDDEN),
    "audits:implemented": row(SIGN_IN, OK, OK, FORBIDDEN),
    "audits:verify": row(SIGN_IN, OK, FORBIDDEN, FORBIDDEN),
    "reporting:audit_committee": row(SIGN_IN, OK, OK, OK),
    "reporting:audit_committee_pdf": row(SIGN_IN, OK, OK, OK),
    "reporting:audit_committee_docx": row(SIGN_IN, OK, OK, OK),
    # Reports (issue 6): dashboards for everyone signed in; an unpublished quarter's pack is a
    # draft for administrators; only administrators lock, publish and change the wording.
    "reporting:performance_dashboard": row(SIGN_IN, OK, OK, OK),
    "reporting:risk_dashboard": row(SIGN_IN, OK, OK, OK),
    "reporting:appendix": row(SIGN_IN, OK, FORBIDDEN, FORBIDDEN),
    "reporting:appendix_pdf": row(SIGN_IN, OK, FORBIDDEN, FORBIDDEN),
    "reporting:cover": row(SIGN_IN, OK, FORBIDDEN, FORBIDDEN),
    "reporting:cover_docx": row(SIGN_IN, OK, FORBIDDEN, FORBIDDEN),
    "reporting:period_lock": row(SIGN_IN, OK, FORBIDDEN, FORBIDDEN),
    "reporting:wording_edit": row(SIGN_IN, OK, FORBIDDEN, FORBIDDEN),
    "organisation:administration": row(SIGN_IN, OK, FORBIDDEN, FORBIDDEN),
    "organisation:settings_edit": row(SIGN_IN, OK, FORBIDDEN, FORBIDDEN),
    "organisation:directorate_create": row(SIGN_IN, OK, FORBIDDEN, FORBIDDEN),
    "organisation:directorate_edit": row(SIGN_IN, OK, FORBIDDEN, FORBIDDEN),
    "organisation:service_create": row(SIGN_IN, OK, FORBIDDEN, FORBIDDEN),
    "organisation:person_create": row(SIGN_IN, OK, FORBIDDEN, FORBIDDEN),
    "organisation:person_edit": row(SIGN_IN, OK, FORBIDDEN, FORBIDDEN),
    "organisation:membership_create": row(SIGN_IN, OK, FORBIDDEN, FORBIDDEN),
    # The quarterly cycle (issue 5). The editor edits Adult Services (ASC); the admin approves.
    "search": row(SIGN_IN, OK, OK, OK),
    "guide": row(SIGN_IN, OK, OK, OK),
    "reminders": row(SIGN_IN, OK, FORBIDDEN, FORBIDDEN),
    "notifications:alerts": row(SIGN_IN, OK, OK, OK),  # each person their own
    "notifications:schedule": row(SIGN_IN, OK, FORBIDDEN, FORBIDDEN),
    "setup": row(SIGN_IN, OK, FORBIDDEN, FORBIDDEN),
    "performance:my_updates": row(SIGN_IN, OK, OK, OK),
    "performance:approvals": row(SIGN_IN, OK, OK, OK),  # empty for who approves nothing
    "performance:periods": row(SIGN_IN, OK, FORBIDDEN, FORBIDDEN),
    "performance:indicator_create": row(SIGN_IN, OK, FORBIDDEN, FORBIDDEN),
    "performance:indicator": row(SIGN_IN, OK, OK, OK),
    "performance:indicator_edit": row(SIGN_IN, OK, FORBIDDEN, FORBIDDEN),
    "performance:target_set": row(SIGN_IN, OK, FORBIDDEN, FORBIDDEN),
    "performance:measurement_edit": row(SIGN_IN, OK, OK, FORBIDDEN),
    # The status a typed value would get: a POST from the value form (tested in its own tests).
    "performance:measurement_status": row(SIGN_IN, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED),
    # A submitted value: its approvers review it; a reader may not even read it (not approved).
    "performance:measurement_review": row(SIGN_IN, OK, FORBIDDEN, NOT_FOUND),
    "risks:risk": row(SIGN_IN, OK, OK, OK),
    "risks:review": row(SIGN_IN, OK, OK, FORBIDDEN),
    "risks:escalation_request": row(SIGN_IN, OK, OK, FORBIDDEN),
    "risks:action_update": row(SIGN_IN, OK, OK, FORBIDDEN),
    "risks:escalation_decide": row(SIGN_IN, OK, FORBIDDEN, FORBIDDEN),
    # Risks: the editor adds and changes risks on Adult Services' registers; readers read.
    "risks:risk_create": row(SIGN_IN, OK, OK, FORBIDDEN),
    "risks:risk_edit": row(SIGN_IN, OK, OK, FORBIDDEN),
    "risks:risk_close": row(SIGN_IN, OK, OK, FORBIDDEN),
    "risks:control_create": row(SIGN_IN, OK, OK, FORBIDDEN),
    "risks:control_edit": row(SIGN_IN, OK, OK, FORBIDDEN),
    "risks:action_create": row(SIGN_IN, OK, OK, FORBIDDEN),
    # Risks linked to indicators: editing the risk links it; unlinking is a POST.
    "risks:indicator_link": row(SIGN_IN, OK, OK, FORBIDDEN),
    "risks:indicator_unlink": row(SIGN_IN, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED),
    # Scorecard and risk settings, and restating a locked quarter: administrators only.
    "performance:measurement_restate": row(SIGN_IN, OK, FORBIDDEN, FORBIDDEN),
    "performance:plans": row(SIGN_IN, OK, FORBIDDEN, FORBIDDEN),
    "performance:plan_create": row(SIGN_IN, OK, FORBIDDEN, FORBIDDEN),
    "performance:plan_edit": row(SIGN_IN, OK, FORBIDDEN, FORBIDDEN),
    "performance:priority_create": row(SIGN_IN, OK, FORBIDDEN, FORBIDDEN),
    "performance:priority_edit": row(SIGN_IN, OK, FORBIDDEN, FORBIDDEN),
    "performance:scorecards": row(SIGN_IN, OK, FORBIDDEN, FORBIDDEN),
    "performance:scorecard_create": row(SIGN_IN, OK, FORBIDDEN, FORBIDDEN),
    "performance:scorecard_versions": row(SIGN_IN, OK, FORBIDDEN, FORBIDDEN),
    "performance:scorecard_refresh": row(SIGN_IN, OK, FORBIDDEN, FORBIDDEN),
    "risks:registers": row(SIGN_IN, OK, FORBIDDEN, FORBIDDEN),
    "risks:register_create": row(SIGN_IN, OK, FORBIDDEN, FORBIDDEN),
    "risks:register_edit": row(SIGN_IN, OK, FORBIDDEN, FORBIDDEN),
    "risks:areas": row(SIGN_IN, OK, FORBIDDEN, FORBIDDEN),
    "risks:area_create": row(SIGN_IN, OK, FORBIDDEN, FORBIDDEN),
    "risks:area_edit": row(SIGN_IN, OK, FORBIDDEN, FORBIDDEN),
    "risks:categories": row(SIGN_IN, OK, FORBIDDEN, FORBIDDEN),
    "risks:category_create": row(SIGN_IN, OK, FORBIDDEN, FORBIDDEN),
    "risks:category_edit": row(SIGN_IN, OK, FORBIDDEN, FORBIDDEN),
    "risks:appetite": row(SIGN_IN, OK, FORBIDDEN, FORBIDDEN),
    "risks:matrix": row(SIGN_IN, OK, FORBIDDEN, FORBIDDEN),
    "risks:matrix_preset": row(SIGN_IN, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED),  # a POST
    "risks:matrix_level_edit": row(SIGN_IN, OK, FORBIDDEN, FORBIDDEN),
    "risks:matrix_band_edit": row(SIGN_IN, OK, FORBIDDEN, FORBIDDEN),
    "risks:matrix_cell_edit": row(SIGN_IN, OK, FORBIDDEN, FORBIDDEN),
    # Comparator groups: everyone signed in reads them; the performance team keeps named lists.
    "benchmarking:groups": row(SIGN_IN, OK, OK, OK),
    "benchmarking:group_create": row(SIGN_IN, OK, FORBIDDEN, FORBIDDEN),
    "benchmarking:group_edit": row(SIGN_IN, OK, FORBIDDEN, FORBIDDEN),
    # Import and export: every role exports what it may see; jobs are their owner's only.
    "interchange:index": row(SIGN_IN, OK, OK, OK),
    "interchange:template_xlsx": row(SIGN_IN, OK, OK, OK),
    "interchange:template_csv": row(SIGN_IN, OK, OK, OK),
    "interchange:export": row(SIGN_IN, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED),  # a POST
    "interchange:job": row(SIGN_IN, OK, 404, 404),
    "interchange:mapping": row(SIGN_IN, OK, 404, 404),
    "interchange:job_confirm": row(SIGN_IN, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED),  # a POST
    "interchange:job_download": row(SIGN_IN, OK, 404, 404),
    # Open data needs no sign-in; the API's schema and documentation are public too.
    "open_data:index": row(OK, OK, OK, OK),
    # The organisation-only demo publishes no quarter: 404 for everyone, never a sign-in page
    # (tests/interchange/test_open_data.py reads the files of the whole demo's published quarter).
    "open_data:csv": row(404, 404, 404, 404),
    "open_data:json": row(404, 404, 404, 404),
    # Open data's metadata and all-quarters files (decision 0041): public, like open data.
    "open_data:index_json": row(OK, OK, OK, OK),
    "open_data:all_metadata": row(OK, OK, OK, OK),
    "open_data:all_csv": row(OK, OK, OK, OK),
    "open_data:metadata": row(404, 404, 404, 404),
    # The public site (decision 0040): no sign-in for anyone once the council turns it on; the
    # organisation-only demo publishes no quarter, so a quarter's pages are 404 for everyone
    # (tests/public reads the whole demo's). Its settings are the organisation's managers'.
    "public:index": row(OK, OK, OK, OK),
    "public:explained": row(OK, OK, OK, OK),
    "public:accessibility": row(OK, OK, OK, OK),
    "public:how_we_measure": row(OK, OK, OK, OK),
    "public:quarter": row(404, 404, 404, 404),
    "public:risks": row(404, 404, 404, 404),
    "public:indicator": row(404, 404, 404, 404),
    "public:download": row(404, 404, 404, 404),
    "public_settings:edit": row(SIGN_IN, OK, FORBIDDEN, FORBIDDEN),
    "api:schema": row(OK, OK, OK, OK),
    "api:docs": row(OK, OK, OK, OK),
    "api:token": row(SIGN_IN, OK, OK, OK),
    # The API: token or session; anonymous callers get 401 (the reads are for every role).
    "api:api-root": row(401, OK, OK, OK),
    "api:indicator-list": row(401, OK, OK, OK),
    "api:indicator-detail": row(401, OK, OK, OK),
    "api:measurement-list": row(401, OK, OK, OK),
    "api:measurement-detail": row(401, OK, OK, NOT_FOUND),  # a draft: not for readers
    # Deciding on a value is a POST (refused for those who may not, tested with the API).
    "api:measurement-submit": row(401, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED),
    "api:measurement-approve": row(401, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED),
    "api:measurement-return": row(401, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED),
    "api:status-list": row(401, 400, 400, 400),  # needs ?scorecard=&period=
    "api:risk-list": row(401, OK, OK, OK),
    "api:risk-detail": row(401, OK, OK, OK),
    "api:assessment-list": row(401, OK, OK, OK),
    "api:assessment-detail": row(401, OK, OK, OK),
    "api:risk-area-list": row(401, OK, OK, OK),
    "api:project-list": row(401, OK, OK, OK),
    "api:action-list": row(401, OK, OK, OK),
    "api:action-detail": row(401, OK, OK, OK),
    "api:project-detail": row(401, OK, OK, OK),
    "api:risk-area-detail": row(401, OK, OK, OK),
}


# A signed-in person with no role: answered as a reader, except here. They read no report, no
# dashboard, no indicator and no risk (404: no such thing for them), and import or export nothing;
# the lists they reach are empty.
NO_ROLE = {
    "audits:audit": 404,
    "audits:create": FORBIDDEN,
    "audits:edit": 404,
    "audits:recommendation_create": 404,
    "audits:implemented": 404,
    "audits:verify": 404,
    "reporting:audit_committee": FORBIDDEN,
    "reporting:audit_committee_pdf": FORBIDDEN,
    "reporting:audit_committee_docx": FORBIDDEN,
    "actions:action": 404,
    "actions:progress": 404,
    "actions:extension_request": 404,
    "actions:extension_decide": 404,
    "actions:create": 404,
    "projects:index": FORBIDDEN,
    "projects:programmes": FORBIDDEN,
    "projects:programme": 404,
    "projects:project": 404,
    "projects:milestone_create": 404,
    "projects:update_edit": 404,
    "projects:update_review": 404,
    "api:assessment-detail": 404,
    "api:indicator-detail": 404,
    "api:measurement-detail": 404,
    "api:risk-area-detail": 404,
    "api:project-detail": 404,
    "api:action-detail": 404,
    "api:risk-detail": 404,
    "api:status-list": 404,
    "api:token": FORBIDDEN,
    "interchange:index": FORBIDDEN,
    "interchange:template_csv": FORBIDDEN,
    "interchange:template_xlsx": FORBIDDEN,
    "performance:indicator": 404,
    "performance:indicator_edit": 404,
    "performance:measurement_edit": 404,
    "performance:measurement_review": 404,
    "performance:target_set": 404,
    "reporting:index": FORBIDDEN,
    "reporting:performance_dashboard": FORBIDDEN,
    "reporting:risk_dashboard": FORBIDDEN,
    "risks:action_create": 404,
    "risks:action_update": 404,
    "risks:control_create": 404,
    "risks:control_edit": 404,
    "risks:escalation_request": 404,
    "risks:indicator_link": 404,
    "risks:review": 404,
    "risks:risk": 404,
    "risks:risk_close": 404,
    "risks:risk_edit": 404,
}


def expected_answer(name: str, role: str):
    if role == "norole":
        return NO_ROLE.get(name, ACCESS[name]["reader"])
    return ACCESS[name][role]


# URL name -> function(demo) returning the keyword arguments that build the URL.
def _directorate(demo) -> dict:
    return {"pk": Directorate.objects.get(code="ASC").pk}


def _person(demo) -> dict:
    return {"pk": demo["editor"].pk}


def _import_job(demo) -> dict:
    from tests.interchange.jobs import admin_import_job

    return {"pk": admin_import_job(demo["admin"]).pk}


def _export_job(demo) -> dict:
    from tests.interchange.jobs import admin_export_job

    return {"pk": admin_export_job(demo["admin"]).pk}


def _api_records(demo) -> dict:
    from tests.api.records import api_records

    return api_records(demo["admin"])


def _asc_indicator(demo):
    from tests.performance.factories import IndicatorFactory

    return IndicatorFactory(code="WALK-ASC01", directorate=Directorate.objects.get(code="ASC"))


def _asc_submitted_value(demo) -> dict:
    from scorecard.performance.choices import WorkflowState
    from tests.performance.factories import MeasurementFactory

    indicator = _asc_indicator(demo)
    return {"pk": MeasurementFactory(indicator=indicator, state=WorkflowState.SUBMITTED).pk}


def _asc_risk(demo):
    from scorecard.risks.services import escalation_request, risk_matrix_create_default
    from tests.risks.factories import ActionFactory, RegisterFactory, RiskFactory

    risk_matrix_create_default()
    register = RegisterFactory(name="URL walk register", directorate=_asc_directorate())
    risk = RiskFactory(register=register, owner=demo["admin"])
    ActionFactory(risk=risk, owner=demo["admin"])
    return risk, escalation_request


def _asc_directorate():
    return Directorate.objects.get(code="ASC")


def _risk(demo) -> dict:
    return {"pk": _asc_risk(demo)[0].pk}


def _risk_action(demo) -> dict:
    return {"pk": _asc_risk(demo)[0].actions.get().pk}


def _escalation(demo) -> dict:
    from scorecard.risks.choices import RegisterKind
    from scorecard.risks.models import Register
    from tests.risks.factories import corporate_register

    risk, escalation_request = _asc_risk(demo)
    above = Register.objects.filter(kind=RegisterKind.CORPORATE).first() or corporate_register()
    return {
        "pk": escalation_request(
            risk=risk,
            to_register=above,
            reason="Beyond the directorate.",
            requested_by=demo["admin"],
        ).pk
    }


def _locked_value(demo) -> dict:
    from scorecard.performance.choices import PeriodState, WorkflowState
    from scorecard.performance.services import reporting_period_set_state
    from tests.performance.factories import MeasurementFactory

    value = MeasurementFactory(indicator=_asc_indicator(demo), state=WorkflowState.APPROVED)
    reporting_period_set_state(period=value.period, state=PeriodState.LOCKED, by=demo["admin"])
    return {"pk": value.pk}


def _plan(demo):
    import datetime as dt

    from scorecard.performance.services import corporate_plan_create

    return corporate_plan_create(
        title="URL walk plan", adopted_on=dt.date(2017, 7, 20), priorities=[("OFB", "Open")]
    )


def _scorecard(demo) -> dict:
    from scorecard.performance.services import scorecard_create, scorecard_version_create

    plan = _plan(demo)
    scorecard = scorecard_create(name="URL walk scorecard")
    scorecard_version_create(
        scorecard=scorecard,
        live_from="2017/18-Q1",
        corporate_plan=plan,
        entries=[(_asc_indicator(demo), plan.priorities.get())],
    )
    return {"pk": scorecard.pk}


def _risk_control(demo) -> dict:
    from scorecard.risks.services import control_create

    return {"pk": control_create(risk=_asc_risk(demo)[0], description="Walk control").pk}


def _matrix_part(kind):
    def build(demo) -> dict:
        from scorecard.risks.services import risk_matrix_create_default

        matrix = risk_matrix_create_default()
        if kind == "cell":
            return {"likelihood": 3, "impact": 4}
        return {"pk": getattr(matrix, kind).order_by("pk").first().pk}

    return build


def _risk_area(demo) -> dict:
    from scorecard.risks.services import risk_area_create

    return {"pk": risk_area_create(name="URL walk area", owner=demo["admin"]).pk}


def _risk_link(demo) -> dict:
    from scorecard.risks.services import risk_indicator_link

    risk = _asc_risk(demo)[0]
    indicator = _asc_indicator(demo)
    return {"pk": risk_indicator_link(risk=risk, indicator=indicator, by=demo["admin"]).pk}


def _comparator_group(demo) -> dict:
    from scorecard.benchmarking.services import comparator_group_create

    return {"pk": comparator_group_create(name="URL walk group", members={"E1": "One"}).pk}


def _public_site_on(_, **kwargs):
    def build(demo) -> dict:
        from scorecard.public.services import public_site_update

        public_site_update(is_enabled=True, how_we_measure="", by=demo["admin"])
        return kwargs

    return build


def _project(demo):
    """A project of Adult Services managed by the editor, with its update for Quarter Two
    2017/18 submitted by the editor (so the administrator may approve it)."""
    import datetime as dt

    from scorecard.performance.services import reporting_period_open
    from scorecard.projects import services

    project = services.project_create(
        name="URL walk project",
        owner=demo["editor"],
        directorate=Directorate.objects.get(code="ASC"),
        programme=services.programme_create(name="URL walk programme"),
        start_date=dt.date(2017, 4, 1),
        end_date=dt.date(2018, 3, 31),
    )
    reporting_period_open(period="2017/18-Q2", by=demo["admin"])
    update = services.project_update_save(
        project=project, by=demo["editor"], period="2017/18-Q2", progress="Walked."
    )
    services.project_update_submit(update=update, by=demo["editor"], expected_version=1)
    return project


def _project_stage(demo) -> dict:
    from scorecard.projects.services import project_stage_create

    return {"pk": project_stage_create(name="URL walk stage").pk}


def _recommendation(demo, *, implemented=False):
    """An audit recommendation owned by the editor (marked implemented by them, when asked)."""
    import datetime as dt

    from scorecard.actions import services

    audit = services.audit_create(reference="IA 2017-01", title="Payroll", financial_year="2017/18")
    action = services.action_create(
        subject=audit, description="Check overtime claims", owner=demo["editor"],
        due_on=dt.date(2018, 1, 31), priority="high",
    )  # fmt: skip
    if implemented:
        services.action_update(action=action, status="implemented", evidence="x", by=demo["editor"])
    return action


def _extension(demo) -> dict:
    import datetime as dt

    from scorecard.actions.services import extension_request
    from scorecard.organisation import clock

    action = _asc_risk(demo)[0].actions.get()
    return {
        "pk": extension_request(
            action=action,
            requested_by=demo["admin"],
            new_due_on=max(action.due_on, clock.today()) + dt.timedelta(days=30),
            reason="Waiting for the contractor.",
        ).pk
    }


URL_KWARGS = {
    "audits:audit": lambda demo: {"pk": _recommendation(demo).audit_id},
    "audits:edit": lambda demo: {"pk": _recommendation(demo).audit_id},
    "audits:recommendation_create": lambda demo: {"pk": _recommendation(demo).audit_id},
    "audits:implemented": lambda demo: {"pk": _recommendation(demo).pk},
    "audits:verify": lambda demo: {"pk": _recommendation(demo, implemented=True).pk},
    "actions:action": _risk_action,
    "actions:progress": _risk_action,
    "actions:extension_request": _risk_action,
    "actions:extension_decide": _extension,
    "actions:create": lambda demo: {"field": "indicator", "pk": _asc_indicator(demo).pk},
    "projects:programme": lambda demo: {"pk": _project(demo).programme_id},
    "projects:project": lambda demo: {"pk": _project(demo).pk},
    "projects:update_edit": lambda demo: {"pk": _project(demo).pk},
    "projects:update_review": lambda demo: {"pk": _project(demo).updates.get().pk},
    "projects:stage_edit": _project_stage,
    "api:project-detail": lambda demo: {"pk": _project(demo).pk},
    "projects:project_edit": lambda demo: {"pk": _project(demo).pk},
    "projects:milestone_create": lambda demo: {"pk": _project(demo).pk},
    "projects:finance_set": lambda demo: {"pk": _project(demo).pk},
    "projects:programme_edit": lambda demo: {"pk": _project(demo).programme_id},
    "benchmarking:group_edit": _comparator_group,
    "organisation:directorate_edit": _directorate,
    "organisation:service_create": _directorate,
    "organisation:person_edit": _person,
    "organisation:membership_create": _person,
    "reporting:appendix": lambda demo: {"period": "2017/18-Q2"},
    "reporting:appendix_pdf": lambda demo: {"period": "2017/18-Q2"},
    "reporting:cover": lambda demo: {"period": "2017/18-Q2"},
    "reporting:cover_docx": lambda demo: {"period": "2017/18-Q2"},
    "reporting:period_lock": lambda demo: {"period": "2017/18-Q2"},
    "guide": lambda demo: {"name": "updater"},
    "performance:indicator": lambda demo: {"pk": _asc_indicator(demo).pk},
    "performance:indicator_edit": lambda demo: {"pk": _asc_indicator(demo).pk},
    "performance:target_set": lambda demo: {"pk": _asc_indicator(demo).pk},
    "performance:measurement_edit": lambda demo: {
        "pk": _asc_indicator(demo).pk,
        "period": "2017-18-Q2",
    },
    "performance:measurement_status": lambda demo: {
        "pk": _asc_indicator(demo).pk,
        "period": "2017-18-Q2",
    },
    "performance:measurement_review": _asc_submitted_value,
    "risks:risk": _risk,
    "risks:review": _risk,
    "risks:escalation_request": _risk,
    "risks:action_update": _risk_action,
    "risks:escalation_decide": _escalation,
    "risks:risk_create": lambda demo: _asc_risk(demo) and {},  # an ASC register to add to
    "risks:risk_edit": _risk,
    "risks:risk_close": _risk,
    "risks:control_create": _risk,
    "risks:action_create": _risk,
    "risks:indicator_link": _risk,
    "risks:indicator_unlink": _risk_link,
    "risks:control_edit": _risk_control,
    "risks:register_edit": lambda demo: {"pk": _asc_risk(demo)[0].register_id},
    "risks:area_edit": _risk_area,
    "risks:category_edit": lambda demo: {"pk": _asc_risk(demo)[0].category.pk},
    "risks:matrix": lambda demo: _matrix_part("levels")(demo) and {},
    "risks:matrix_level_edit": _matrix_part("levels"),
    "risks:matrix_band_edit": _matrix_part("bands"),
    "risks:matrix_cell_edit": _matrix_part("cell"),
    "performance:measurement_restate": _locked_value,
    "performance:plan_edit": lambda demo: {"pk": _plan(demo).pk},
    "performance:priority_create": lambda demo: {"pk": _plan(demo).pk},
    "performance:priority_edit": lambda demo: {"pk": _plan(demo).priorities.get().pk},
    "performance:scorecard_versions": _scorecard,
    "performance:scorecard_refresh": _scorecard,
    "interchange:template_csv": lambda demo: {"sheet": "measurements"},
    "interchange:job": _import_job,
    "interchange:mapping": _import_job,
    "interchange:job_confirm": _import_job,
    "interchange:job_download": _export_job,
    "open_data:csv": lambda demo: {"period": "2017-18-Q2", "dataset": "risks"},
    "open_data:json": lambda demo: {"period": "2017-18-Q2", "dataset": "indicators"},
    "open_data:all_csv": lambda demo: {"dataset": "indicators"},
    "open_data:metadata": lambda demo: {"period": "2017-18-Q2"},
    "public:index": _public_site_on(None),
    "public:explained": _public_site_on(None),
    "public:accessibility": _public_site_on(None),
    "public:how_we_measure": _public_site_on(None),
    "public:quarter": _public_site_on(None, period="2017-18-Q2"),
    "public:risks": _public_site_on(None, period="2017-18-Q2"),
    "public:indicator": _public_site_on(None, period="2017-18-Q2", code="HW01"),
    "public:download": _public_site_on(None, period="2017-18-Q2", name="pack.pdf"),
    "api:indicator-detail": lambda demo: {"code": _api_records(demo)["indicator"].code},
    "api:measurement-detail": lambda demo: {"pk": _api_records(demo)["measurement"].pk},
    "api:measurement-submit": lambda demo: {"pk": _api_records(demo)["measurement"].pk},
    "api:measurement-approve": lambda demo: {"pk": _api_records(demo)["measurement"].pk},
    "api:measurement-return": lambda demo: {"pk": _api_records(demo)["measurement"].pk},
    "api:risk-detail": lambda demo: {"reference": _api_records(demo)["risk"].reference},
    "api:assessment-detail": lambda demo: {"pk": _api_records(demo)["assessment"].pk},
    "api:risk-area-detail": lambda demo: {"pk": _api_records(demo)["area"].pk},
    "api:action-detail": lambda demo: {"pk": _api_records(demo)["action"].pk},
}

# The Django admin is for superusers; none of the demo accounts is one.
ADMIN_PREFIX = "admin:"


def named_patterns(patterns=None, namespace=""):
    for entry in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from named_patterns(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}"


def test_every_url_pattern_has_an_access_entry():
    names = {name for name in named_patterns() if not name.startswith(ADMIN_PREFIX)}
    missing = sorted(names - ACCESS.keys())
    assert missing == [], f"Say who may see these URLs in ACCESS: {missing}"
    stale = sorted(ACCESS.keys() - names)
    assert stale == [], f"ACCESS lists URLs that no longer exist: {stale}"


@pytest.mark.parametrize("name", sorted(ACCESS))
@pytest.mark.parametrize("role", ROLES)
def test_each_role_is_allowed_or_refused(client, demo, role, name):
    if role == "norole":
        client.force_login(User.objects.create_user("norole", password="not-used"))
    elif role != "anonymous":
        client.force_login(demo[role])
    kwargs = URL_KWARGS[name](demo) if name in URL_KWARGS else {}
    url = reverse(name, kwargs=kwargs)
    response = client.get(url)
    expected = expected_answer(name, role)
    if expected == SIGN_IN:
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("login")), url
    else:
        assert response.status_code == expected, url


@pytest.mark.parametrize("role", ROLES)
def test_the_django_admin_is_for_superusers_only(client, demo, role):
    if role == "norole":
        client.force_login(User.objects.create_user("norole", password="not-used"))
    elif role != "anonymous":
        client.force_login(demo[role])
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert "/django-admin/login/" in response["Location"]
