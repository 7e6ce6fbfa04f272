"""`scorecard report --format md` prints people's text as typed: never as HTML, a link or an
image that a Markdown viewer would run or fetch."""

import io

import pytest
from django.core.management import call_command

from scorecard.reporting.models import IndicatorSnapshot, RiskSnapshot

pytestmark = pytest.mark.django_db


def test_the_markdown_report_escapes_commentary_and_actions(demo_council):
    red = IndicatorSnapshot.objects.filter(rating="red", state="red").first()
    IndicatorSnapshot.objects.filter(pk=red.pk).update(
        commentary="<script>alert(1)</script> ![pixel](http://x.invalid/p.png)",
        improvement_actions="[help](javascript:alert(1))\n# Not a heading",
    )
    risk = RiskSnapshot.objects.filter(band_key="red").exclude(area="").first()
    actions = [{**risk.actions[0], "description": "<img src=x onerror=alert(1)>"}]
    RiskSnapshot.objects.filter(pk=risk.pk).update(actions=actions)
    out = io.StringIO()
    call_command(
        "report", "--period", "2017/18-Q2", "--format", "md", "--user", "admin", stdout=out
    )
    md = out.getvalue()
    assert "<script>" not in md and "<img" not in md
    assert "&lt;script&gt;alert(1)&lt;/script&gt; !\\[pixel\\](http://x.invalid/p.png)" in md
    assert "Improvement actions: \\[help\\](javascript:alert(1)) \\# Not a heading" in md
    assert "- &lt;img src=x onerror=alert(1)&gt;" in md
