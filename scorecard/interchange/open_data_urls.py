from django.urls import path

from . import views

app_name = "open_data"
urlpatterns = [path("", views.open_data_index, name="index")]
