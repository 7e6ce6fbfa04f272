from django.urls import path

from . import views

app_name = "public"
urlpatterns = [
    path("", views.index, name="index"),
    path("explained/", views.explained, name="explained"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("how-we-measure/", views.how_we_measure, name="how_we_measure"),
    path("<slug:period>/", views.quarter, name="quarter"),
    path("<slug:period>/risks/", views.risks, name="risks"),
    path("<slug:period>/indicators/<str:code>/", views.indicator, name="indicator"),
    path("<slug:period>/<str:name>", views.download, name="download"),
]
