"""Partnerships and everything on their path: contact requests, stages, agreements, reviews,
references. One module per noun; import the models from here."""

from verbund.partnerships.models.agreement import AgreementConfirmation, AgreementVersion
from verbund.partnerships.models.contact import ContactMessage, ContactRequest
from verbund.partnerships.models.partnership import (
    ChecklistItem,
    Partnership,
    PartnershipParty,
    Stage,
    StageChange,
)
from verbund.partnerships.models.reference import ReferenceRequest
from verbund.partnerships.models.review import ActionItem, KpiActual, Review, ReviewSubmission

__all__ = [
    "ActionItem",
    "AgreementConfirmation",
    "AgreementVersion",
    "ChecklistItem",
    "ContactMessage",
    "ContactRequest",
    "KpiActual",
    "Partnership",
    "PartnershipParty",
    "ReferenceRequest",
    "Review",
    "ReviewSubmission",
    "Stage",
    "StageChange",
]
