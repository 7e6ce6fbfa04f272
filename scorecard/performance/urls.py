from django.urls import path

from . import views

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
    path("values/<int:pk>/review/", views.measurement_review, name="measurement_review"),
]
