"""Companies, the people who act for them, and the networks they are listed in."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F
from django.db.models.functions import Lower
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
    # Who may see each field group (see verbund.companies.visibility.GROUPS); missing keys take
    # the group's default.
    field_visibility = models.JSONField(_("visibility per section"), default=dict, blank=True)

    # Customer base. Empty/None means "not stated", never zero.
    customer_sectors = models.JSONField(_("customer sectors"), default=list, blank=True)
    customer_types = models.JSONField(
        _("customer types"), null=True, blank=True, help_text=_("Shares of B2B, B2C and B2G.")
    )
    customer_sizes = models.JSONField(_("customer sizes"), default=list, blank=True)
    customer_regions = models.JSONField(_("regions served"), default=list, blank=True)
    customer_count = models.PositiveIntegerField(_("number of customers"), null=True, blank=True)

    # Readiness for partnering.
    partnering_hours_per_month = models.PositiveSmallIntegerField(
        _("time for partnering (hours per month)"), null=True, blank=True
    )
    sponsor_name = models.CharField(_("sponsor at management level"), max_length=150, blank=True)
    sponsor_email = models.EmailField(_("sponsor's email"), blank=True)
    contact_name = models.CharField(_("contact at working level"), max_length=150, blank=True)
    contact_email = models.EmailField(_("contact's email"), blank=True)

    forms = models.JSONField(_("forms of cooperation"), default=list, blank=True)

    # Derived on every save by the services, for the directory: folded text of name, place,
    # description, offers and needs; and space-separated facet tokens (NACE codes with all their
    # ancestors, forms, goals) so that "NACE incl. children" is one indexed LIKE.
    search_text = models.TextField(editable=False, blank=True, default="")
    facets = models.TextField(editable=False, blank=True, default="")
    completeness = models.PositiveSmallIntegerField(_("completeness"), default=0, editable=False)
    # Directory order as fellow members see it: the folded name, or "~" for anonymous companies.
    sort_key = models.CharField(max_length=200, editable=False, blank=True, default="")
    # Employees as fellow members may see them, so that their size filter and sort can use an
    # index; -1 when unknown or hidden (not NULL: SQLite indexes can't say NULLS LAST, and -1
    # sorts last in a descending order by itself).
    public_employees = models.IntegerField(default=-1, editable=False)
    networks = models.ManyToManyField(
        Network, through="NetworkCompany", related_name="companies", verbose_name=_("networks")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("company")
        verbose_name_plural = _("companies")
        indexes = [
            models.Index(fields=["country", "employees"], name="company_country_size"),
            models.Index(fields=["lat", "lon"], name="company_place"),
            models.Index(fields=["sort_key", "id"], name="company_sort_key"),
            models.Index(Lower("name"), "id", name="company_lower_name"),
            models.Index(
                F("public_employees").desc(),
                "sort_key",
                "id",
                name="company_public_size",
            ),
            models.Index(F("created_at").desc(), F("id").desc(), name="company_newest"),
        ]

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

    EDITING_ROLES = (Role.OWNER, Role.MANAGER)

    @property
    def can_edit(self) -> bool:
        return self.role in self.EDITING_ROLES


class ProfileItem(models.Model):
    """What a company offers or needs: short title, free text in any of de/nl/en, NACE, keywords."""

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    nace_codes = models.JSONField(_("NACE codes"), default=list, blank=True)
    keywords = models.JSONField(_("keywords"), default=list, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        abstract = True
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.title


class Offer(ProfileItem):
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="offers")

    class Meta(ProfileItem.Meta):
        verbose_name = _("offer")
        verbose_name_plural = _("offers")


class Need(ProfileItem):
    class Priority(models.IntegerChoices):
        HIGH = 1, _("high")
        MEDIUM = 2, _("medium")
        LOW = 3, _("low")

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="needs")
    priority = models.PositiveSmallIntegerField(
        _("priority"), choices=Priority.choices, default=Priority.MEDIUM
    )

    class Meta(ProfileItem.Meta):
        verbose_name = _("need")
        verbose_name_plural = _("needs")


class Goal(models.Model):
    """A partnership goal from the goals catalogue, with optional target markets."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="goals")
    goal = models.CharField(_("goal"), max_length=40)
    priority = models.PositiveSmallIntegerField(
        _("priority"), default=2, validators=[MinValueValidator(1), MaxValueValidator(3)]
    )
    markets = models.JSONField(_("target markets"), default=list, blank=True)

    class Meta:
        ordering = ["priority", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["company", "goal"], name="goal_unique_per_company"),
        ]
        verbose_name = _("goal")
        verbose_name_plural = _("goals")

    def __str__(self) -> str:
        return self.goal


class AssessmentScore(models.Model):
    """Self-assessment on one catalogue dimension: 1 (weak) to 5 (strong), with a note."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="assessment")
    dimension = models.CharField(_("dimension"), max_length=40)
    score = models.PositiveSmallIntegerField(
        _("score"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["company", "dimension"], name="assessment_unique_dimension"
            ),
        ]
        verbose_name = _("self-assessment score")
        verbose_name_plural = _("self-assessment scores")

    def __str__(self) -> str:
        return f"{self.dimension}: {self.score}"


class ImportJob(models.Model):
    """A coordinator's profile import: validated first (dry run), then committed all or nothing.

    Errors are stored as codes with parameters and rendered in the reader's language.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting")
        VALIDATING = "validating", _("checking")
        INVALID = "invalid", _("has errors")
        VALID = "valid", _("checked, ready to import")
        RUNNING = "running", _("importing")
        DONE = "done", _("imported")
        FAILED = "failed", _("failed")

    class Format(models.TextChoices):
        JSONL = "jsonl", "JSON Lines"
        CSV = "csv", "CSV"
        XLSX = "xlsx", "Excel (XLSX)"

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="import_jobs")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    file = models.FileField(_("file"), upload_to="imports/%Y/%m/")
    file_name = models.CharField(_("file name"), max_length=255)
    format = models.CharField(_("format"), max_length=10, choices=Format.choices)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PENDING
    )
    total = models.PositiveIntegerField(_("records"), default=0)
    processed = models.PositiveIntegerField(_("processed"), default=0)
    # [{"line": 3, "field": "nace", "code": "nace_unknown", "params": {...}}, ...]
    errors = models.JSONField(default=list, blank=True)
    # {"created": n, "updated": n, "unchanged": n, "warnings": [...]}
    summary = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("profile import")
        verbose_name_plural = _("profile imports")

    def __str__(self) -> str:
        return f"{self.file_name} → {self.network} ({self.status})"

    @property
    def progress_percent(self) -> int:
        return round(100 * self.processed / self.total) if self.total else 0
