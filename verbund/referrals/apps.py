from django.apps import AppConfig


class ReferralsConfig(AppConfig):
    name = "verbund.referrals"
    label = "referrals"

    def ready(self) -> None:
        # Notification kinds register themselves on import.
        from verbund.referrals import notifications  # noqa: F401
