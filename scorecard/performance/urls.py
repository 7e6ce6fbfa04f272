from django.urls import path

from . import views, views_settings, views_values

app_name = "performance"
urlpatterns = [
    path("", views.index, name="index"),
    path("my-updates/", views.my_updates, name="my_updates"),
    path("approvals/", views.approvals, name="approvals"),
    path("periods/", views.periods, name="periods"),
    path("indicators/new/", views.indicator_create, name="indicator_create"),
    path("indicators/<int:pk>/", views.indicator_detail, name="indicator"),
    path("indicators/<int:pk>/change/", views.indicator_edit, name="indicator_edit"),
    path("indicators/<int:pk>/targets/new/", views.target_set, name="target_set"),
    path(
        "indicators/<int:pk>/values/<str:period>/",
        views.measurement_edit,
        name="measurement_edit",
    ),
    path(
        "indicators/<int:pk>/values/<str:period>/status/",
        views_values.measurement_status,
        name="measurement_status",
    ),
    path("values/<int:pk>/review/", views.measurement_review, name="measurement_review"),
    path("values/<int:pk>/restate/", views.measurement_restate, name="measurement_restate"),
    # Scorecard settings: administrators only.
    path("plans/", views_settings.plans, name="plans"),
    path("plans/new/", views_settings.plan_create, name="plan_create"),
    path("plans/<int:pk>/change/", views_settings.plan_edit, name="plan_edit"),
    path("plans/<int:pk>/priorities/new/", views_settings.priority_create, name="priority_create"),
    path("priorities/<int:pk>/change/", views_settings.priority_edit, name="priority_edit"),
    path("scorecards/", views_settings.scorecards, name="scorecards"),
    path("scorecards/new/", views_settings.scorecard_create, name="scorecard_create"),
    path("scorecards/<int:pk>/", views_settings.scorecard_versions, name="scorecard_versions"),
    path(
        "scorecards/<int:pk>/refresh/", views_settings.scorecard_refresh, name="scorecard_refresh"
    ),
]
