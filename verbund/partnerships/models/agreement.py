"""Versioned agreements: every change is a new version; a version is active only when every
party confirmed it."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from verbund.companies.models import Company


class AgreementVersion(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        ACTIVE = "active", _("Active")
        # Replaced: a later version was drafted (draft) or became active (active).
        SUPERSEDED = "superseded", _("Replaced")

    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.CASCADE, related_name="agreement_versions"
    )
    number = models.PositiveIntegerField(_("version"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    # The agreed terms as one document (see agreement_terms.FIELDS): versions are compared and
    # rendered as a whole, and a version never changes after it was written.
    terms = models.JSONField(_("terms"))
    change_note = models.TextField(_("what changed and why"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_by_company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(_("written"), auto_now_add=True)
    activated_at = models.DateTimeField(_("active since"), null=True, blank=True)

    class Meta:
        ordering = ["partnership", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "number"], name="agreement_unique_number"
            ),
            models.UniqueConstraint(
                fields=["partnership"],
                condition=models.Q(status="active"),
                name="agreement_one_active",
            ),
        ]
        verbose_name = _("agreement version")
        verbose_name_plural = _("agreement versions")

    def __str__(self) -> str:
        return f"{_('Agreement')} v{self.number}"


class AgreementConfirmation(models.Model):
    version = models.ForeignKey(
        AgreementVersion, on_delete=models.CASCADE, related_name="confirmations"
    )
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="+")
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    confirmed_at = models.DateTimeField(_("confirmed"), auto_now_add=True)

    class Meta:
        ordering = ["confirmed_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["version", "company"], name="confirmation_unique")
        ]
        verbose_name = _("confirmation")
        verbose_name_plural = _("confirmations")

    def __str__(self) -> str:
        return f"{self.company} ✓ {self.version}"
