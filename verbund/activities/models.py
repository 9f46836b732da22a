"""What partners record together: joint activities, shared costs and settlements, shared contacts.
(The client's feedback on a referral lives with the referral, in ``verbund.referrals``.)

Every row belongs to one partnership; reads go through ``selectors`` (parties and the network's
coordination only), writes through ``services``.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from verbund.activities import kinds


class JointActivity(models.Model):
    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.CASCADE, related_name="activities"
    )
    kind = models.CharField(_("kind"), max_length=30, choices=kinds.activity_kind_choices())
    title = models.CharField(_("title"), max_length=200)
    starts_at = models.DateTimeField(_("date and time"))
    duration_minutes = models.PositiveIntegerField(_("duration (minutes)"), default=60)
    location = models.CharField(_("place"), max_length=200, blank=True)
    initiator = models.ForeignKey(
        "companies.Company",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("initiated by"),
    )
    participants = models.ManyToManyField(
        "companies.Company", related_name="+", verbose_name=_("companies taking part")
    )
    people = models.CharField(_("people taking part"), max_length=500, blank=True)
    leads = models.PositiveIntegerField(_("leads"), default=0)
    projects_won = models.PositiveIntegerField(_("projects won"), default=0)
    revenue_sourced = models.DecimalField(
        _("revenue sourced (EUR)"), max_digits=12, decimal_places=2, default=0
    )
    revenue_influenced = models.DecimalField(
        _("revenue influenced (EUR)"), max_digits=12, decimal_places=2, default=0
    )
    notes = models.TextField(_("notes"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        ordering = ["-starts_at", "-pk"]
        verbose_name = _("joint activity")
        verbose_name_plural = _("joint activities")
        indexes = [models.Index(fields=["partnership", "-starts_at"], name="activity_partnership")]
        constraints = [
            models.CheckConstraint(
                condition=Q(revenue_sourced__gte=0) & Q(revenue_influenced__gte=0),
                name="activity_revenue_not_negative",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_meeting(self) -> bool:
        return self.kind in kinds.MEETING_KINDS


def receipt_path(instance: CostItem, filename: str) -> str:
    # Under MEDIA_ROOT (var/media/); never served directly, only through the access-checked view.
    return f"receipts/{instance.partnership_id}/{filename}"


class CostItem(models.Model):
    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.CASCADE, related_name="cost_items"
    )
    activity = models.ForeignKey(
        JointActivity,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="cost_items",
        verbose_name=_("activity"),
    )
    paid_by = models.ForeignKey(
        "companies.Company", on_delete=models.CASCADE, related_name="+", verbose_name=_("paid by")
    )
    amount = models.DecimalField(_("amount (EUR)"), max_digits=12, decimal_places=2)
    spent_on = models.DateField(_("date"))
    description = models.CharField(_("what for"), max_length=200)
    # The split that applied when the cost was entered, {company id: percent}: a later agreement
    # version must not change what was already shared under the earlier one.
    shares = models.JSONField(_("split"))
    shares_overridden = models.BooleanField(_("own split for this item"), default=False)
    receipt = models.FileField(_("receipt"), upload_to=receipt_path, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        ordering = ["-spent_on", "-pk"]
        verbose_name = _("cost item")
        verbose_name_plural = _("cost items")
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="cost_amount_positive")
        ]

    def __str__(self) -> str:
        return f"{self.description}: {self.amount} EUR"


class Settlement(models.Model):
    """A payment between two parties that evens out the shared costs."""

    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.CASCADE, related_name="settlements"
    )
    payer = models.ForeignKey(
        "companies.Company", on_delete=models.CASCADE, related_name="+", verbose_name=_("payer")
    )
    payee = models.ForeignKey(
        "companies.Company", on_delete=models.CASCADE, related_name="+", verbose_name=_("payee")
    )
    amount = models.DecimalField(_("amount (EUR)"), max_digits=12, decimal_places=2)
    paid_on = models.DateField(_("date"))
    note = models.CharField(_("note"), max_length=200, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        ordering = ["-paid_on", "-pk"]
        verbose_name = _("settlement")
        verbose_name_plural = _("settlements")
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="settlement_amount_positive"),
            models.CheckConstraint(
                condition=~Q(payer=models.F("payee")), name="settlement_not_to_oneself"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.payer} → {self.payee}: {self.amount} EUR"


class SharedContact(models.Model):
    """One contact a party brought into the partnership's shared list, with its consent."""

    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.CASCADE, related_name="shared_contacts"
    )
    owner = models.ForeignKey(
        "companies.Company",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("brought by"),
    )
    email = models.EmailField(_("email"), blank=True)
    name = models.CharField(_("name"), max_length=200, blank=True)
    company_name = models.CharField(_("company"), max_length=200, blank=True)
    consent_source = models.CharField(_("consent given where"), max_length=200)
    consent_given_on = models.DateField(_("consent given on"))
    consent_purposes = models.JSONField(_("consent covers"), default=list)
    consent_valid_until = models.DateField(_("consent valid until"), null=True, blank=True)
    share_with_partners = models.BooleanField(_("agreed to be shared with partners"), default=False)
    # contacts.Contact.key: the normalised e-mail or company, for duplicates across partners.
    match_key = models.CharField(max_length=300, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        ordering = ["owner_id", "pk"]
        verbose_name = _("shared contact")
        verbose_name_plural = _("shared contacts")
        indexes = [models.Index(fields=["partnership", "match_key"], name="contact_match")]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "owner", "match_key"], name="contact_once_per_owner"
            )
        ]

    def __str__(self) -> str:
        return self.email or self.company_name or self.name
