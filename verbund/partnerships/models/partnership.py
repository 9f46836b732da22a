"""A partnership: its parties, its place on the stage path, every change, its checklists."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from verbund.companies.models import Company
from verbund.tenancy.models import Network


class Stage(models.TextChoices):
    IDENTIFIED = "identified", _("Identified")
    CONTACTED = "contacted", _("Contacted")
    EXPLORING = "exploring", _("Exploring")
    PILOT = "pilot", _("Pilot")
    AGREED = "agreed", _("Agreed")
    STRATEGIC = "strategic", _("Strategic")
    PAUSED = "paused", _("Paused")
    ENDED = "ended", _("Ended")


# The path a partnership walks, in order; paused and ended are off the path.
PATH = [
    Stage.IDENTIFIED,
    Stage.CONTACTED,
    Stage.EXPLORING,
    Stage.PILOT,
    Stage.AGREED,
    Stage.STRATEGIC,
]


class Partnership(models.Model):
    class Origin(models.TextChoices):
        SUGGESTION = "suggestion", _("Partner suggestion")
        DIRECT = "direct", _("Direct contact")
        COORDINATOR = "coordinator", _("Arranged by the coordination")
        MUTUAL_INTEREST = "mutual_interest", _("Mutual interest")
        REFERRAL_GROUP = "referral_group", _("Referral flow in a referral group")

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="partnerships")
    form = models.CharField(_("form of cooperation"), max_length=60)
    stage = models.CharField(_("stage"), max_length=12, choices=Stage.choices)
    origin = models.CharField(_("origin"), max_length=20, choices=Origin.choices)
    ended_reason = models.TextField(_("reason for ending"), blank=True)
    # When the partnership first reached `agreed`: the clock for `strategic` starts there.
    agreed_at = models.DateTimeField(_("agreed since"), null=True, blank=True)
    stage_changed_at = models.DateTimeField(_("stage changed"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    companies = models.ManyToManyField(
        Company, through="PartnershipParty", related_name="partnerships"
    )

    class Meta:
        ordering = ["-stage_changed_at", "-pk"]
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")
        indexes = [models.Index(fields=["network", "stage"], name="partnership_network_stage")]

    def __str__(self) -> str:
        return f"{_('Partnership')} {self.pk}"

    @property
    def is_open(self) -> bool:
        return self.stage != Stage.ENDED


class PartnershipParty(models.Model):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="parties")
    company = models.ForeignKey(
        Company, on_delete=models.CASCADE, related_name="partnership_parties"
    )
    # What this company does in the partnership ("Lead contractor", "Installation"); in a
    # project group the leader assigns the roles.
    role = models.CharField(_("role"), max_length=120, blank=True)
    is_leader = models.BooleanField(_("leads the group"), default=False)
    joined_at = models.DateTimeField(_("joined"), auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "company"], name="party_unique_company")
        ]
        verbose_name = _("party")
        verbose_name_plural = _("parties")

    def __str__(self) -> str:
        return f"{self.company} in {self.partnership}"


class StageChange(models.Model):
    """One step on the path, with who, when, why and which checklist items were left open."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="stage_changes"
    )
    from_stage = models.CharField(_("from stage"), max_length=12, choices=Stage.choices, blank=True)
    to_stage = models.CharField(_("to stage"), max_length=12, choices=Stage.choices)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    company = models.ForeignKey(
        Company, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reason = models.TextField(_("reason"), blank=True)
    # Checklist item keys (of the stages left behind) still open at the moment of the change.
    open_items = models.JSONField(_("open checklist items"), default=list, blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("stage change")
        verbose_name_plural = _("stage changes")

    def __str__(self) -> str:
        return f"{self.from_stage or '–'} → {self.to_stage}"


class ChecklistItem(models.Model):
    """A to-do of one stage, copied from the form's template when the partnership starts."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="checklist")
    stage = models.CharField(_("stage"), max_length=12, choices=Stage.choices)
    key = models.CharField(_("item"), max_length=60)
    position = models.PositiveSmallIntegerField(default=0)
    done_at = models.DateTimeField(_("done"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "stage", "key"], name="checklist_unique_item"
            )
        ]
        verbose_name = _("checklist item")
        verbose_name_plural = _("checklist items")

    def __str__(self) -> str:
        return f"{self.stage}: {self.key}"

    @property
    def is_done(self) -> bool:
        return self.done_at is not None
