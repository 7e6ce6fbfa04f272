from django.urls import path

from . import views

app_name = "actions"

urlpatterns = [
    path("", views.action_list, name="list"),
    path("<int:pk>/", views.action_detail, name="action"),
    path("<int:pk>/progress/", views.action_progress, name="progress"),
    path("<int:pk>/extension/", views.extension_request, name="extension_request"),
    path("extensions/<int:pk>/", views.extension_decide, name="extension_decide"),
    path("new/<str:field>/<int:pk>/", views.action_create, name="create"),
]
