import django_filters

from scorecard.actions.models import SUBJECT_FIELDS, Action
from scorecard.performance.models import Indicator, Measurement
from scorecard.risks.models import Assessment, Risk


class IndicatorFilter(django_filters.FilterSet):
    directorate = django_filters.CharFilter(field_name="directorate__code")

    class Meta:
        model = Indicator
        fields = ["directorate", "frequency", "polarity", "is_retired"]


class MeasurementFilter(django_filters.FilterSet):
    indicator = django_filters.CharFilter(field_name="indicator__code")

    class Meta:
        model = Measurement
        fields = ["indicator", "period", "state"]


class RiskFilter(django_filters.FilterSet):
    register = django_filters.CharFilter(field_name="register__name")
    area = django_filters.CharFilter(field_name="area__name")
    category = django_filters.CharFilter(field_name="category")  # the category's code

    class Meta:
        model = Risk
        fields = ["register", "area", "category", "status"]


class AssessmentFilter(django_filters.FilterSet):
    risk = django_filters.CharFilter(field_name="risk__reference")

    class Meta:
        model = Assessment
        fields = ["risk", "period"]


class ActionFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(
        choices=[(f, f) for f in SUBJECT_FIELDS], method="of_kind", label="What it belongs to"
    )
    owner = django_filters.CharFilter(field_name="owner__username")

    class Meta:
        model = Action
        fields = ["kind", "owner", "status"]

    def of_kind(self, actions, name, value):
        return actions.filter(**{f"{value}__isnull": False})
