from django.apps import AppConfig


class CompaniesConfig(AppConfig):
    name = "verbund.companies"
    label = "companies"
