from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "verbund.api"
    label = "api"
