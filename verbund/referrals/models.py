"""Referrals: one company (and person) passes a client or lead to another.

One model serves partnerships and referral groups alike: ``group`` is set for a slip passed in a
referral group; a ``partnership`` link is added the same way (a nullable foreign key) once the
partnerships app is merged. Every status change is kept as a ``ReferralStatusChange`` row.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from verbund.referrals import flow


class Referral(models.Model):
    class Status(models.TextChoices):
        NEW = flow.NEW, _("new")
        CONTACTED = flow.CONTACTED, _("contacted")
        MEETING = flow.MEETING, _("meeting held")
        OFFER = flow.OFFER, _("offer made")
        WON = flow.WON, _("won")
        LOST = flow.LOST, _("lost")
        NO_FIT = flow.NO_FIT, _("no fit")

    network = models.ForeignKey(
        "tenancy.Network", on_delete=models.CASCADE, related_name="referrals"
    )
    # A referral outlives the group it was passed in: the business between the companies stays.
    # ``partnership`` joins here the same way (nullable foreign key to partnerships.Partnership).
    group = models.ForeignKey(
        "groups.Group",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="referrals",
        verbose_name=_("referral group"),
    )
    # Set when the referral is passed between parties of a partnership (activities app).
    partnership = models.ForeignKey(
        "partnerships.Partnership",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="referrals",
        verbose_name=_("partnership"),
    )
    referrer_company = models.ForeignKey(
        "companies.Company",
        on_delete=models.CASCADE,
        related_name="referrals_given",
        verbose_name=_("referring company"),
    )
    referrer_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("referred by"),
    )
    receiver_company = models.ForeignKey(
        "companies.Company",
        on_delete=models.CASCADE,
        related_name="referrals_received",
        verbose_name=_("receiving company"),
    )
    receiver_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("receiving person"),
    )

    # The client: a company in the network, or a third party described by name and contact.
    client_in_network = models.ForeignKey(
        "companies.Company",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("client (company in the network)"),
    )
    client_name = models.CharField(_("client's name"), max_length=200, blank=True)
    client_company = models.CharField(_("client's company"), max_length=200, blank=True)
    client_email = models.EmailField(_("client's email"), blank=True)
    client_phone = models.CharField(_("client's phone"), max_length=50, blank=True)
    # A client outside the network must have agreed to be contacted; who recorded it and when.
    consent_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("consent recorded by"),
    )
    consent_recorded_at = models.DateTimeField(_("consent recorded"), null=True, blank=True)

    need = models.TextField(_("what the client needs"))
    estimated_value = models.DecimalField(
        _("estimated value (EUR)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.NEW
    )
    closed_value = models.DecimalField(
        _("closed value (EUR)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("passed on"))
    # Fixed when the referral is passed on (network setting ``referral_answer_days``), so that
    # "overdue" is one indexed comparison whatever the network's setting is later.
    answer_due_at = models.DateTimeField(_("first answer due"))
    first_answer_at = models.DateTimeField(_("first answer"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")
        indexes = [
            models.Index(fields=["referrer_company", "-created_at"], name="referral_given"),
            models.Index(fields=["receiver_company", "-created_at"], name="referral_received"),
            models.Index(fields=["group", "-created_at"], name="referral_group"),
            models.Index(fields=["status", "answer_due_at"], name="referral_overdue"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(referrer_company=models.F("receiver_company")),
                name="referral_not_to_oneself",
            ),
            models.CheckConstraint(
                condition=Q(client_in_network__isnull=False) | Q(consent_recorded_at__isnull=False),
                name="referral_outside_client_consented",
            ),
            models.CheckConstraint(
                condition=Q(status=flow.WON) | Q(closed_value__isnull=True),
                name="referral_closed_value_only_when_won",
            ),
            models.CheckConstraint(
                condition=Q(estimated_value__isnull=True) | Q(estimated_value__gte=0),
                name="referral_estimate_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(closed_value__isnull=True) | Q(closed_value__gte=0),
                name="referral_closed_value_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.referrer_company} → {self.receiver_company}: {self.client_label}"

    @property
    def client_label(self) -> str:
        if self.client_in_network_id:
            return str(self.client_in_network)
        return " · ".join(part for part in (self.client_name, self.client_company) if part)

    @property
    def is_inside(self) -> bool:
        """The client is a company of the network (no consent needed), not a third party."""
        return self.client_in_network_id is not None

    @property
    def is_open(self) -> bool:
        return flow.is_open(self.status)


class ReferralStatusChange(models.Model):
    """One step of a referral's history: who moved it, when, from where to where, and why."""

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="history")
    from_status = models.CharField(_("from"), max_length=12, choices=Referral.Status.choices)
    to_status = models.CharField(_("to"), max_length=12, choices=Referral.Status.choices)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    changed_at = models.DateTimeField(_("changed"))
    note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        ordering = ["changed_at", "id"]
        verbose_name = _("referral status change")
        verbose_name_plural = _("referral status changes")

    def __str__(self) -> str:
        return f"{self.from_status} → {self.to_status}"


class ReferralFeedback(models.Model):
    """A single-use link for the client of a referral to rate the service received (1–5 and a
    comment), no account needed. Only a SHA-256 digest of the link's secret is stored, as for API
    tokens, so a database copy holds no working link. Asking again replaces an unanswered link
    (the old one expires at once); once answered, the referral has its rating."""

    referral = models.ForeignKey(
        Referral, on_delete=models.CASCADE, related_name="feedback_requests"
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    requested_at = models.DateTimeField(_("link created"))
    expires_at = models.DateTimeField(_("link expires"))
    rating = models.PositiveSmallIntegerField(
        _("rating"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    comment = models.TextField(_("comment"), blank=True)
    given_at = models.DateTimeField(_("rated"), null=True, blank=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("client feedback")
        verbose_name_plural = _("client feedback")
        constraints = [
            models.CheckConstraint(
                condition=Q(rating__isnull=True) | Q(rating__gte=1, rating__lte=5),
                name="feedback_rating_1_to_5",
            ),
            # A referral is rated once: at most one answered request per referral.
            models.UniqueConstraint(
                fields=["referral"],
                condition=Q(given_at__isnull=False),
                name="feedback_answered_once_per_referral",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.referral_id}: {self.rating or '–'}"
