"""The draft pack and the cover report read the lines the dashboards keep: after the dashboards
they build none, and an edit shows in them at once."""

import re

import pytest
from django.urls import reverse

from scorecard.ops.generator import generate, last_years
from scorecard.performance import services as performance_services
from scorecard.performance.models import Measurement
from scorecard.reporting import indicator_lines as indicator_lines_module
from scorecard.reporting import kept, selectors, summary
from scorecard.reporting import risk_lines as risk_lines_module
from scorecard.reporting.indicator_lines import indicator_lines
from scorecard.reporting.selectors import corporate_scorecard

pytestmark = pytest.mark.django_db

QUARTER = last_years(1)[-1].quarters()[-1]
SLUG = QUARTER.key.replace("/", "-")
DASHBOARDS = [
    f"{reverse('reporting:performance_dashboard')}?period={QUARTER.key}",
    f"{reverse('reporting:risk_dashboard')}?period={QUARTER.key}",
]
PACK = reverse("reporting:appendix", args=[SLUG])
DOCX = reverse("reporting:cover_docx", args=[SLUG])


def _row(html: str, code: str) -> str:
    table = html.split('id="scorecard"', 1)[1]
    return re.search(rf"<tr>\s*<td>{re.escape(code)} .*?</tr>", table, re.S).group(0)


@pytest.fixture
def builds(monkeypatch) -> list[str]:
    """The lines built, by their builder's name, whichever path calls it."""
    calls = []
    for module, name in (
        (indicator_lines_module, "indicator_lines"),
        (risk_lines_module, "risk_lines"),
    ):
        original = getattr(module, name)

        def counted(*args, original=original, name=name, **kwargs):
            calls.append(name)
            return original(*args, **kwargs)

        for owner in (module, selectors):
            monkeypatch.setattr(owner, name, counted)
    return calls


def test_the_pack_and_the_cover_report_read_the_kept_lines(client, demo, builds):
    admin = demo["admin"]
    client.force_login(admin)
    generate(indicators=8, risks=8, years=2, seed=21)
    kept.forget()
    for url in DASHBOARDS:
        assert client.get(url).status_code == 200
    assert builds == ["indicator_lines", "risk_lines"]

    pack = client.get(PACK)
    docx = client.get(DOCX)
    assert pack.status_code == docx.status_code == 200
    assert builds == ["indicator_lines", "risk_lines"]

    # A value approved now shows in the next pack: the kept line is built again.
    value = Measurement.objects.filter(period=QUARTER.months()[-1].key).order_by("pk").first()
    code = value.indicator.code
    before = _row(pack.content.decode(), code)
    value = performance_services.measurement_record(
        indicator=value.indicator, period=value.period, by=demo["editor"], value="12345",
        commentary="Keyed again.", improvement_actions="None needed.",
        expected_version=value.version,
    )  # fmt: skip
    value = performance_services.measurement_submit(
        measurement=value, by=demo["editor"], expected_version=value.version
    )
    performance_services.measurement_approve(
        measurement=value, by=admin, expected_version=value.version
    )
    after = _row(client.get(PACK).content.decode(), code)
    fresh = next(
        line
        for line in indicator_lines(scorecard=corporate_scorecard(), period=QUARTER)
        if line.code == code
    )
    assert after != before
    assert summary.display(fresh.value, fresh.unit, fresh.decimals) in after
