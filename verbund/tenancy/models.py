"""Networks (an operator's space) and who belongs to them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Network(models.Model):
    class Kind(models.TextChoices):
        CHAMBER = "chamber", _("Chamber")
        ASSOCIATION = "association", _("Association")
        CLUSTER = "cluster", _("Cluster")
        PROGRAMME = "programme", _("Programme")
        REFERRAL_GROUP_ORGANISATION = (
            "referral_group_organisation",
            _("Referral group organisation"),
        )
        OPEN = "open", _("Open network")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name"), max_length=60, unique=True)
    kind = models.CharField(_("kind"), max_length=40, choices=Kind.choices, default=Kind.OPEN)
    description = models.TextField(_("description"), blank=True)
    # Languages and countries the network works in (ISO codes), e.g. ["de", "nl"], ["DE", "NL"].
    languages = models.JSONField(_("languages"), default=list, blank=True)
    countries = models.JSONField(_("countries"), default=list, blank=True)
    anonymous_contacts = models.BooleanField(
        _("coordinator mediates first contacts"),
        default=False,
        help_text=_("Members see each other anonymously until the coordinator forwards a contact."),
    )
    # Catalogue switches and thresholds that later capabilities read; keys are documented where
    # they are used so that a network can override any default.
    settings = models.JSONField(_("settings"), default=dict, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("network")
        verbose_name_plural = _("networks")

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    class Role(models.TextChoices):
        COORDINATOR = "coordinator", _("Coordinator")
        MEMBER = "member", _("Member")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    created_at = models.DateTimeField(_("joined"), auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "network"], name="membership_unique_user"),
        ]
        verbose_name = _("network membership")
        verbose_name_plural = _("network memberships")

    def __str__(self) -> str:
        return f"{self.user} @ {self.network} ({self.role})"

    @property
    def is_coordinator(self) -> bool:
        return self.role == self.Role.COORDINATOR
