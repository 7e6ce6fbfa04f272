from django.urls import path

from . import views

app_name = "projects"
urlpatterns = [
    path("", views.index, name="index"),
    path("programmes/", views.programmes, name="programmes"),
    path("programmes/<int:pk>/", views.programme, name="programme"),
    path("new/", views.project_create, name="project_create"),
    path("<int:pk>/", views.project, name="project"),
    path("<int:pk>/change/", views.project_edit, name="project_edit"),
    path("<int:pk>/milestones/new/", views.milestone_create, name="milestone_create"),
    path("<int:pk>/finances/", views.finance_set, name="finance_set"),
    path("programmes/new/", views.programme_create, name="programme_create"),
    path("programmes/<int:pk>/change/", views.programme_edit, name="programme_edit"),
    path("<int:pk>/update/", views.update_edit, name="update_edit"),
    path("updates/<int:pk>/review/", views.update_review, name="update_review"),
    # Settings: administrators only.
    path("stages/", views.stages, name="stages"),
    path("stages/new/", views.stage_create, name="stage_create"),
    path("stages/<int:pk>/change/", views.stage_edit, name="stage_edit"),
    path("rag-rules/", views.rag_rules, name="rag_rules"),
]
