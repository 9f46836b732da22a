from django.apps import AppConfig


class HealthConfig(AppConfig):
    name = "verbund.health"
    label = "health"

    def ready(self) -> None:
        # Notification kinds register on import; the receivers pass recorded changes on to the
        # incremental recompute (services.health_note_change).
        from verbund.health import notices, receivers

        receivers.connect()
        del notices
