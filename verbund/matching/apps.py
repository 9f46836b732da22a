from django.apps import AppConfig


class MatchingConfig(AppConfig):
    name = "verbund.matching"
    label = "matching"

    def ready(self) -> None:
        # Profile writes in the companies app announce themselves with a signal; the index
        # follows them (see receivers.py). Connecting here keeps companies free of matching.
        from verbund.matching import receivers

        receivers.connect()
