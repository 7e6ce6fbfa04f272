"""The demo council lives on 4 December 2017, during the Quarter Three 2017/18 update window:
no page it shows carries a date from the real calendar."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from scorecard.demo.organisation import CLOCK_DATE
from scorecard.organisation import clock
from scorecard.performance.models import Indicator
from scorecard.risks.models import Risk

pytestmark = pytest.mark.django_db

MONTHS = {
    name.lower(): number
    for number, name in enumerate(
        ["January", "February", "March", "April", "May", "June", "July", "August",
         "September", "October", "November", "December"],
        start=1,
    )
}  # fmt: skip
MONTH = r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*"
FULL_DATE = re.compile(rf"\b(\d{{1,2}}) {MONTH} (\d{{4}})\b")
MONTH_YEAR = re.compile(rf"\b{MONTH} (\d{{4}})\b")
ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
FINANCIAL_YEAR = re.compile(r"\b(\d{4})/(\d{2})\b")
# The demo's future reaches its next financial year (due dates, target dates, the next update):
# nothing it shows belongs after 2018/19.
LAST_YEAR = 2019
# Except the comparators: real councils' published ASCOF values of 2020-21, a later year than
# the demo's on purpose (scorecard/demo/benchmarks.py), are data, not the demo's calendar.
COMPARATOR_YEARS = {"2020/21"}


def page_text(response) -> str:
    html = response.content.decode()
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def dates_too_late(text: str) -> list[str]:
    """Every date or year on the page that lies beyond the demo's world."""
    found = [m.group(0) for m in FULL_DATE.finditer(text) if int(m.group(3)) > LAST_YEAR]
    found += [m.group(0) for m in MONTH_YEAR.finditer(text) if int(m.group(2)) > LAST_YEAR]
    found += [m.group(0) for m in ISO_DATE.finditer(text) if int(m.group(1)) > LAST_YEAR]
    found += [
        m.group(0)
        for m in FINANCIAL_YEAR.finditer(text)
        if int(m.group(1)) >= LAST_YEAR and m.group(0) not in COMPARATOR_YEARS
    ]
    return found


def full_dates(text: str) -> list[dt.date]:
    return [
        dt.date(int(year), MONTHS[next(n for n in MONTHS if n.startswith(month.lower()))], int(day))
        for day, month, year in FULL_DATE.findall(text)
    ]


@pytest.fixture
def demo_pages(demo_council):
    indicator = Indicator.objects.get(code="HW01")
    risk = Risk.objects.get(reference="ASC03")
    return {
        "home": reverse("home"),
        "indicator list": reverse("performance:index"),
        "indicator page": reverse("performance:indicator", args=[indicator.pk]),
        "my updates": reverse("performance:my_updates"),
        "risk register": reverse("risks:index"),
        "risk page": reverse("risks:risk", args=[risk.pk]),
        "performance dashboard": reverse("reporting:performance_dashboard"),
        "risk dashboard": reverse("reporting:risk_dashboard"),
        "reporting periods": reverse("performance:periods"),
        "reminders": reverse("reminders"),
        "pack of Quarter Two": reverse("reporting:appendix", kwargs={"period": "2017/18-Q2"}),
        "Quarter Three lock page": reverse(
            "reporting:period_lock", kwargs={"period": "2017/18-Q3"}
        ),
    }


def test_the_demo_council_lives_on_4_december_2017(demo_council):
    assert clock.today() == CLOCK_DATE == dt.date(2017, 12, 4)
    assert clock.now().date() == CLOCK_DATE


def test_no_demo_page_shows_a_date_after_the_demo_clock(client, demo_council, demo_pages):
    read = {}
    for account in ("admin", "editor", "reader"):
        client.force_login(demo_council[account])
        for name, url in demo_pages.items():
            response = client.get(url)
            if response.status_code != 200:
                assert response.status_code in (302, 403), (account, name)
                continue
            text = page_text(response)
            assert dates_too_late(text) == [], (account, name)
            read[account, name] = text
    # Every account read the pages a reader has, and the administrator every page.
    assert {name for account, name in read if account == "admin"} == set(demo_pages)
    assert ("reader", "pack of Quarter Two") in read and ("editor", "risk page") in read
    # Stamps of what was done (a quarter opened or locked, values entered) are on or before it.
    stamps = full_dates(read["admin", "reporting periods"])
    assert stamps and max(stamps) <= CLOCK_DATE


def test_the_demo_risk_register_tags_only_the_reviews_really_overdue(client, demo_council):
    client.force_login(demo_council["admin"])
    text = page_text(client.get(reverse("risks:index") + "?sort=review"))
    rows = re.findall(rf"(\d{{2}} {MONTH} \d{{4}})( Overdue)?", text)
    assert rows
    overdue = [day for day, _, tag in rows if tag]
    on_time = [day for day, _, tag in rows if not tag]
    assert overdue and on_time  # some are overdue on 4 December 2017, not all
    assert all(d < CLOCK_DATE for d in full_dates(" ".join(overdue)))
    assert all(d >= CLOCK_DATE for d in full_dates(" ".join(on_time)))


def test_a_demo_indicator_page_gives_the_next_update_in_the_demo_years(client, demo_council):
    client.force_login(demo_council["reader"])
    indicator = Indicator.objects.get(code="HW01")
    text = page_text(client.get(reverse("performance:indicator", args=[indicator.pk])))
    due = re.search(r"Next update due (\S+ \S+ \d{4}/\d{2}|\S+ \d{4})", text)
    assert due is not None
    assert due.group(1).endswith(("2017/18", "2018/19")), due.group(1)
    assert "2026/27" not in text
