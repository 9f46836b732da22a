from django.apps import AppConfig


class GroupsConfig(AppConfig):
    name = "verbund.groups"
    label = "groups"
