import django_filters

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
