"""Companies, the people who act for them, and the networks they are listed in."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from verbund.tenancy.models import Network


class Company(models.Model):
    class RevenueBand(models.TextChoices):
        LT_250K = "lt_250k", _("under €250k")
        FROM_250K_TO_1M = "250k_1m", _("€250k – €1m")
        FROM_1M_TO_2M = "1m_2m", _("€1m – €2m")
        FROM_2M_TO_10M = "2m_10m", _("€2m – €10m")
        FROM_10M_TO_50M = "10m_50m", _("€10m – €50m")
        GT_50M = "gt_50m", _("over €50m")

    class Visibility(models.TextChoices):
        NETWORK = "network", _("Visible in the network")
        ANONYMOUS = "anonymous", _("Anonymous (coordinator mediates)")
        PRIVATE = "private", _("Private (not matchable)")

    name = models.CharField(_("name"), max_length=200)
    legal_form = models.CharField(_("legal form"), max_length=60, blank=True)
    registry_id = models.CharField(
        _("registry number"),
        max_length=100,
        blank=True,
        help_text=_("e.g. Handelsregister (HRB 1234 Münster) or KvK number"),
    )
    website = models.URLField(_("website"), blank=True)
    country = models.CharField(_("country"), max_length=2)
    postcode = models.CharField(_("postcode"), max_length=20, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    # Resolved offline from the gazetteer; empty when the place was not found.
    region = models.CharField(_("region"), max_length=10, blank=True)
    lat = models.FloatField(_("latitude"), null=True, blank=True)
    lon = models.FloatField(_("longitude"), null=True, blank=True)
    languages = models.JSONField(_("languages"), default=list, blank=True)
    employees = models.PositiveIntegerField(_("employees"), null=True, blank=True)
    revenue_band = models.CharField(
        _("revenue band"), max_length=10, choices=RevenueBand.choices, blank=True
    )
    founded = models.PositiveSmallIntegerField(
        _("founded"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1000), MaxValueValidator(2100)],
    )
    nace_codes = models.JSONField(_("NACE codes"), default=list, blank=True)
    description = models.TextField(_("description"), blank=True)
    visibility = models.CharField(
        _("visibility"), max_length=12, choices=Visibility.choices, default=Visibility.NETWORK
    )
    networks = models.ManyToManyField(
        Network, through="NetworkCompany", related_name="companies", verbose_name=_("networks")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("company")
        verbose_name_plural = _("companies")

    def __str__(self) -> str:
        return self.name


class NetworkCompany(models.Model):
    """A company listed in a network; ``external_id`` is the network's key for re-imports."""

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="listings")
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="listings")
    external_id = models.CharField(_("external ID"), max_length=100, blank=True)
    created_at = models.DateTimeField(_("listed since"), auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["network", "company"], name="listing_unique_company"),
            models.UniqueConstraint(
                fields=["network", "external_id"],
                condition=~models.Q(external_id=""),
                name="listing_unique_external_id",
            ),
        ]
        verbose_name = _("network listing")
        verbose_name_plural = _("network listings")

    def __str__(self) -> str:
        return f"{self.company} in {self.network}"


class CompanyMember(models.Model):
    class Role(models.TextChoices):
        OWNER = "owner", _("Owner")
        MANAGER = "manager", _("Manager")
        STAFF = "staff", _("Staff")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="company_memberships"
    )
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="members")
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.STAFF)
    created_at = models.DateTimeField(_("joined"), auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "company"], name="company_member_unique_user"),
        ]
        verbose_name = _("company member")
        verbose_name_plural = _("company members")

    def __str__(self) -> str:
        return f"{self.user} @ {self.company} ({self.role})"

    @property
    def can_edit(self) -> bool:
        return self.role in (self.Role.OWNER, self.Role.MANAGER)
