"""What the partnerships app tells people: one kind per step that waits on someone."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from verbund.notifications.kinds import NotificationKind, register

CONTACT_RECEIVED = register(
    NotificationKind(
        key="partnerships.contact_received",
        title=_("Contact request from %(sender)s"),
        body=_(
            "%(sender)s proposes to work together on “%(about)s”. Please accept, decline or ask a "
            "question."
        ),
    )
)
CONTACT_MEDIATION = register(
    NotificationKind(
        key="partnerships.contact_mediation",
        title=_("A contact request waits to be forwarded"),
        body=_(
            "%(sender)s wrote to %(recipient)s. In this network the coordination forwards first "
            "contacts."
        ),
    )
)
CONTACT_ACCEPTED = register(
    NotificationKind(
        key="partnerships.contact_accepted",
        title=_("%(recipient)s accepted your contact request"),
        body=_("The partnership is now in the stage “contacted”. Agree the first step."),
    )
)
CONTACT_DECLINED = register(
    NotificationKind(
        key="partnerships.contact_declined",
        title=_("%(recipient)s declined your contact request"),
        body=_("Reason: %(reason)s"),
    )
)
CONTACT_MESSAGE = register(
    NotificationKind(
        key="partnerships.contact_message",
        title=_("New message from %(sender)s about a contact request"),
        body=_("%(text)s"),
    )
)
CONTACT_REMINDER = register(
    NotificationKind(
        key="partnerships.contact_reminder",
        title=_("A contact request has waited %(days)s days for an answer"),
        body=_("%(sender)s is waiting for your answer. A short “no, because …” helps too."),
    )
)
PARTNERSHIP_IDENTIFIED = register(
    NotificationKind(
        key="partnerships.identified",
        title=_("Mutual interest with %(partner)s"),
        body=_(
            "You and %(partner)s are both interested in working together. Send a contact request "
            "to take the first step."
        ),
    )
)
STAGE_CHANGED = register(
    NotificationKind(
        key="partnerships.stage_changed",
        title=_("Partnership with %(partner)s: now “%(stage)s”"),
        body=_("%(reason)s"),
    )
)
AGREEMENT_TO_CONFIRM = register(
    NotificationKind(
        key="partnerships.agreement_to_confirm",
        title=_("Agreement version %(number)s waits for your confirmation"),
        body=_(
            "%(author)s wrote version %(number)s of the agreement with you. It becomes active "
            "once every partner has confirmed it."
        ),
    )
)
AGREEMENT_ACTIVE = register(
    NotificationKind(
        key="partnerships.agreement_active",
        title=_("Agreement version %(number)s is active"),
        body=_(
            "Every partner has confirmed version %(number)s. The first review is due on %(due)s."
        ),
    )
)
REVIEW_WAITING = register(
    NotificationKind(
        key="partnerships.review_waiting",
        title=_("%(company)s submitted review %(number)s"),
        body=_("The scores stay hidden until you have submitted yours, too."),
    )
)
REVIEW_REVEALED = register(
    NotificationKind(
        key="partnerships.review_revealed",
        title=_("Review %(number)s: all scores are in"),
        body=_("Every partner has submitted. Compare the scores and agree the next actions."),
    )
)
REVIEW_OVERDUE = register(
    NotificationKind(
        key="partnerships.review_overdue",
        title=_("Review %(number)s is overdue"),
        body=_("The review with %(partner)s was due on %(due)s. Please submit your scores."),
    )
)
REFERENCE_ASKED = register(
    NotificationKind(
        key="partnerships.reference_asked",
        title=_("%(requester)s asks you for a reference about %(candidate)s"),
        body=_("%(question)s"),
    )
)
REFERENCE_ANSWERED = register(
    NotificationKind(
        key="partnerships.reference_answered",
        title=_("%(referee)s answered your reference request about %(candidate)s"),
    )
)
