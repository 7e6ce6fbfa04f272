from django.urls import path

from . import views

app_name = "benchmarking"

urlpatterns = [
    path("groups/", views.groups, name="groups"),
    path("groups/add/", views.group_create, name="group_create"),
    path("groups/<int:pk>/", views.group_edit, name="group_edit"),
]
