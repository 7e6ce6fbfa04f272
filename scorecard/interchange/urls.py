from django.urls import path

from . import views

app_name = "interchange"
urlpatterns = [
    path("", views.index, name="index"),
    path("template.xlsx", views.template_xlsx, name="template_xlsx"),
    path("template/<slug:sheet>.csv", views.template_csv, name="template_csv"),
    path("export/", views.export, name="export"),
    path("jobs/<int:pk>/", views.job, name="job"),
    path("jobs/<int:pk>/columns/", views.mapping, name="mapping"),
    path("jobs/<int:pk>/confirm/", views.job_confirm, name="job_confirm"),
    path("jobs/<int:pk>/download/", views.job_download, name="job_download"),
]
