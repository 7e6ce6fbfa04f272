from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "scorecard.notifications"
    label = "notifications"
    verbose_name = "Notifications"
