"""Internal audit's pages pass axe-core and fit a phone's width, as the demo's administrator
sees them: the plan, an audit with its recommendations, each form, and the Audit Committee
report (the crawl in test_layout.py reaches them too, among sixty pages)."""

import pytest

from scorecard.actions.models import Action, Audit
from tests.browser.test_home import sign_in


@pytest.mark.parametrize("javascript", [True], ids=["js"])
def test_the_audit_pages_pass_axe_and_fit_a_phone(
    page, live_server, demo_council, demo_password, assert_accessible
):
    audit = Audit.objects.get(reference="IA 2017-03")  # overdue, extended and refused
    waiting = Action.objects.filter(status="implemented").first()
    open_one = Action.objects.filter(audit=audit, status="in_progress").first()
    sign_in(page, live_server, "admin", demo_password)
    paths = [
        "/audits/",
        f"/audits/{audit.pk}/",
        "/audits/new/",
        f"/audits/{audit.pk}/edit/",
        f"/audits/{audit.pk}/recommendations/new/",
        f"/audits/recommendations/{open_one.pk}/implemented/",
        f"/audits/recommendations/{waiting.pk}/verify/",
        "/reports/audit-committee/",
    ]
    for path in paths:
        page.goto(live_server.url + path)
        assert_accessible(page)
    # On a phone, as test_layout.py checks every page: wide tables scroll in their own region.
    page.set_viewport_size({"width": 390, "height": 900})
    for path in paths:
        page.goto(live_server.url + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, path
