"""Serializers: thin. Writes go through the apps' services (see views)."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from scorecard.actions.models import Action
from scorecard.actions.selectors import describe
from scorecard.core.actions_due import days_overdue
from scorecard.performance.models import Indicator, Measurement
from scorecard.projects.selectors import approved_line, rag_rules
from scorecard.risks.models import Assessment, Risk, RiskArea


class IndicatorSerializer(serializers.ModelSerializer):
    directorate = serializers.SlugRelatedField(slug_field="code", read_only=True)
    owner = serializers.SlugRelatedField(slug_field="username", read_only=True)

    class Meta:
        model = Indicator
        fields = [
            "id", "code", "title", "definition", "unit", "decimals", "polarity", "frequency",
            "aggregation", "target_basis", "directorate", "owner", "is_contextual", "is_retired",
        ]  # fmt: skip


class MeasurementSerializer(serializers.ModelSerializer):
    indicator = serializers.SlugRelatedField(slug_field="code", queryset=Indicator.objects.all())

    class Meta:
        model = Measurement
        fields = [
            "id", "indicator", "period", "value", "numerator", "denominator", "commentary",
            "improvement_actions", "data_quality", "state", "version", "entered_by", "entered_at",
            "submitted_by", "submitted_at", "reviewed_by", "reviewed_at", "self_approved",
        ]  # fmt: skip
        read_only_fields = [
            "state", "version", "entered_by", "entered_at", "submitted_by", "submitted_at",
            "reviewed_by", "reviewed_at", "self_approved",
        ]  # fmt: skip

    entered_by = serializers.SlugRelatedField(slug_field="username", read_only=True)
    submitted_by = serializers.SlugRelatedField(slug_field="username", read_only=True)
    reviewed_by = serializers.SlugRelatedField(slug_field="username", read_only=True)


class MeasurementDecisionSerializer(serializers.Serializer):
    """Submit, approve or return a value: the version read before deciding, and for a return
    the reason the updater sees."""

    expected_version = serializers.IntegerField()
    reason = serializers.CharField(required=False, allow_blank=True, default="")


class MeasurementWriteSerializer(serializers.Serializer):
    """A value to record or correct; `expected_version` is the version read before changing it."""

    indicator = serializers.CharField(help_text="The indicator's code.")
    period = serializers.CharField(help_text="E.g. 2017/18-Q2.")
    value = serializers.DecimalField(
        max_digits=20, decimal_places=6, required=False, allow_null=True
    )
    numerator = serializers.DecimalField(
        max_digits=20, decimal_places=6, required=False, allow_null=True
    )
    denominator = serializers.DecimalField(
        max_digits=20, decimal_places=6, required=False, allow_null=True
    )
    commentary = serializers.CharField(required=False, allow_blank=True, default="")
    improvement_actions = serializers.CharField(required=False, allow_blank=True, default="")
    data_quality = serializers.ChoiceField(
        choices=["provisional", "estimated", "final"], default="final"
    )
    expected_version = serializers.IntegerField(required=False, allow_null=True)


class StatusSerializer(serializers.Serializer):
    indicator = serializers.CharField()
    title = serializers.CharField()
    priority = serializers.CharField(allow_null=True)
    state = serializers.CharField(help_text="green, amber, red, or a state that is not a colour.")
    value = serializers.DecimalField(max_digits=20, decimal_places=6, allow_null=True)
    target = serializers.DecimalField(max_digits=20, decimal_places=6, allow_null=True)
    rated_against = serializers.CharField(
        help_text="What the colour was measured against: a target, the thresholds of the rule, "
        "or the reason for a rating given by hand; empty when not rated."
    )
    last_updated = serializers.CharField(allow_null=True)


class RiskSerializer(serializers.ModelSerializer):
    register = serializers.SlugRelatedField(slug_field="name", read_only=True)
    owner = serializers.SlugRelatedField(slug_field="username", read_only=True)
    area = serializers.SlugRelatedField(slug_field="name", read_only=True)
    category = serializers.CharField(source="category_id", read_only=True)  # the code
    current_score = serializers.IntegerField(read_only=True)
    inherent_score = serializers.IntegerField(read_only=True)

    class Meta:
        model = Risk
        fields = [
            "id", "reference", "title", "cause", "event", "consequence", "category", "register",
            "owner", "area", "status", "inherent_likelihood", "inherent_impact", "inherent_score",
            "current_likelihood", "current_impact", "current_score", "target_likelihood",
            "target_impact", "target_date", "next_review_on", "is_confidential",
        ]  # fmt: skip


class AssessmentSerializer(serializers.ModelSerializer):
    risk = serializers.SlugRelatedField(slug_field="reference", read_only=True)
    assessor = serializers.SlugRelatedField(slug_field="username", read_only=True)

    class Meta:
        model = Assessment
        fields = [
            "id", "risk", "period", "assessed_on", "likelihood", "impact", "score", "band_key",
            "band_label", "commentary", "assessor",
        ]  # fmt: skip


class AssessmentWriteSerializer(serializers.Serializer):
    risk = serializers.CharField(help_text="The risk's reference.")
    likelihood = serializers.IntegerField(min_value=1)
    impact = serializers.IntegerField(min_value=1)
    assessed_on = serializers.DateField(required=False, allow_null=True)
    period = serializers.CharField(required=False, allow_blank=True, default="")
    commentary = serializers.CharField(required=False, allow_blank=True, default="")


class RiskAreaSerializer(serializers.ModelSerializer):
    owner = serializers.SlugRelatedField(slug_field="username", read_only=True)

    class Meta:
        model = RiskArea
        fields = ["id", "name", "owner", "description", "mitigation_summary", "is_archived"]


class RagSerializer(serializers.Serializer):
    """A project's RAG: overall (by the worst part, or the manager's judgement with its reason)
    and each part's rating; null where a part has nothing to rate."""

    overall = serializers.CharField(allow_null=True)
    reason = serializers.CharField()
    judged = serializers.BooleanField()
    schedule = serializers.CharField(allow_null=True)
    budget = serializers.CharField(allow_null=True)
    savings = serializers.CharField(allow_null=True)


class MilestoneSerializer(serializers.Serializer):
    name = serializers.CharField()
    planned_date = serializers.DateField()
    forecast_date = serializers.DateField(allow_null=True)
    actual_date = serializers.DateField(allow_null=True)
    state = serializers.CharField()


class FinanceSerializer(serializers.Serializer):
    """A financial year's money, in pounds (decimal strings), null where not set."""

    year = serializers.CharField()
    budget = serializers.DecimalField(max_digits=16, decimal_places=2, allow_null=True)
    spend = serializers.DecimalField(max_digits=16, decimal_places=2, allow_null=True)
    forecast_spend = serializers.DecimalField(max_digits=16, decimal_places=2, allow_null=True)
    savings_target = serializers.DecimalField(max_digits=16, decimal_places=2, allow_null=True)
    savings_achieved = serializers.DecimalField(max_digits=16, decimal_places=2, allow_null=True)


class ApprovedUpdateSerializer(serializers.Serializer):
    """The latest approved quarterly update, with the RAG it reported: the project rated as at
    the last day of the update's quarter, as the quarter's lock freezes it."""

    period = serializers.CharField()
    progress = serializers.CharField()
    approved_by = serializers.CharField(allow_null=True)
    approved_at = serializers.DateTimeField(allow_null=True)
    rag = RagSerializer()


def _rag(rag) -> dict:
    return {
        "overall": rag.overall and str(rag.overall),
        "reason": rag.reason,
        "judged": rag.judged,
        "schedule": rag.schedule.rag and str(rag.schedule.rag),
        "budget": rag.budget.rag and str(rag.budget.rag),
        "savings": rag.savings.rag and str(rag.savings.rag),
    }


class ProjectSerializer(serializers.Serializer):
    """A project with its milestones, finances by financial year, its RAG today and its latest
    approved update's RAG (read-only)."""

    id = serializers.IntegerField(source="project.pk")
    reference = serializers.CharField(source="project.reference")
    name = serializers.CharField(source="project.name")
    programme = serializers.CharField(source="project.programme.name", default=None)
    owner = serializers.CharField(source="project.owner.username")
    sponsor = serializers.CharField(source="project.sponsor.username", default=None)
    directorate = serializers.CharField(source="project.directorate.code")
    stage = serializers.CharField(source="project.stage.name", default=None)
    start_date = serializers.DateField(source="project.start_date")
    end_date = serializers.DateField(source="project.end_date")
    register = serializers.CharField(source="project.register.name", default=None)
    is_archived = serializers.BooleanField(source="project.is_archived")
    rag = serializers.SerializerMethodField()
    milestones = serializers.SerializerMethodField()
    finances = serializers.SerializerMethodField()
    latest_approved_update = serializers.SerializerMethodField()

    @extend_schema_field(RagSerializer)
    def get_rag(self, line) -> dict:
        return _rag(line.rag)

    @extend_schema_field(MilestoneSerializer(many=True))
    def get_milestones(self, line) -> list[dict]:
        return [
            {
                "name": m.milestone.name,
                "planned_date": m.dates.planned,
                "forecast_date": m.dates.forecast,
                "actual_date": m.dates.actual,
                "state": str(m.state),
            }
            for m in line.milestones
        ]

    @extend_schema_field(FinanceSerializer(many=True))
    def get_finances(self, line) -> list[dict]:
        fields = ["year", "budget", "spend", "forecast_spend", "savings_target", "savings_achieved"]
        return [
            {
                f: str(v) if v is not None and f != "year" else v
                for f in fields
                for v in [getattr(x, f)]
            }
            for x in sorted(line.project.finances.all(), key=lambda x: x.year)
        ]

    @extend_schema_field(ApprovedUpdateSerializer(allow_null=True))
    def get_latest_approved_update(self, line) -> dict | None:
        if "rules" not in self.context:  # the council's thresholds, read once for a list
            self.context["rules"] = rag_rules()
        reported = approved_line(line, rules=self.context["rules"])
        if reported is None:
            return None
        update = line.update
        return {
            "period": update.period,
            "progress": update.progress,
            "approved_by": update.reviewed_by.username if update.reviewed_by_id else None,
            "approved_at": update.reviewed_at and update.reviewed_at.isoformat(),
            "rag": _rag(reported.rag),
        }


class ActionSerializer(serializers.ModelSerializer):
    """An action on a risk, an indicator, a project or an audit (a recommendation), with what
    it belongs to, its due date now, whether it is overdue today, and its extensions."""

    kind = serializers.CharField(source="subject_field", read_only=True)
    belongs_to = serializers.SerializerMethodField()
    owner = serializers.SlugRelatedField(slug_field="username", read_only=True)
    current_due_on = serializers.DateField(read_only=True)
    days_overdue = serializers.SerializerMethodField()
    extensions = serializers.SerializerMethodField()

    class Meta:
        model = Action
        fields = [
            "id", "kind", "belongs_to", "description", "owner", "due_on", "revised_due_on",
            "current_due_on", "days_overdue", "status", "percent_complete", "progress",
            "on_track", "evidence", "completed_on", "priority", "management_response",
            "verified_on", "extensions",
        ]  # fmt: skip

    def get_belongs_to(self, action) -> str:
        return describe([action])[0].about.name

    def get_days_overdue(self, action) -> int:
        return days_overdue(
            status=action.status, agreed=action.due_on, revised=action.revised_due_on,
            today=self.context["today"],
        )  # fmt: skip

    def get_extensions(self, action) -> list[dict]:
        return [
            {"requested_on": e.requested_on, "new_due_on": e.new_due_on, "reason": e.reason,
             "decision": e.decision, "decided_on": e.decided_on}
            for e in action.extensions.all()
        ]  # fmt: skip
