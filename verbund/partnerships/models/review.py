"""Reviews at the agreed cadence: independent scores per party, KPI actuals, action items."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from verbund.companies.models import Company


class Review(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        COMPLETED = "completed", _("Completed")

    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.CASCADE, related_name="reviews"
    )
    agreement_version = models.ForeignKey(
        "partnerships.AgreementVersion", on_delete=models.PROTECT, related_name="reviews"
    )
    number = models.PositiveIntegerField(_("review"))
    due_date = models.DateField(_("due"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["partnership", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "number"], name="review_unique_number")
        ]
        indexes = [models.Index(fields=["status", "due_date"], name="review_status_due")]
        verbose_name = _("review")
        verbose_name_plural = _("reviews")

    def __str__(self) -> str:
        return f"{_('Review')} {self.number}"


class ReviewSubmission(models.Model):
    """One party's scores; hidden from the other parties until every party has submitted."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="submissions")
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="+")
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # {factor key: {"score": 1..5, "comment": "…"}} for every factor of the agreement.
    scores = models.JSONField(_("scores"))
    submitted_at = models.DateTimeField(_("submitted"), auto_now_add=True)

    class Meta:
        ordering = ["submitted_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["review", "company"], name="submission_unique_party")
        ]
        verbose_name = _("review submission")
        verbose_name_plural = _("review submissions")

    def __str__(self) -> str:
        return f"{self.company} in {self.review}"


class KpiActual(models.Model):
    """What a KPI reached in the review's period, beside its target: saved by the partners, whose
    form is pre-filled from recorded activity (``activities.selectors.review_kpi_prefill``)."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="kpi_actuals")
    position = models.PositiveSmallIntegerField()  # index of the KPI in the agreement's terms
    actual = models.DecimalField(_("actual"), max_digits=14, decimal_places=2)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    entered_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["review", "position"], name="kpi_actual_unique")
        ]

    def __str__(self) -> str:
        return f"KPI {self.position}: {self.actual}"


class ActionItem(models.Model):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="action_items")
    text = models.CharField(_("action"), max_length=300)
    owner = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="+")
    due_date = models.DateField(_("due"))
    done_at = models.DateTimeField(_("done"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = _("action item")
        verbose_name_plural = _("action items")

    def __str__(self) -> str:
        return self.text
