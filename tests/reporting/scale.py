"""Grow the demo council to N times its size, for the query-count tests (rows copied in bulk)."""

from scorecard.performance.models import Indicator, Measurement, ScorecardEntry, Target
from scorecard.risks.models import Assessment, Risk


def scale_up(*, times: int) -> None:
    indicators = list(Indicator.objects.all())
    measurements = list(Measurement.objects.filter(period__lt="2017/18-Q3"))
    targets = list(Target.objects.all())
    entries = list(ScorecardEntry.objects.all())
    for n in range(1, times):
        created = Indicator.objects.bulk_create(
            _copy(indicator, code=f"{indicator.code}~{n}") for indicator in indicators
        )
        copies = {old.pk: new for old, new in zip(indicators, created, strict=True)}
        Measurement.objects.bulk_create(
            _copy(m, indicator_id=copies[m.indicator_id].pk) for m in measurements
        )
        Target.objects.bulk_create(
            _copy(t, indicator_id=copies[t.indicator_id].pk) for t in targets
        )
        ScorecardEntry.objects.bulk_create(
            _copy(e, indicator_id=copies[e.indicator_id].pk) for e in entries
        )
    risks = list(Risk.objects.all())
    assessments = list(Assessment.objects.all())
    for n in range(1, times):
        new = []
        for risk in risks:
            copy = _copy(risk, reference=f"{risk.reference}~{n}")
            copy.original_pk = risk.pk
            new.append(copy)
        created = Risk.objects.bulk_create(new)
        by_original = {r.original_pk: r.pk for r in created}
        Assessment.objects.bulk_create(
            _copy(a, risk_id=by_original[a.risk_id]) for a in assessments
        )


def _copy(row, **changes):
    fields = {
        f.attname: getattr(row, f.attname) for f in row._meta.concrete_fields if not f.primary_key
    }
    fields.update(changes)
    return type(row)(**fields)
