"""What the activities app tells people."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from verbund.notifications.kinds import NotificationKind, register

COST_RECORDED = register(
    NotificationKind(
        key="activities.cost_recorded",
        title=_("%(payer)s recorded a shared cost: %(amount)s"),
        body=_("%(payer)s paid %(amount)s for “%(description)s”; your share is %(share)s."),
    )
)
SETTLEMENT_RECORDED = register(
    NotificationKind(
        key="activities.settlement_recorded",
        title=_("Settlement recorded: %(amount)s"),
        body=_("%(payer)s paid %(amount)s to %(payee)s to settle the shared costs."),
    )
)
ACTIVITY_RECORDED = register(
    NotificationKind(
        key="activities.activity_recorded",
        title=_("New joint activity: %(title)s"),
        body=_("%(company)s recorded “%(title)s” (%(kind)s) on %(date)s."),
    )
)
