"""The user guides as the product shows them."""

import pytest
from django.urls import reverse

from scorecard.guides import render_guide

pytestmark = pytest.mark.django_db


def test_a_screenshot_line_is_left_out_of_the_product_page():
    html = render_guide("Before.\n\n![The value form](../screenshots/value-form.png)\n\nAfter.")
    assert html == '<p class="govuk-body">Before.</p>\n<p class="govuk-body">After.</p>'


def test_the_updaters_guide_explains_the_value_form(client, demo):
    client.force_login(demo["editor"])
    page = client.get(reverse("guide", kwargs={"name": "updater"})).content.decode()
    assert "<strong>Copy forward into the form</strong>" in page
    assert "All three months in one form" in page
    assert "screenshots/" not in page


def test_the_import_page_links_to_the_importing_guide(client, demo):
    client.force_login(demo["admin"])
    guide_url = reverse("guide", kwargs={"name": "importing"})
    assert guide_url in client.get(reverse("interchange:index")).content.decode()
    page = client.get(guide_url).content.decode()
    assert "Bringing in your council&#x27;s spreadsheets" in page
    assert "<strong>These are the council&#x27;s approved figures</strong>" in page
    assert "<strong>The file&#x27;s likelihood and impact numbers run from 1 to</strong>" in page
