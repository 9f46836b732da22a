"""What the groups app tells people."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from verbund.notifications.kinds import NotificationKind, register

PARTNERSHIP_FROM_REFERRALS = register(
    NotificationKind(
        key="groups.partnership_from_referrals",
        title=_("%(company)s made your referral flow a partnership"),
        body=_(
            "You and %(company)s refer clients to each other steadily in the group %(group)s. "
            "%(company)s recorded this as a referral partnership; it is now in the stage "
            "“contacted”."
        ),
    )
)
