from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.permissions import AllowAny
from rest_framework.routers import DefaultRouter

from . import pages, views

router = DefaultRouter()
router.register("indicators", views.IndicatorViewSet, basename="indicator")
router.register("measurements", views.MeasurementViewSet, basename="measurement")
router.register("statuses", views.StatusViewSet, basename="status")
router.register("risks", views.RiskViewSet, basename="risk")
router.register("assessments", views.AssessmentViewSet, basename="assessment")
router.register("risk-areas", views.RiskAreaViewSet, basename="risk-area")
router.register("projects", views.ProjectViewSet, basename="project")
router.register("actions", views.ActionViewSet, basename="action")

app_name = "api"
urlpatterns = [
    path("v1/", include(router.urls)),
    path("token/", pages.token, name="token"),
    path("schema/", SpectacularAPIView.as_view(permission_classes=[AllowAny]), name="schema"),
    path(
        "docs/",
        # The split view serves its start-up script as a file, so the page keeps the CSP.
        # Our template: in English, with Swagger UI's colours and sizes fixed for WCAG 2.2 AA.
        SpectacularSwaggerSplitView.as_view(
            url_name="api:schema",
            permission_classes=[AllowAny],
            template_name="api/swagger_ui.html",
        ),
        name="docs",
    ),
]
