"""One record of each kind the API serves, created through the services (reused if present):
a public indicator with a value, a public risk with an assessment, a risk area, and an action on the indicator."""

import datetime as dt

from scorecard.actions.services import action_create
from scorecard.organisation.models import Directorate
from scorecard.performance import services as performance_services
from scorecard.performance.models import Indicator, Measurement
from scorecard.risks import services as risk_services
from scorecard.risks.choices import RegisterKind, RiskCategory
from scorecard.risks.models import Assessment, Register, Risk, RiskArea, RiskMatrix


def api_records(admin) -> dict:
    asc = Directorate.objects.get(code="ASC")
    indicator = Indicator.objects.filter(
        code="API01"
    ).first() or performance_services.indicator_create(
        code="API01", title="Adults helped to live at home", directorate=asc
    )
    measurement = Measurement.objects.filter(
        indicator=indicator
    ).first() or performance_services.measurement_record(
        indicator=indicator, period="2017/18-Q2", by=admin, value=81
    )
    if not RiskMatrix.objects.filter(is_current=True).exists():
        risk_services.risk_matrix_create_default()
    register = Register.objects.filter(
        kind=RegisterKind.CORPORATE
    ).first() or risk_services.register_create(
        name="Corporate Risk Register", kind=RegisterKind.CORPORATE
    )
    area = RiskArea.objects.filter(name="API area").first() or risk_services.risk_area_create(
        name="API area", owner=admin
    )
    risk = Risk.objects.filter(reference="API-R1").first() or risk_services.risk_create(
        reference="API-R1", title="Care market failure", category=RiskCategory.FINANCIAL,
        owner=admin, register=register, area=area, inherent_likelihood=5, inherent_impact=5,
        current_likelihood=4, current_impact=4, identified_on=dt.date(2017, 4, 3),
    )  # fmt: skip
    assessment = Assessment.objects.filter(risk=risk).first() or risk_services.assessment_record(
        risk=risk,
        likelihood=4,
        impact=4,
        assessor=admin,
        assessed_on=dt.date(2017, 9, 29),
        commentary="Quarterly review.",
    )
    action = indicator.actions.first() or action_create(
        subject=indicator, description="Reablement review of every new package",
        owner=admin, due_on=dt.date(2017, 11, 30), already_agreed=True,
    )  # fmt: skip
    return {
        "action": action,
        "indicator": indicator,
        "measurement": measurement,
        "risk": risk,
        "assessment": assessment,
        "area": area,
    }
