"""The value form's context (target, last values, last commentary), the status as it is typed,
copy forward, and a monthly indicator's three months saved from one form."""

import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from scorecard.core.periods import parse
from scorecard.core.polarity import Polarity
from scorecard.core.status import State
from scorecard.core.status_rules import parse_rule
from scorecard.organisation.models import Directorate
from scorecard.performance import services
from scorecard.performance.choices import WorkflowState
from scorecard.performance.models import Measurement
from scorecard.performance.selectors_value_form import rule_in_words, value_form_context

from . import value_form_data
from .factories import IndicatorFactory, MeasurementFactory

pytestmark = pytest.mark.django_db


def text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def words(page: str) -> str:
    """The page as a reader sees it: tags taken out."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))


@pytest.fixture
def quarter(demo):
    return value_form_data.open_quarter(demo)


@pytest.fixture
def indicator(demo):
    return value_form_data.indicator_with_history(demo)


def edit_url(indicator, period="2017-18-Q3"):
    return reverse("performance:measurement_edit", kwargs={"pk": indicator.pk, "period": period})


def status_url(indicator, period="2017-18-Q3"):
    return reverse("performance:measurement_status", kwargs={"pk": indicator.pk, "period": period})


# --- the context --------------------------------------------------------------------------------


def test_the_context_gives_target_last_four_values_last_year_and_last_commentary(
    demo, indicator, django_assert_max_num_queries
):
    with django_assert_max_num_queries(3):  # approved values, targets, (settings)
        context = value_form_context(indicator=indicator, period=parse("2017/18-Q3"))
    assert context.unit == "Percentage (0 to 100)"
    assert context.target == Decimal("92")
    assert context.rule_in_words == (
        "Green when on or better than target; amber when on or within 10% of target; red otherwise."
    )
    assert [(p.period.key, p.value, p.status.state) for p in context.last_values] == [
        ("2017/18-Q2", Decimal("95.0"), State.GREEN),
        ("2017/18-Q1", Decimal("88.0"), State.AMBER),
        ("2016/17-Q4", Decimal("82.0"), State.GREEN),
        ("2016/17-Q3", Decimal("78.0"), State.AMBER),
    ]
    last_year = context.same_period_last_year
    assert (last_year.period.key, last_year.value, last_year.status.state) == (
        "2016/17-Q3",
        Decimal("78.0"),
        State.AMBER,
    )
    notes = context.last_notes
    assert (notes.period.key, notes.commentary, notes.improvement_actions) == (
        "2017/18-Q1",
        "Winter pressures eased.",
        "Two more reablement staff.",
    )


def test_without_history_the_context_says_so(demo):
    fresh = IndicatorFactory(directorate=Directorate.objects.get(code="ASC"))
    context = value_form_context(indicator=fresh, period=parse("2017/18-Q3"))
    assert (context.target, context.last_values, context.last_notes) == (None, [], None)
    assert context.same_period_last_year.value is None


def test_rules_in_words():
    show = str
    thresholds = parse_rule({"type": "thresholds", "green": "95", "amber": "90"})
    assert rule_in_words(thresholds, Polarity.HIGHER, show=show) == (
        "Green at 95 or more; amber at 90 or more; red otherwise."
    )
    lower = parse_rule({"type": "thresholds", "green": "5", "amber": "8"})
    assert rule_in_words(lower, Polarity.LOWER, show=show) == (
        "Green at 5 or less; amber at 8 or less; red otherwise."
    )
    manual = parse_rule({"type": "manual"})
    assert rule_in_words(manual, Polarity.HIGHER).startswith("Rated by hand")
    assert rule_in_words(manual, Polarity.HIGHER, data_only=True) == (
        "Shown for information, not rated."
    )


def test_the_form_shows_the_context_in_a_bounded_number_of_queries(
    client, demo, quarter, indicator
):
    client.force_login(demo["editor"])
    client.get(edit_url(indicator))  # warm the session and the settings
    with CaptureQueriesContext(connection) as few:
        page = text(client.get(edit_url(indicator)))
    seen = words(page)
    assert "Target 92.0% for Quarter Three 2017/18" in seen
    assert "Unit Percentage (0 to 100), 1 decimal place" in seen
    assert (
        "Last approved values Period Value Rating Quarter Two 2017/18 95.0% Green "
        "Quarter One 2017/18 88.0% Amber Quarter Four 2016/17 82.0% Green "
        "Quarter Three 2016/17 78.0% Amber"
    ) in seen
    assert "Same period last year Period Value Rating Quarter Three 2016/17 78.0% Amber" in seen
    assert "Last commentary (Quarter One 2017/18) Winter pressures eased." in seen
    assert "Winter pressures eased." in page and "Two more reablement staff." in page
    assert "Never approved." not in page
    for year in range(2010, 2016):  # six more years of approved values: no more queries
        for q in range(1, 5):
            MeasurementFactory(indicator=indicator, period=f"{year}/{(year + 1) % 100:02d}-Q{q}")
    with CaptureQueriesContext(connection) as many:
        assert client.get(edit_url(indicator)).status_code == 200
    assert len(many) == len(few) <= 16, [q["sql"] for q in many.captured_queries]


def test_copy_forward_fills_commentary_and_actions_and_keeps_the_value(
    client, demo, quarter, indicator
):
    client.force_login(demo["editor"])
    page = text(
        client.post(
            edit_url(indicator),
            {
                "action": "copy",
                "version": 0,
                "value": "91.5",
                "data_quality": "final",
                "commentary": "",
                "improvement_actions": "",
            },
        )  # fmt: skip
    )
    assert re.search(r'name="commentary"[^>]*>\s*Winter pressures eased.</textarea>', page)
    assert re.search(
        r'name="improvement_actions"[^>]*>\s*Two more reablement staff.</textarea>', page
    )
    assert 'value="91.5"' in page
    assert "There is a problem" not in page
    assert not Measurement.objects.filter(indicator=indicator, period="2017/18-Q3").exists()


def test_internal_commentary_is_tagged_and_stays_internal_when_copied_forward(
    client, demo, quarter, indicator
):
    Measurement.objects.filter(indicator=indicator, commentary__startswith="Winter").update(
        commentary_is_internal=True
    )
    client.force_login(demo["editor"])
    seen = words(text(client.get(edit_url(indicator))))
    assert (
        "Last commentary (Quarter One 2017/18) Winter pressures eased. Internal: not published"
        in seen
    )
    copied = client.post(
        edit_url(indicator),
        {"action": "copy", "version": 0, "value": "91.5", "data_quality": "final"},
    ).content.decode()
    # Copied without its mark, internal commentary would be published with the new value.
    assert re.search(r'<input[^>]*name="commentary_is_internal"[^>]*checked', copied)
    page = text(client.post(edit_url(indicator), {
        "action": "submit", "version": 0, "value": "91.5", "data_quality": "final",
        "commentary": "Winter pressures eased.", "commentary_is_internal": "on",
    }))  # fmt: skip
    value = Measurement.objects.get(indicator=indicator, period="2017/18-Q3")
    assert value.commentary_is_internal, page
    # The approver's "How it compares" tags it too.
    client.force_login(demo["admin"])
    review = words(text(client.get(reverse("performance:measurement_review", args=[value.pk]))))
    assert (
        "Last commentary, Quarter One 2017/18 Winter pressures eased. Internal: not published"
        in (review)
    )


# --- the status as it is typed ------------------------------------------------------------------


def test_the_status_endpoint_rates_what_is_typed_without_saving(client, demo, quarter, indicator):
    client.force_login(demo["editor"])
    red = text(client.post(status_url(indicator), {"value": "82.7"}, HTTP_HX_REQUEST="true"))
    # 92 * 0.9 = 82.8: 82.7 is red, 82.8 amber, 92 green.
    assert re.search(r'govuk-tag--red">\s*Red', red)
    assert "at 82.7% against a target of 92.0%" in red
    assert "<html" not in red  # a fragment, not a page
    amber = text(client.post(status_url(indicator), {"value": "82.8"}))
    assert re.search(r'govuk-tag--orange">\s*Amber', amber)
    green = text(client.post(status_url(indicator), {"value": "92"}))
    assert re.search(r'govuk-tag--green">\s*Green', green)
    nothing = text(client.post(status_url(indicator), {"value": "ninety"}))
    assert "Not rated yet" in nothing
    assert not Measurement.objects.filter(indicator=indicator, period="2017/18-Q3").exists()


def test_the_status_endpoint_agrees_with_the_status_the_saved_value_gets(
    client, demo, quarter, indicator
):
    from scorecard.performance.selectors import stored_value_status

    client.force_login(demo["editor"])
    typed = text(client.post(status_url(indicator), {"value": "85.04"}))
    saved = services.measurement_save(
        indicator=indicator, period=quarter, by=demo["editor"], expected_version=0, value="85.04"
    )
    status = stored_value_status(saved)
    assert status.state == State.AMBER
    assert re.search(rf'">\s*{status.label}', typed)


def test_the_status_endpoint_is_for_those_who_may_edit_and_only_by_post(
    client, demo, quarter, indicator
):
    client.force_login(demo["reader"])
    assert client.post(status_url(indicator), {"value": "90"}).status_code in (403, 404)
    client.force_login(demo["editor"])
    assert client.get(status_url(indicator)).status_code == 405
    assert client.post(status_url(indicator, "2017-18-M10"), {"value": "9"}).status_code == 404


def test_the_form_asks_for_the_status_as_the_person_types(client, demo, quarter, indicator):
    client.force_login(demo["editor"])
    page = text(client.get(edit_url(indicator)))
    assert f'hx-post="{status_url(indicator)}"' in page
    assert 'hx-trigger="keyup changed delay:300ms' in page
    assert 'value="preview"' in page  # the button for pages without JavaScript stays


# --- a monthly indicator's quarter in one form -------------------------------------------------


@pytest.fixture
def monthly(demo, quarter):
    return value_form_data.monthly_indicator(demo)


def month_data(action="submit", **months):
    """Form data for October, November and December 2017 (prefixes 2017-18-M10 to M12, the calendar months)."""
    data = {"action": action}
    for prefix, fields in months.items():
        base = {"value": "", "commentary": "", "improvement_actions": "", "data_quality": "final",
                "version": 0}  # fmt: skip
        base.update(fields)
        data.update({f"2017-18-{prefix}-{k}": v for k, v in base.items()})
    return data


def test_three_months_are_submitted_from_one_form(
    client, demo, quarter, monthly, django_assert_max_num_queries
):
    client.force_login(demo["editor"])
    client.get(edit_url(monthly))  # warm the session and the settings
    with django_assert_max_num_queries(16):
        page = text(client.get(edit_url(monthly)))
    assert "the months of Quarter Three 2017/18" in page
    for label in ["October 2017", "November 2017", "December 2017"]:
        assert f'<h2 class="govuk-fieldset__heading">{label}</h2>' in page
    response = client.post(
        edit_url(monthly),
        month_data(M10={"value": "101"}, M11={"value": "104"}, M12={"value": "99"}),
    )
    assert response.status_code == 302
    saved = Measurement.objects.filter(indicator=monthly).order_by("period_start")
    assert [(m.period, m.value, m.state, m.version) for m in saved] == [
        ("2017/18-M10", Decimal("101"), WorkflowState.SUBMITTED, 2),
        ("2017/18-M11", Decimal("104"), WorkflowState.SUBMITTED, 2),
        ("2017/18-M12", Decimal("99"), WorkflowState.SUBMITTED, 2),
    ]
    assert "October 2017, November 2017, December 2017 submitted for approval" in text(
        client.get(response["Location"])
    )


def test_a_refused_month_is_named_and_nothing_is_saved(client, demo, quarter, monthly):
    client.force_login(demo["editor"])
    response = client.post(
        edit_url(monthly),
        month_data(M10={"value": "101"}, M11={"value": "80"}, M12={"value": "lots"}),
    )
    assert response.status_code == 200
    page = text(response)
    assert "<title>Error: ASC-M1 values for the months of Quarter Three 2017/18" in page
    assert "Nothing has been saved" in page
    assert "December 2017: Enter a number, like 95.5, not &#39;lots&#39;." in page
    assert 'href="#id_2017-18-M12-value"' in page
    assert 'value="lots"' in page and 'value="101"' in page  # what was typed is kept
    assert Measurement.objects.filter(indicator=monthly).count() == 0
    # With December put right, November's red value needs commentary: still nothing saved.
    response = client.post(
        edit_url(monthly),
        month_data(M10={"value": "101"}, M11={"value": "80"}, M12={"value": "99"}),
    )
    page = text(response)
    assert "November 2017: This value is red: explain in the commentary" in page
    assert 'href="#id_2017-18-M11-commentary"' in page
    assert Measurement.objects.filter(indicator=monthly).count() == 0


def test_each_month_has_its_own_version_check(client, demo, quarter, monthly):
    client.force_login(demo["editor"])
    # Someone saved November after the form was opened (the form still carries version 0).
    services.measurement_save(
        indicator=monthly, period="2017/18-M11", by=demo["admin"], expected_version=0, value="77"
    )
    response = client.post(
        edit_url(monthly),
        month_data(action="save", M10={"value": "101"}, M11={"value": "104"}, M12={}),
    )
    page = text(response)
    assert response.status_code == 200
    assert "November 2017: Someone else changed ASC-M1 2017/18-M11 since you opened it" in page
    assert 'href="#month-2017-18-M11"' in page
    assert list(Measurement.objects.filter(indicator=monthly).values_list("period", "value")) == [
        ("2017/18-M11", Decimal("77"))
    ]


def test_each_month_shows_the_status_it_would_get(client, demo, quarter, monthly):
    """Each month has its own live status, asked of the single form's endpoint with the month's
    prefix; without JavaScript "Check the statuses" shows them all and saves nothing."""
    client.force_login(demo["editor"])
    page = text(client.get(edit_url(monthly)))
    for month in ["M10", "M11", "M12"]:
        url = status_url(monthly, f"2017-18-{month}") + f"?prefix=2017-18-{month}"
        assert f'hx-post="{url.replace("&", "&amp;")}"' in page
        assert f"from:.app-preview-2017-18-{month}" in page
    fragment = text(
        client.post(
            status_url(monthly, "2017-18-M11") + "?prefix=2017-18-M11",
            month_data(M10={"value": "120"}, M11={"value": "80"}, M12={"value": ""}),
        )
    )
    assert re.search(r'govuk-tag--red">\s*Red', fragment)  # November's 80, not October's 120
    assert "at 80 against a target of 100" in fragment
    checked = text(
        client.post(
            edit_url(monthly),
            month_data("preview", M10={"value": "120"}, M11={"value": "80"}, M12={"value": ""}),
        )
    )
    previews = re.findall(r'id="status-preview-2017-18-(M\d\d)".*?govuk-tag--(\w+)', checked, re.S)
    assert previews == [("M10", "green"), ("M11", "red"), ("M12", "grey")]
    assert not Measurement.objects.filter(indicator=monthly).exists()


def test_unchanged_months_are_left_as_they_are(client, demo, quarter, monthly):
    approved = MeasurementFactory(indicator=monthly, period="2017/18-M10", value=101, version=3)
    client.force_login(demo["editor"])
    response = client.post(
        edit_url(monthly),
        month_data(action="save", M10={"value": "101", "version": 3}, M11={"value": "104"}, M12={}),
    )
    assert response.status_code == 302
    approved.refresh_from_db()
    assert (approved.state, approved.version) == (WorkflowState.APPROVED, 3)
    assert list(
        Measurement.objects.filter(indicator=monthly)
        .order_by("period")
        .values_list("period", "state")
    ) == [("2017/18-M10", WorkflowState.APPROVED), ("2017/18-M11", WorkflowState.DRAFT)]


def test_an_empty_quarter_form_asks_for_a_value(client, demo, quarter, monthly):
    client.force_login(demo["editor"])
    page = text(client.post(edit_url(monthly), month_data(action="save", M10={}, M11={}, M12={})))
    assert "Enter a value for at least one month." in page


def test_my_updates_offers_the_three_months_in_one_form(client, demo, quarter, monthly):
    client.force_login(demo["editor"])
    page = text(client.get(reverse("performance:my_updates") + "?period=2017/18-Q3"))
    assert f'href="{edit_url(monthly)}">All three months in one form' in page


# --- commentary for internal use ----------------------------------------------------------------


def test_commentary_marked_internal_is_saved_with_its_history_and_kept_when_not_asked(
    client, demo, quarter, indicator
):
    client.force_login(demo["editor"])
    page = text(client.get(edit_url(indicator)))
    assert 'name="commentary_is_internal"' in page
    assert "Not shown on the public site or in the public documents" in page
    data = {
        "action": "save", "version": 0, "value": "91.5", "data_quality": "final",
        "commentary": "The figure includes two teams under review.",
        "commentary_is_internal": "on", "improvement_actions": "",
    }  # fmt: skip
    assert client.post(edit_url(indicator), data).status_code == 302
    saved = Measurement.objects.get(indicator=indicator, period="2017/18-Q3")
    assert saved.commentary_is_internal is True
    # The form opens again with the box ticked.
    assert re.search(
        r'name="commentary_is_internal"[^>]*checked', text(client.get(edit_url(indicator)))
    )
    # A record that does not ask (an import, the API) leaves the choice as it was.
    again = services.measurement_record(
        indicator=indicator, period="2017/18-Q3", by=demo["editor"], value="92",
        commentary="Updated words.", expected_version=saved.version,
    )  # fmt: skip
    assert again.commentary_is_internal is True
    # Unticked on the form: public again; each choice is in the value's history.
    data.update(version=again.version, commentary="Public words.")
    del data["commentary_is_internal"]
    assert client.post(edit_url(indicator), data).status_code == 302
    history = saved.history.order_by("history_date", "history_id")
    assert [h.commentary_is_internal for h in history] == [True, True, False]
