from django.urls import path

from . import views

app_name = "risks"
urlpatterns = [
    path("", views.index, name="index"),
    path("<int:pk>/", views.risk_detail, name="risk"),
    path("<int:pk>/review/", views.risk_review, name="review"),
    path("<int:pk>/escalate/", views.escalation_request, name="escalation_request"),
    path("actions/<int:pk>/", views.action_update, name="action_update"),
    path("escalations/<int:pk>/decide/", views.escalation_decide, name="escalation_decide"),
]
