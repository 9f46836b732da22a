"""The activities' catalogues as data: kinds of joint activity and purposes of contact consent.

Keys are stable (stored in the database and in CSV files); labels are translated. Kept in this app
rather than in ``data/catalogues.toml`` because only this app reads them.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

# Kind key → (label, counts as a campaign for the ``joint_campaigns`` KPI, is a meeting).
ACTIVITY_KINDS: dict[str, tuple] = {
    "mailing": (_("Campaign: mailing"), True, False),
    "event": (_("Campaign: event"), True, False),
    "trade_fair": (_("Campaign: trade fair"), True, False),
    "webinar": (_("Campaign: webinar"), True, False),
    "cross_promotion": (_("Campaign: cross-promotion"), True, False),
    "joint_project": (_("Joint project"), False, False),
    "joint_bid": (_("Joint bid"), False, False),
    "know_how_exchange": (_("Know-how exchange"), False, False),
    "management_meeting": (_("Meeting at management level"), False, True),
    "working_meeting": (_("Meeting at working level"), False, True),
    "training": (_("Training"), False, False),
}
CAMPAIGN_KINDS = tuple(key for key, (_label, campaign, _m) in ACTIVITY_KINDS.items() if campaign)
MEETING_KINDS = tuple(key for key, (_label, _c, meeting) in ACTIVITY_KINDS.items() if meeting)

# What a contact agreed to be contacted for.
CONSENT_PURPOSES: dict[str, object] = {
    "newsletter": _("Newsletter"),
    "event_invitation": _("Event invitation"),
    "joint_offer": _("Joint offer"),
    "survey": _("Survey"),
}


def activity_kind_choices() -> list[tuple[str, object]]:
    return [(key, label) for key, (label, _c, _m) in ACTIVITY_KINDS.items()]


def purpose_choices() -> list[tuple[str, object]]:
    return list(CONSENT_PURPOSES.items())
