from django.urls import path

from . import views

app_name = "projects"
urlpatterns = [
    path("", views.index, name="index"),
    path("programmes/", views.programmes, name="programmes"),
    path("programmes/<int:pk>/", views.programme, name="programme"),
    path("<int:pk>/", views.project, name="project"),
    path("<int:pk>/update/", views.update_edit, name="update_edit"),
    path("updates/<int:pk>/review/", views.update_review, name="update_review"),
    # Settings: administrators only.
    path("stages/", views.stages, name="stages"),
    path("stages/new/", views.stage_create, name="stage_create"),
    path("stages/<int:pk>/change/", views.stage_edit, name="stage_edit"),
    path("rag-rules/", views.rag_rules, name="rag_rules"),
]
