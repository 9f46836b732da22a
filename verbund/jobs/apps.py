from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "verbund.jobs"
    label = "jobs"
