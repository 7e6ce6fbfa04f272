from django.urls import path

from . import views_audits as views

app_name = "audits"

urlpatterns = [
    path("", views.audit_list, name="list"),
    path("new/", views.audit_create, name="create"),
    path("<int:pk>/", views.audit_detail, name="audit"),
    path("<int:pk>/edit/", views.audit_edit, name="edit"),
    path("<int:pk>/recommendations/new/", views.recommendation_create, name="recommendation_create"),
    path("recommendations/<int:pk>/implemented/", views.recommendation_implemented, name="implemented"),
    path("recommendations/<int:pk>/verify/", views.recommendation_verify, name="verify"),
]  # fmt: skip
