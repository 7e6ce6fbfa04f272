from django.urls import path

from . import open_data_views, views

app_name = "open_data"
urlpatterns = [
    path("", views.open_data_index, name="index"),
    # Machine-readable additions (decision 0041): before the per-quarter patterns.
    path("index.json", open_data_views.index_json, name="index_json"),
    path("all/csv-metadata.json", open_data_views.all_metadata, name="all_metadata"),
    path("all/<slug:dataset>.csv", open_data_views.all_csv, name="all_csv"),
    path("<slug:period>/csv-metadata.json", open_data_views.quarter_metadata, name="metadata"),
    path("<slug:period>/<slug:dataset>.csv", views.open_data_csv, name="csv"),
    path("<slug:period>/<slug:dataset>.json", views.open_data_json, name="json"),
]
