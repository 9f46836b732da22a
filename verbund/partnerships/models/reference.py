"""A reference as a partner: a third company tells how working with the candidate was."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from verbund.companies.models import Company
from verbund.tenancy.models import Network


class ReferenceRequest(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Asked")
        ANSWERED = "answered", _("Answered")
        DECLINED = "declined", _("Declined")

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="+")
    requester = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="+")
    candidate = models.ForeignKey(
        Company, on_delete=models.CASCADE, related_name="references_about"
    )
    referee = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="references_asked")
    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.CASCADE, related_name="reference_requests"
    )
    question = models.TextField(_("question"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    answer = models.TextField(_("reference"), blank=True)
    rating = models.PositiveSmallIntegerField(_("rating"), null=True, blank=True)
    # Backed by a recorded partnership between referee and candidate when answered.
    verified = models.BooleanField(_("verified"), default=False)
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    created_at = models.DateTimeField(_("asked"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("reference request")
        verbose_name_plural = _("reference requests")

    def __str__(self) -> str:
        return f"{self.referee} about {self.candidate}"
