"""Factories for the performance tests. They build rows directly; tests of behaviour go
through the services."""

import datetime as dt

import factory

from scorecard.core.periods import parse
from scorecard.organisation.models import Directorate, User
from scorecard.performance.choices import ScorecardTier, WorkflowState
from scorecard.performance.models import (
    CorporatePlan,
    Indicator,
    Measurement,
    Priority,
    Scorecard,
    ScorecardEntry,
    ScorecardVersion,
    Target,
)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"officer{n}")
    first_name = "Pat"
    last_name = factory.Sequence(lambda n: f"Officer {n}")


class DirectorateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Directorate
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"dir{n}")
    name = factory.Sequence(lambda n: f"Directorate {n}")


class CorporatePlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CorporatePlan

    title = factory.Sequence(lambda n: f"Corporate Plan {n}")
    adopted_on = dt.date(2017, 2, 16)


class PriorityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Priority

    plan = factory.SubFactory(CorporatePlanFactory)
    code = factory.Sequence(lambda n: f"p{n}")
    title = factory.Sequence(lambda n: f"Priority {n}")


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    code = factory.Sequence(lambda n: f"KPI{n:04d}")
    title = factory.Sequence(lambda n: f"Indicator {n}")
    directorate = factory.SubFactory(DirectorateFactory)
    status_rule = factory.LazyFunction(lambda: {"type": "tolerance", "amber": {"percent": "10"}})


class ScorecardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Scorecard

    name = factory.Sequence(lambda n: f"Scorecard {n}")
    tier = ScorecardTier.CORPORATE


class ScorecardVersionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ScorecardVersion

    scorecard = factory.SubFactory(ScorecardFactory)
    number = 1
    live_from = "2017/18-Q1"
    live_from_start = factory.LazyAttribute(lambda o: parse(o.live_from).start)


class ScorecardEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ScorecardEntry

    version = factory.SubFactory(ScorecardVersionFactory)
    indicator = factory.SubFactory(IndicatorFactory)


class TargetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Target

    indicator = factory.SubFactory(IndicatorFactory)
    period = "2017/18"
    period_start = factory.LazyAttribute(lambda o: parse(o.period).start)
    value = 90


class MeasurementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Measurement

    indicator = factory.SubFactory(IndicatorFactory)
    period = "2017/18-Q2"
    period_start = factory.LazyAttribute(lambda o: parse(o.period).start)
    value = 95
    state = WorkflowState.APPROVED
    entered_at = factory.LazyFunction(lambda: dt.datetime(2017, 10, 5, 9, 0, tzinfo=dt.UTC))
