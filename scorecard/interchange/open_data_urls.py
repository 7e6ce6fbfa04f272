from django.urls import path

from . import views

app_name = "open_data"
urlpatterns = [
    path("", views.open_data_index, name="index"),
    path("<slug:period>/<slug:dataset>.csv", views.open_data_csv, name="csv"),
    path("<slug:period>/<slug:dataset>.json", views.open_data_json, name="json"),
]
