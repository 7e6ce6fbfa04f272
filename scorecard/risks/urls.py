from django.urls import path

from . import views, views_settings

app_name = "risks"
urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.risk_create, name="risk_create"),
    path("<int:pk>/", views.risk_detail, name="risk"),
    path("<int:pk>/change/", views.risk_edit, name="risk_edit"),
    path("<int:pk>/close/", views.risk_close, name="risk_close"),
    path("<int:pk>/review/", views.risk_review, name="review"),
    path("<int:pk>/escalate/", views.escalation_request, name="escalation_request"),
    path("<int:pk>/controls/new/", views.control_create, name="control_create"),
    path("<int:pk>/actions/new/", views.action_create, name="action_create"),
    path("<int:pk>/indicators/link/", views.indicator_link, name="indicator_link"),
    path("indicator-links/<int:pk>/unlink/", views.indicator_unlink, name="indicator_unlink"),
    path("controls/<int:pk>/change/", views.control_edit, name="control_edit"),
    path("actions/<int:pk>/", views.action_update, name="action_update"),
    path("escalations/<int:pk>/decide/", views.escalation_decide, name="escalation_decide"),
    # Risk settings: administrators only.
    path("registers/", views_settings.registers, name="registers"),
    path("registers/new/", views_settings.register_create, name="register_create"),
    path("registers/<int:pk>/change/", views_settings.register_edit, name="register_edit"),
    path("areas/", views_settings.areas, name="areas"),
    path("areas/new/", views_settings.area_create, name="area_create"),
    path("areas/<int:pk>/change/", views_settings.area_edit, name="area_edit"),
    path("categories/", views_settings.categories, name="categories"),
    path("categories/new/", views_settings.category_create, name="category_create"),
    path("categories/<int:pk>/change/", views_settings.category_edit, name="category_edit"),
    path("appetite/", views_settings.appetite, name="appetite"),
    path("matrix/", views_settings.matrix, name="matrix"),
    path("matrix/presets/", views_settings.matrix_preset, name="matrix_preset"),
    path(
        "matrix/levels/<int:pk>/change/", views_settings.matrix_level_edit, name="matrix_level_edit"
    ),
    path("matrix/bands/<int:pk>/change/", views_settings.matrix_band_edit, name="matrix_band_edit"),
    path(
        "matrix/cells/<int:likelihood>/<int:impact>/change/",
        views_settings.matrix_cell_edit,
        name="matrix_cell_edit",
    ),
]
