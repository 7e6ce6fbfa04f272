"""Every performance model in the Django admin (superusers only), with its history."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    CabinetPortfolio,
    CorporatePlan,
    Indicator,
    Measurement,
    Priority,
    ReportingPeriod,
    Scorecard,
    ScorecardEntry,
    ScorecardVersion,
    Target,
)


@admin.register(CabinetPortfolio)
class CabinetPortfolioAdmin(SimpleHistoryAdmin):
    list_display = ["name", "holder", "is_archived"]
    search_fields = ["name", "holder"]


class PriorityInline(admin.TabularInline):
    model = Priority
    extra = 0


@admin.register(CorporatePlan)
class CorporatePlanAdmin(SimpleHistoryAdmin):
    list_display = ["title", "adopted_on", "is_archived"]
    inlines = [PriorityInline]


@admin.register(Priority)
class PriorityAdmin(SimpleHistoryAdmin):
    list_display = ["title", "code", "plan", "order"]
    list_filter = ["plan"]


@admin.register(Scorecard)
class ScorecardAdmin(SimpleHistoryAdmin):
    list_display = ["name", "tier", "directorate", "is_published", "is_archived"]
    list_filter = ["tier", "is_published"]


class ScorecardEntryInline(admin.TabularInline):
    model = ScorecardEntry
    extra = 0
    raw_id_fields = ["indicator"]


@admin.register(ScorecardVersion)
class ScorecardVersionAdmin(SimpleHistoryAdmin):
    list_display = ["scorecard", "number", "live_from", "corporate_plan"]
    list_filter = ["scorecard"]
    readonly_fields = ["live_from_start"]
    inlines = [ScorecardEntryInline]


@admin.register(ScorecardEntry)
class ScorecardEntryAdmin(SimpleHistoryAdmin):
    list_display = ["indicator", "version", "priority", "order"]
    list_filter = ["version__scorecard"]
    raw_id_fields = ["indicator"]


class TargetInline(admin.TabularInline):
    model = Target
    extra = 0
    readonly_fields = ["period_start"]


@admin.register(Indicator)
class IndicatorAdmin(SimpleHistoryAdmin):
    list_display = ["code", "title", "directorate", "frequency", "polarity", "unit", "is_retired"]
    list_filter = ["directorate", "frequency", "polarity", "is_contextual", "is_retired"]
    search_fields = ["code", "title"]
    filter_horizontal = ["updaters"]
    inlines = [TargetInline]


@admin.register(Target)
class TargetAdmin(SimpleHistoryAdmin):
    list_display = ["indicator", "period", "value"]
    search_fields = ["indicator__code", "period"]
    readonly_fields = ["period_start"]


@admin.register(ReportingPeriod)
class ReportingPeriodAdmin(SimpleHistoryAdmin):
    list_display = ["period", "state", "changed_by", "changed_at"]
    readonly_fields = ["period_start"]


@admin.register(Measurement)
class MeasurementAdmin(SimpleHistoryAdmin):
    list_display = [
        "indicator",
        "period",
        "value",
        "data_quality",
        "state",
        "entered_by",
        "version",
    ]
    list_filter = ["state", "data_quality", "indicator__directorate"]
    search_fields = ["indicator__code", "period"]
    readonly_fields = ["period_start", "version", "entered_at", "reviewed_at"]
