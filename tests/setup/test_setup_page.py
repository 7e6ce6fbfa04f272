"""The setup checklist, the ready-made matrices and the empty pages that say what to do next."""

import pytest

from scorecard.organisation.services import directorate_create, organisation_settings_update
from scorecard.performance.choices import ScorecardTier
from scorecard.performance.services import reporting_period_open, scorecard_add
from scorecard.risks.models import RiskMatrix
from scorecard.risks.services import risk_matrix_create_from_preset

pytestmark = pytest.mark.django_db


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_an_empty_installation_lists_every_step_as_still_to_do(client, admin):
    client.force_login(admin)
    html = page(client, "/setup/")
    assert "4 of the required steps are still to do." in html
    assert "The council is still called \u201cOur Council\u201d" in html
    assert "No directorate yet" in html
    assert "No risk matrix yet: choose a ready-made one (3 x 3, 4 x 4, 5 x 5 or 6 x 6)" in html
    assert "No corporate scorecard yet" in html  # optional: a risk register alone needs none
    assert "No quarter yet: open the first quarter" in html
    for url in ("/administration/settings/", "/administration/directorates/new/",
                "/risks/matrix/", "/scorecard/scorecards/new/", "/scorecard/periods/",
                "/import-export/"):  # fmt: skip
        assert f'href="{url}"' in html


def test_each_step_done_says_what_is_in_place(client, admin):
    organisation_settings_update(name="Hart District Council", financial_year_start_month=4)
    directorate_create(code="PLACE", name="Place")
    risk_matrix_create_from_preset(size=4)
    scorecard_add(name="Corporate scorecard", tier=ScorecardTier.CORPORATE, directorate=None,
                  is_published=True, live_from="2024/25-Q1", corporate_plan=None)  # fmt: skip
    reporting_period_open(period="2024/25-Q1", by=admin)
    client.force_login(admin)
    html = page(client, "/setup/")
    assert "The council is set up." in html
    assert "Hart District Council, financial year starting in April." in html
    assert "1 directorate." in html
    assert "Corporate 4 x 4 matrix is in use." in html
    assert "2024/25-Q1 is open for updates." in html
    assert "To do" not in html


def test_a_council_of_risks_alone_is_set_up_without_a_scorecard(client, admin):
    organisation_settings_update(name="Fenland District Council", financial_year_start_month=4)
    directorate_create(code="CORP", name="Corporate")
    risk_matrix_create_from_preset(size=5)
    reporting_period_open(period="2024/25-Q1", by=admin)
    client.force_login(admin)
    html = page(client, "/setup/")
    assert "The council is set up." in html
    assert "A council that keeps only a risk register can leave this out." in html


def test_only_administrators_see_the_checklist(client, reader):
    client.force_login(reader)
    assert client.get("/setup/").status_code == 403
    client.logout()
    assert client.get("/setup/")["Location"].startswith("/sign-in/")


def test_the_checklist_costs_a_fixed_number_of_queries(
    client, admin, django_assert_max_num_queries
):
    client.force_login(admin)
    with django_assert_max_num_queries(12):
        client.get("/setup/")


def test_one_click_sets_up_a_ready_made_matrix(client, admin):
    client.force_login(admin)
    html = page(client, "/risks/matrix/")
    assert "manage.py" not in html
    assert 'href="/setup/"' in html
    for size in (3, 4, 5, 6):
        assert f'name="size" value="{size}"' in html
    response = client.post("/risks/matrix/presets/", {"size": "3"})
    assert response["Location"] == "/risks/matrix/"
    matrix = RiskMatrix.objects.get(is_current=True)
    assert matrix.name == "Corporate 3 x 3 matrix"
    assert matrix.cells.count() == 9
    # The grid shows likelihood 3 "Likely" x impact 3 "Major": 9, red.
    html = page(client, "/risks/matrix/")
    assert "Likelihood 3<br>Likely" in html and "Impact 3<br>Major" in html


def test_choosing_a_preset_again_reuses_it(admin):
    first = risk_matrix_create_from_preset(size=5)
    risk_matrix_create_from_preset(size=3)
    again = risk_matrix_create_from_preset(size=5)
    assert again.pk == first.pk
    assert list(RiskMatrix.objects.filter(is_current=True)) == [first]
    assert RiskMatrix.objects.count() == 2


def test_an_unknown_size_is_refused(client, admin):
    client.force_login(admin)
    response = client.post("/risks/matrix/presets/", {"size": "7"}, follow=True)
    assert "Select a valid choice. 7 is not one of the available choices." in (
        response.content.decode()
    )
    assert not RiskMatrix.objects.exists()


def test_a_reader_cannot_choose_a_matrix(client, reader):
    client.force_login(reader)
    assert client.post("/risks/matrix/presets/", {"size": "5"}).status_code == 403
    assert not RiskMatrix.objects.exists()


@pytest.mark.parametrize(
    ("url", "missing"),
    [
        ("/reports/", "No quarter yet"),
        ("/reports/performance/", "No quarter yet"),
        ("/reports/risks/", "No quarter yet"),
        ("/risks/", "No risk matrix is in use yet"),
    ],
)
def test_empty_pages_say_what_to_do_next_with_a_link_for_administrators(
    client, admin, reader, url, missing
):
    client.force_login(admin)
    html = page(client, url)
    assert f"{missing}: <a" in html and 'href="/setup/">' in html
    client.force_login(reader)
    html = page(client, url)
    assert f"{missing}: the performance and risk team" in html
    assert 'href="/setup/"' not in html


def test_the_home_page_points_administrators_to_the_setup_page(client, admin, reader):
    client.force_login(admin)
    assert "The council is not set up yet: 4 steps to do." in page(client, "/")
    client.force_login(reader)
    assert "not set up yet" not in page(client, "/")
