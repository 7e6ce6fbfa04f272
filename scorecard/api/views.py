"""The REST API: reads for indicators, measurements, statuses, risks, assessments and risk areas;
writes for measurements and risk assessments through the same services as the web forms, with
the same access functions as the web: `indicator_access` (values follow their indicator) and
`risk_access` (assessments follow their risk). A service's refusal becomes a response in one
place, `exceptions.api_exception_handler`."""

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.exceptions import ValidationError as ApiValidationError
from rest_framework.response import Response

from scorecard.actions.access import action_access
from scorecard.actions.selectors import with_subjects
from scorecard.core.ids import id_from
from scorecard.organisation import clock
from scorecard.organisation.access import Action
from scorecard.performance import services as performance_services
from scorecard.performance.access import indicator_access, measurement_access, user_has_any_role
from scorecard.performance.models import Scorecard
from scorecard.performance.selectors import scorecard_rows, scorecards_list, status_rated_against
from scorecard.projects.models import Project
from scorecard.projects.selectors import project_lines
from scorecard.risks import services as risk_services
from scorecard.risks.access import assessment_access, risk_access, risk_area_access

from . import filters, serializers


class IndicatorViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = serializers.IndicatorSerializer
    filterset_class = filters.IndicatorFilter
    lookup_field = "code"

    def get_queryset(self):
        return (
            indicator_access(self.request.user, Action.VIEW)
            .select_related("directorate", "owner")
            .order_by("code")
        )


class MeasurementViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Values of indicators. POST records or corrects a value (as the web form does)."""

    serializer_class = serializers.MeasurementSerializer
    filterset_class = filters.MeasurementFilter

    def get_queryset(self):
        return (
            measurement_access(self.request.user, Action.VIEW)
            .select_related("indicator", "entered_by", "submitted_by", "reviewed_by")
            .order_by("indicator__code", "period_start", "period")
        )

    @extend_schema(
        request=serializers.MeasurementWriteSerializer,
        responses={201: serializers.MeasurementSerializer},
    )
    def create(self, request, *args, **kwargs):
        incoming = serializers.MeasurementWriteSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = dict(incoming.validated_data)
        indicator = (
            indicator_access(request.user, Action.VIEW).filter(code=data.pop("indicator")).first()
        )
        if indicator is None:
            raise ApiValidationError({"indicator": ["There is no such indicator."]})
        if not indicator_access(request.user, Action.EDIT).filter(pk=indicator.pk).exists():
            raise PermissionDenied(f"You may not change the values of {indicator.code}.")
        measurement = performance_services.measurement_record(
            indicator=indicator, by=request.user, **data
        )
        return Response(
            serializers.MeasurementSerializer(measurement).data, status=status.HTTP_201_CREATED
        )

    def _decide(self, request, move, *, fields=(), check=None):
        incoming = serializers.MeasurementDecisionSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        measurement = self.get_object()
        if check is not None:
            check(measurement)
        measurement = move(
            measurement=measurement,
            by=request.user,
            expected_version=incoming.validated_data["expected_version"],
            **{name: incoming.validated_data[name] for name in fields},
        )
        return Response(serializers.MeasurementSerializer(measurement).data)

    @extend_schema(
        request=serializers.MeasurementDecisionSerializer,
        responses={200: serializers.MeasurementSerializer},
    )
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        """Submit a value for approval, as its updater does on the web form."""

        def may_edit(measurement):
            if (
                not indicator_access(request.user, Action.EDIT)
                .filter(pk=measurement.indicator_id)
                .exists()
            ):
                raise PermissionDenied(
                    f"You may not submit values of {measurement.indicator.code}."
                )

        return self._decide(request, performance_services.measurement_submit, check=may_edit)

    @extend_schema(
        request=serializers.MeasurementDecisionSerializer,
        responses={200: serializers.MeasurementSerializer},
    )
    @action(detail=True, methods=["post"])
    def approve(self, request, pk=None):
        """Approve a submitted value: the indicator's owner or a performance administrator,
        never the person who entered or submitted it (unless the council allows it)."""
        return self._decide(request, performance_services.measurement_approve)

    @extend_schema(
        request=serializers.MeasurementDecisionSerializer,
        responses={200: serializers.MeasurementSerializer},
    )
    @action(detail=True, methods=["post"], url_path="return", url_name="return")
    def give_back(self, request, pk=None):
        """Return a submitted value to its updater with a `reason`; who may is as for approving."""
        return self._decide(request, performance_services.measurement_return, fields=("reason",))


class StatusViewSet(viewsets.GenericViewSet):
    """The status of every indicator of a scorecard for a period, as the scorecard page shows it."""

    serializer_class = serializers.StatusSerializer
    pagination_class = None

    def get_queryset(self):
        return Scorecard.objects.none()

    @extend_schema(
        parameters=[
            OpenApiParameter("scorecard", int, required=True, description="The scorecard's id."),
            OpenApiParameter("period", str, required=True, description="E.g. 2017/18-Q2."),
        ],
        responses=serializers.StatusSerializer(many=True),
    )
    def list(self, request):
        scorecard_id, period = (
            request.query_params.get("scorecard"),
            request.query_params.get("period"),
        )
        if not user_has_any_role(request.user):
            raise NotFound
        if id_from(scorecard_id) is None or not period:
            raise ApiValidationError(
                {"scorecard": ["Give a scorecard id and a period, e.g. 2017/18-Q2."]}
            )
        scorecard = scorecards_list().filter(pk=id_from(scorecard_id)).first()
        if scorecard is None:
            raise NotFound
        try:
            rows = scorecard_rows(
                scorecard=scorecard,
                period=period,
                indicators=indicator_access(request.user, Action.VIEW),
            )
        except ValueError as error:
            raise ApiValidationError({"period": [str(error)]}) from None
        data = [
            {
                "indicator": row.indicator.code,
                "title": row.indicator.title,
                "priority": str(row.priority) if row.priority else None,
                "state": row.status.state.value,
                "value": row.value,
                "target": row.target,
                "rated_against": status_rated_against(row.indicator, row.status),
                "last_updated": row.last_updated.key if row.last_updated else None,
            }
            for row in rows
        ]
        return Response(serializers.StatusSerializer(data, many=True).data)


class RiskViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = serializers.RiskSerializer
    filterset_class = filters.RiskFilter
    lookup_field = "reference"

    def get_queryset(self):
        return (
            risk_access(self.request.user, Action.VIEW)
            .select_related("register", "owner", "area")
            .order_by("reference")
        )


class AssessmentViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Risk reviews. POST records a review, which becomes the risk's current rating."""

    serializer_class = serializers.AssessmentSerializer
    filterset_class = filters.AssessmentFilter

    def get_queryset(self):
        return (
            assessment_access(self.request.user, Action.VIEW)
            .select_related("risk", "assessor")
            .order_by("risk__reference", "-assessed_on", "-pk")
        )

    @extend_schema(
        request=serializers.AssessmentWriteSerializer,
        responses={201: serializers.AssessmentSerializer},
    )
    def create(self, request, *args, **kwargs):
        incoming = serializers.AssessmentWriteSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = dict(incoming.validated_data)
        risk = risk_access(request.user, Action.VIEW).filter(reference=data.pop("risk")).first()
        if risk is None:
            raise ApiValidationError({"risk": ["There is no such risk."]})
        if not risk_access(request.user, Action.EDIT).filter(pk=risk.pk).exists():
            raise PermissionDenied(f"You may not assess risk {risk.reference}.")
        assessment = risk_services.assessment_record(
            risk=risk, assessor=request.user, period=data.pop("period") or None, **data
        )
        return Response(
            serializers.AssessmentSerializer(assessment).data, status=status.HTTP_201_CREATED
        )


class RiskAreaViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = serializers.RiskAreaSerializer

    def get_queryset(self):
        return (
            risk_area_access(self.request.user, Action.VIEW)
            .select_related("owner")
            .order_by("name")
        )


class ProjectViewSet(viewsets.ViewSet):
    """Projects the person may read (`project_access`), with their milestones, finances by
    financial year, their RAG today by the council's rules, and their latest approved update
    with the RAG it reported. Read-only."""

    serializer_class = serializers.ProjectSerializer
    queryset = Project.objects.none()  # for the schema's path parameter; reads use project_lines

    def list(self, request):
        lines = project_lines(request.user)
        return Response(serializers.ProjectSerializer(lines, many=True).data)

    @extend_schema(parameters=[OpenApiParameter("id", int, OpenApiParameter.PATH)])
    def retrieve(self, request, pk=None):
        found = id_from(pk)
        lines = project_lines(request.user, include_archived=True, pk=found) if found else []
        if not lines:
            raise NotFound("No such project.")
        (line,) = lines
        return Response(serializers.ProjectSerializer(line).data)


class ActionViewSet(viewsets.ReadOnlyModelViewSet):
    """Actions the person may read (`action_access`): on risks, indicators, projects and audits
    (recommendations). Filter by `kind`, `status` or `owner`. Read-only."""

    serializer_class = serializers.ActionSerializer
    filterset_class = filters.ActionFilter

    def get_queryset(self):
        return (
            with_subjects(action_access(self.request.user, Action.VIEW))
            .prefetch_related("extensions")
            .order_by("due_on", "pk")
        )

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "today": clock.today()}
