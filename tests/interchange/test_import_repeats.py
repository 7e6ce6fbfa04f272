"""A record given twice in one file, or in another case than the stored one, is never a silent
"last row wins" or a second record beside the first: the rows are named and nothing is written."""

import pytest

from scorecard.interchange.services import import_file
from scorecard.performance.models import Indicator, Measurement
from scorecard.risks.models import Risk

from .conftest import INDICATORS, MEASUREMENTS, xlsx
from .test_import import RISKS

pytestmark = pytest.mark.django_db


def problems(outcome) -> list[str]:
    return [str(p) for p in outcome.problems]


def test_a_value_given_twice_in_one_file_names_both_rows_and_writes_nothing(council):
    measurements = [*MEASUREMENTS, ["asc01", "2017/18-Q2", 31.0, "Revised.", "draft"]]
    data = xlsx({"Indicators": INDICATORS, "Measurements": measurements})
    outcome = import_file(user=council["admin"], data=data, filename="q2.xlsx", dry_run=False)
    assert problems(outcome) == [
        "Measurements, row 5: This row repeats row 3 (asc01, 2017/18-Q2): keep only one of them."
    ]
    assert not Indicator.objects.exists() and not Measurement.objects.exists()


def test_an_indicator_and_a_risk_given_twice_name_the_first_row(council):
    indicators = [*INDICATORS, ["Asc01", "Direct payments again", "ASC"]]
    risks = [*RISKS, ["cr2", "Cyber attack", "Corporate Risk Register", "information",
                      "Alex Morgan", 4, 5, 3, 5, None, "Yes"]]  # fmt: skip
    data = xlsx({"Indicators": indicators, "Risks": risks})
    outcome = import_file(user=council["admin"], data=data, filename="all.xlsx", dry_run=False)
    assert problems(outcome) == [
        "Indicators, row 4: This row repeats row 2 (Asc01): keep only one of them.",
        "Risks, row 4: This row repeats row 3 (cr2): keep only one of them.",
    ]
    assert not Indicator.objects.exists() and not Risk.objects.exists()


def test_a_reference_in_another_case_is_the_stored_risk_not_a_second_one(council):
    first = import_file(
        user=council["admin"], data=xlsx({"Risks": RISKS}), filename="r.xlsx", dry_run=False
    )
    assert problems(first) == []
    renamed = [RISKS[0], ["cr2", "Cyber attack on the network", *RISKS[2][2:]]]
    outcome = import_file(
        user=council["admin"], data=xlsx({"Risks": renamed}), filename="r.xlsx", dry_run=False
    )
    assert problems(outcome) == []
    assert list(Risk.objects.filter(reference__iexact="cr2").values_list("reference", "title")) == [
        ("CR2", "Cyber attack on the network")
    ]


def test_the_services_refuse_a_code_or_reference_that_differs_only_in_case(council):
    from django.core.exceptions import ValidationError

    from scorecard.organisation.models import Directorate
    from scorecard.performance.services import indicator_create

    indicator_create(
        code="PH01", title="Smoking quitters", directorate=Directorate.objects.get(code="PH")
    )
    with pytest.raises(ValidationError) as refused:
        indicator_create(
            code="ph01 ", title="Quitters", directorate=Directorate.objects.get(code="PH")
        )
    assert refused.value.message_dict == {"code": ["Indicator PH01 already exists."]}
    assert Indicator.objects.count() == 1


def test_a_new_risk_may_not_take_a_stored_reference_in_another_case(council):
    from django.core.exceptions import ValidationError

    from scorecard.risks.services import risk_create

    import_file(
        user=council["admin"], data=xlsx({"Risks": RISKS}), filename="r.xlsx", dry_run=False
    )
    cyber = Risk.objects.get(reference="CR2")
    with pytest.raises(ValidationError) as refused:
        risk_create(
            reference="cr2", title="Another", category=cyber.category, owner=cyber.owner,
            register=cyber.register, inherent_likelihood=2, inherent_impact=2,
            current_likelihood=2, current_impact=2,
        )  # fmt: skip
    assert refused.value.message_dict == {
        "reference": ["Risk CR2 already exists: references are never reused."]
    }
    assert Risk.objects.filter(reference__iexact="cr2").count() == 1
