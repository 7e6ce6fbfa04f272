from django.urls import path

from . import views

app_name = "organisation"
urlpatterns = [
    path("", views.administration, name="administration"),
    path("settings/", views.settings_edit, name="settings_edit"),
    path("directorates/new/", views.directorate_create, name="directorate_create"),
    path("directorates/<int:pk>/", views.directorate_edit, name="directorate_edit"),
    path("directorates/<int:pk>/services/new/", views.service_create, name="service_create"),
    path("people/new/", views.person_create, name="person_create"),
    path("people/<int:pk>/", views.person_edit, name="person_edit"),
    path("people/<int:pk>/roles/new/", views.membership_create, name="membership_create"),
]
