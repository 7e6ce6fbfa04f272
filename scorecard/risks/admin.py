from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    Action,
    Assessment,
    Control,
    Escalation,
    MatrixBand,
    MatrixCell,
    MatrixLevel,
    Register,
    Risk,
    RiskAppetite,
    RiskArea,
    RiskCategory,
    RiskMatrix,
)


class MatrixLevelInline(admin.TabularInline):
    model = MatrixLevel
    extra = 0


class MatrixBandInline(admin.TabularInline):
    model = MatrixBand
    extra = 0


@admin.register(RiskMatrix)
class RiskMatrixAdmin(SimpleHistoryAdmin):
    list_display = ["name", "is_current", "created_at"]
    inlines = [MatrixLevelInline, MatrixBandInline]


@admin.register(MatrixCell)
class MatrixCellAdmin(SimpleHistoryAdmin):
    list_display = ["matrix", "likelihood", "impact", "band"]
    list_filter = ["matrix"]


@admin.register(Register)
class RegisterAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "directorate", "parent", "is_archived"]
    list_filter = ["kind", "is_archived"]
    search_fields = ["name"]


@admin.register(RiskArea)
class RiskAreaAdmin(SimpleHistoryAdmin):
    list_display = ["name", "owner", "is_archived"]
    search_fields = ["name"]


@admin.register(RiskCategory)
class RiskCategoryAdmin(SimpleHistoryAdmin):
    list_display = ["name", "code", "is_archived"]
    search_fields = ["name", "code"]


@admin.register(RiskAppetite)
class RiskAppetiteAdmin(SimpleHistoryAdmin):
    list_display = ["category", "maximum_score"]


class ControlInline(admin.TabularInline):
    model = Control
    extra = 0


class ActionInline(admin.TabularInline):
    model = Action
    extra = 0


@admin.register(Risk)
class RiskAdmin(SimpleHistoryAdmin):
    list_display = [
        "reference",
        "title",
        "register",
        "status",
        "current_likelihood",
        "current_impact",
        "next_review_on",
    ]
    list_filter = ["status", "category", "register", "is_confidential"]
    search_fields = ["reference", "title"]
    list_select_related = ["register"]
    inlines = [ControlInline, ActionInline]


@admin.register(Assessment)
class AssessmentAdmin(SimpleHistoryAdmin):
    list_display = ["risk", "period", "assessed_on", "score", "band_label", "assessor"]
    list_select_related = ["risk", "assessor"]


@admin.register(Escalation)
class EscalationAdmin(SimpleHistoryAdmin):
    list_display = ["risk", "direction", "from_register", "to_register", "status", "decided_by"]
    list_filter = ["status", "direction"]
    list_select_related = ["risk", "from_register", "to_register", "decided_by"]
