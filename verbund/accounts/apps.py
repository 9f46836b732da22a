from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "verbund.accounts"
    label = "accounts"
