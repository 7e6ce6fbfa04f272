from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("alerts/", views.alert_settings, name="alerts"),
    path("schedule/", views.schedule_edit, name="schedule"),
]
