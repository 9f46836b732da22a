"""What the health app tells people: one kind per alert kind, so that the title names the
warning in the reader's language whenever the notification is shown."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from verbund.notifications.kinds import NotificationKind, register

_TITLES = {
    "one_way_street": _(
        "Early warning: the partnership with %(partner)s is becoming a one-way street"
    ),
    "empty_partnership": _("Early warning: the partnership with %(partner)s is going quiet"),
    "unanswered_referral": _(
        "Early warning: referrals wait for an answer (partnership with %(partner)s)"
    ),
    "perception_gap": _("Early warning: you and %(partner)s see the partnership differently"),
    "kpi_shortfall": _("Early warning: an agreed KPI with %(partner)s is behind"),
    "review_overdue": _("Early warning: the review with %(partner)s is overdue"),
    "stalled_stage": _("Early warning: the partnership with %(partner)s is stuck in its stage"),
    "unsettled_costs": _("Early warning: shared costs with %(partner)s are not settled"),
    "declining_trust": _("Early warning: trust in the partnership with %(partner)s is falling"),
    "poor_service_feedback": _(
        "Early warning: clients rate the service poorly (partnership with %(partner)s)"
    ),
    "unanswered_contact_request": _(
        "Early warning: a contact request waits for an answer (%(partner)s)"
    ),
}

BODY = _(
    "Open the partnership to see the evidence and the suggested next step. Acknowledge the "
    "warning there once you have taken it up."
)

ALERT_OPENED = {
    kind: register(NotificationKind(key=f"health.{kind}", title=title, body=BODY))
    for kind, title in _TITLES.items()
}
