from django.apps import AppConfig


class PartnershipsConfig(AppConfig):
    name = "verbund.partnerships"
    label = "partnerships"

    def ready(self) -> None:
        # Matching announces mutual interest; the partnership it leads to is ours to create.
        from verbund.matching.signals import mutual_interest
        from verbund.partnerships import receivers

        mutual_interest.connect(receivers.on_mutual_interest, dispatch_uid="partnerships.mutual")
