from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "verbund.notifications"
    label = "notifications"
