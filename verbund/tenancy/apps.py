from django.apps import AppConfig


class TenancyConfig(AppConfig):
    name = "verbund.tenancy"
    label = "tenancy"
