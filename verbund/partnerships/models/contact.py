"""A first contact that says something, and the messages exchanged about it."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from verbund.companies.models import Company, Need, Offer
from verbund.tenancy.models import Network


class ContactRequest(models.Model):
    class Status(models.TextChoices):
        # In an anonymous network the coordinator reads the request first and forwards it.
        MEDIATION = "mediation", _("Waiting for the coordination")
        PENDING = "pending", _("Waiting for an answer")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    class About(models.TextChoices):
        OFFER = "offer", _("an offer")
        NEED = "need", _("a need")

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="contact_requests")
    sender = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="requests_sent")
    recipient = models.ForeignKey(
        Company, on_delete=models.CASCADE, related_name="requests_received"
    )
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    about_kind = models.CharField(_("about"), max_length=5, choices=About.choices)
    about_offer = models.ForeignKey(
        Offer, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    about_need = models.ForeignKey(
        Need, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # The item's title when the request was sent: the profile may change, the request may not.
    about_title = models.CharField(_("about"), max_length=200)
    brings = models.TextField(_("what we bring"))
    form = models.CharField(_("proposed form"), max_length=60)
    first_step = models.TextField(_("first step"))
    origin = models.CharField(_("origin"), max_length=20, default="direct")
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    decline_reason = models.TextField(_("reason"), blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    forwarded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # When the coordinator passed a mediated request on: the recipient's wait starts here.
    forwarded_at = models.DateTimeField(_("forwarded"), null=True, blank=True)
    # The recipient's first answer of any kind: accepted, declined or a message in the thread
    # (a question back is an answer too). Kept on the row so that partnership health reads it
    # as one column, not as a subquery over the messages of every request.
    first_answer_at = models.DateTimeField(_("first answer"), null=True, blank=True)
    # Set when the "still unanswered" reminder went out, so the reminder goes out once.
    reminded_at = models.DateTimeField(null=True, blank=True)
    partnership = models.ForeignKey(
        "partnerships.Partnership",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contact_requests",
    )
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("contact request")
        verbose_name_plural = _("contact requests")
        indexes = [
            models.Index(fields=["sender", "network", "created_at"], name="contact_sender_week"),
            models.Index(fields=["status", "created_at"], name="contact_status_age"),
        ]

    def __str__(self) -> str:
        return f"{self.sender} → {self.recipient}"

    @property
    def is_open(self) -> bool:
        return self.status in (self.Status.MEDIATION, self.Status.PENDING)


class ContactMessage(models.Model):
    """A question or answer in the thread of a contact request."""

    request = models.ForeignKey(ContactRequest, on_delete=models.CASCADE, related_name="messages")
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="+")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    text = models.TextField(_("message"))
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("message")
        verbose_name_plural = _("messages")

    def __str__(self) -> str:
        return self.text[:60]
