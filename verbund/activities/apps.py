from django.apps import AppConfig


class ActivitiesConfig(AppConfig):
    name = "verbund.activities"
    label = "activities"

    def ready(self) -> None:
        # Notification kinds register themselves on import.
        from verbund.activities import notifications  # noqa: F401
