"""Writes for partnerships, one module per noun; every public service is re-exported here."""

from verbund.partnerships.services.agreement import (
    agreement_confirm,
    agreement_draft,
    agreement_terms_check,
    initial_terms,
    review_open_next,
)
from verbund.partnerships.services.contact import (
    contact_message_add,
    contact_request_accept,
    contact_request_decline,
    contact_request_forward,
    contact_request_send,
)
from verbund.partnerships.services.partnership import (
    checklist_item_set,
    partnership_create,
    partnership_create_from_mutual_interest,
    partnership_move,
    party_add,
    party_set_role,
    party_take_lead,
)
from verbund.partnerships.services.reference import (
    reference_answer,
    reference_decline,
    reference_request_create,
)
from verbund.partnerships.services.reminders import reminders_send
from verbund.partnerships.services.review import (
    action_item_add,
    action_item_set_done,
    kpi_actual_set,
    review_submit,
)

__all__ = [
    "action_item_add",
    "action_item_set_done",
    "agreement_confirm",
    "agreement_draft",
    "agreement_terms_check",
    "checklist_item_set",
    "contact_message_add",
    "contact_request_accept",
    "contact_request_decline",
    "contact_request_forward",
    "contact_request_send",
    "initial_terms",
    "kpi_actual_set",
    "partnership_create",
    "partnership_create_from_mutual_interest",
    "partnership_move",
    "party_add",
    "party_set_role",
    "party_take_lead",
    "reference_answer",
    "reference_decline",
    "reference_request_create",
    "reminders_send",
    "review_open_next",
    "review_submit",
]
