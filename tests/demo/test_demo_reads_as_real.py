"""The demo council reads as a real council's records: every risk written by a risk manager,
each with its own controls and actions at different stages, every indicator explained, and
commentary on each latest figure written by the officer who reported it.

The figures the source Cabinet report uses are checked in test_demo_council.py; only words are
checked here.
"""

import html
import re
from collections import Counter

import pytest
from django.urls import reverse

from scorecard.performance.choices import WorkflowState
from scorecard.performance.models import Indicator, Measurement
from scorecard.risks.choices import ActionStatus, RiskStatus
from scorecard.risks.models import Action, Assessment, Risk

pytestmark = pytest.mark.django_db

BANNED = ["further area", "closed risk", "(not given)", "interim arrangements for"]
ENDS_A_SENTENCE = re.compile(r"[a-z0-9)%'’”][.!?]$", re.IGNORECASE)


def whole(text: str) -> bool:
    """A complete piece of writing: starts with a capital (or a figure), ends with a full stop (or other
    closing punctuation) straight after a word, brackets closed, no banned copy-text."""
    return (
        bool(text)
        and (text[0].isupper() or text[0] in "0123456789£")
        and ENDS_A_SENTENCE.search(text) is not None
        and text.count("(") == text.count(")")
        and not any(phrase in text.lower() for phrase in BANNED)
    )


def test_every_risk_is_its_own_and_written_in_full(demo_council):
    risks = list(Risk.objects.all())
    live = [r for r in risks if r.status != RiskStatus.CLOSED]
    # 160 as published, and three confidential risks identified in Quarter Three.
    assert len([r for r in live if not r.is_confidential]) == 160
    assert sorted(r.reference for r in live if r.is_confidential) == ["CFCS1", "CORPS1", "CORPS2"]
    for field in ["title", "cause", "event", "consequence"]:
        values = [getattr(r, field) for r in live]
        repeated = [v for v, n in Counter(values).items() if n > 1]
        assert not repeated, f"{field} repeated: {repeated[:3]}"
    for risk in risks:
        title = risk.title
        assert title[0].isupper() and title[-1].isalnum(), f"{risk.reference} title: {title!r}"
        assert title.count("(") == title.count(")")
        assert not any(phrase in title.lower() for phrase in BANNED), title
        for field in ["cause", "event", "consequence", "closure_reason"]:
            text = getattr(risk, field)
            if field == "closure_reason" and risk.status != RiskStatus.CLOSED:
                continue
            assert whole(text), f"{risk.reference} {field}: {text!r}"
    # The owner's note on each live risk's latest review is its own.
    latest = {}
    for a in Assessment.objects.filter(risk__in=live).order_by("risk_id", "assessed_on", "pk"):
        latest[a.risk_id] = a.commentary
    assert len(latest) == len(live) and len(set(latest.values())) == len(live)
    assert all(whole(text) for text in latest.values())
    # An event reads after "There is a risk that": never a second "there is a risk that".
    assert not [r.reference for r in risks if r.event.lower().startswith("there is a risk")]


def test_each_risk_has_its_own_controls_and_actions_at_different_stages(demo_council):
    live = Risk.objects.exclude(status=RiskStatus.CLOSED).prefetch_related("controls", "actions")
    treatments = []
    for risk in live:
        texts = [c.description for c in risk.controls.all()]
        texts += [a.description for a in risk.actions.all()]
        assert risk.controls.all() and risk.actions.all(), risk.reference
        assert all(whole(t) for t in texts), (risk.reference, texts)
        treatments.append(frozenset(texts))
    assert len(set(treatments)) == len(treatments) == len(live) == 163
    actions = list(Action.objects.all())
    statuses = Counter(a.status for a in actions)
    assert {ActionStatus.NOT_STARTED, ActionStatus.IN_PROGRESS, ActionStatus.COMPLETED} <= set(
        statuses
    )
    assert max(statuses.values()) < 0.6 * len(actions), statuses
    assert len({a.owner_id for a in actions}) >= 5
    assert len({a.due_on for a in actions}) >= 8
    assert len({a.percent_complete for a in actions}) >= 5
    assert all(
        a.completed_on and a.percent_complete == 100 for a in actions if a.status == "completed"
    )
    late = [a for a in actions if a.revised_due_on]
    assert late and all(a.revised_due_on > a.due_on for a in late)


def test_every_indicator_says_why_it_is_measured_and_how(demo_council):
    indicators = list(Indicator.objects.all())
    assert len(indicators) == 78
    for indicator in indicators:
        for field in ["rationale", "definition"]:
            text = getattr(indicator, field)
            assert whole(text), f"{indicator.code} {field}: {text!r}"
        assert indicator.data_source, indicator.code
    definitions = Counter(i.definition for i in indicators)
    assert max(definitions.values()) == 1


def test_latest_commentary_is_each_officers_own(demo_council):
    latest = {}
    approved = Measurement.objects.filter(state=WorkflowState.APPROVED)
    for m in approved.order_by("indicator_id", "period_start", "pk"):
        latest[m.indicator_id] = m
    assert len(latest) >= 70
    commentary = [m.commentary for m in latest.values()]
    assert all(whole(text) for text in commentary), [t for t in commentary if not whole(t)]
    assert len(set(commentary)) == len(commentary)
    # An officer reports the figure: every latest commentary gives a number.
    assert all(re.search(r"\d", text) for text in commentary)
    shortfalls = [m for m in latest.values() if m.improvement_actions]
    assert len({m.improvement_actions for m in shortfalls}) == len(shortfalls)


def test_past_shortfalls_quote_their_own_figures(demo_council):
    """Earlier values short of target carry the officer's note of that value, not one line copied."""
    past = Measurement.objects.filter(state=WorkflowState.APPROVED).exclude(commentary="")
    notes = [(m.commentary, m.improvement_actions) for m in past]
    assert len(notes) > 300
    assert all(whole(text) and re.search(r"\d", text) for text, _ in notes)
    copies = Counter(text for text, _ in notes)
    assert copies.most_common(1)[0][1] <= 3, copies.most_common(3)
    assert len({actions for _, actions in notes}) >= 12


def test_risk_and_indicator_pages_read_in_full(client, demo_council):
    client.force_login(demo_council["admin"])
    for reference in ["ASC13", "CFC21", "COACH14", "PKWY02"]:
        risk = Risk.objects.get(reference=reference)
        page = html.unescape(client.get(reverse("risks:risk", args=[risk.pk])).content.decode())
        assert "(not given)" not in page
        for text in [risk.title, risk.cause, risk.event, risk.consequence]:
            assert text in page
        for action in risk.actions.all():
            assert action.description in page
    for code in ["HW10", "OFB07", "RC09"]:
        indicator = Indicator.objects.get(code=code)
        url = reverse("performance:indicator", args=[indicator.pk])
        page = html.unescape(client.get(url).content.decode())
        assert "(not given)" not in page
        assert "Why we measure it" in page
        assert indicator.rationale in page and indicator.definition in page
