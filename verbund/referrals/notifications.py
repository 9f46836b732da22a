"""What the referrals app tells people."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from verbund.notifications.kinds import NotificationKind, register

REFERRAL_RECEIVED = register(
    NotificationKind(
        key="referrals.received",
        title=_("New referral from %(referrer)s"),
        body=_("%(referrer)s passed you a client: %(client)s. Please answer within %(days)s days."),
    )
)
REFERRAL_STATUS_CHANGED = register(
    NotificationKind(
        key="referrals.status_changed",
        title=_("Your referral to %(receiver)s: %(status)s"),
        body=_("%(receiver)s moved your referral (%(client)s) from “%(from)s” to “%(status)s”."),
    )
)
REFERRAL_WON = register(
    NotificationKind(
        key="referrals.won",
        title=_("Thank you for closed business: %(value)s"),
        body=_("%(receiver)s won the business you referred (%(client)s) and credits you %(value)s."),
    )
)
