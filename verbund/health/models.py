"""What the health of partnerships leaves in the database.

- ``PartnershipHealth``: one row per partnership — the running aggregates (the pure core's
  ``State`` as JSON, with the keys of the events folded into it), the current score, light,
  components and reasons.
- ``HealthSnapshot``: one row per partnership and day, so health can be drawn over time.
- ``HealthAlert``: early warnings with their lifecycle open → acknowledged → resolved.
- ``NetworkHealthSettings``: a network's overrides of the documented defaults
  (``verbund.health.params.HealthSettings``).

The scoring and the alert rules themselves are pure (``engine``, ``scoring``, ``alerts``); this
module only stores their results.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from verbund.lib import catalogues


class Light(models.TextChoices):
    GREEN = "green", _("good")
    YELLOW = "yellow", _("watch")
    RED = "red", _("at risk")
    GREY = "grey", _("too little data")


def alert_kind_choices() -> list[tuple[str, str]]:
    # Labels are shown through ``presentation`` in the reader's language; the choices only
    # validate the key.
    return [(key, key) for key in catalogues.keys("alerts")]


class NetworkHealthSettings(models.Model):
    """A network's thresholds and weights where they differ from the documented defaults."""

    network = models.OneToOneField(
        "tenancy.Network",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="health_settings",
    )
    # {setting name: value}; only the overridden ones. Validated by
    # ``HealthSettings.from_mapping`` whenever written (services.health_settings_update).
    overrides = models.JSONField(_("changed settings"), default=dict, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("health settings")
        verbose_name_plural = _("health settings")

    def __str__(self) -> str:
        return f"{self.network}: {len(self.overrides)}"


class PartnershipHealth(models.Model):
    partnership = models.OneToOneField(
        "partnerships.Partnership",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="health",
    )
    # ``aggregates.State.to_json()``; null = not known (never built, or events were written
    # without passing the services): the next change rebuilds it from the rows.
    state = models.JSONField(null=True, blank=True)
    # Key of every event folded into ``state`` -> its fingerprint (day and values), so a change
    # of a row adds only its new events, and an edited or deleted row forces a rebuild.
    event_keys = models.JSONField(default=dict, blank=True)
    # Events the last evaluation counted (compared by the full recompute to find stale states).
    event_count = models.PositiveIntegerField(default=0)
    as_of = models.DateField(_("as of"))
    score = models.FloatField(_("health score"))
    light = models.CharField(_("traffic light"), max_length=6, choices=Light.choices)
    # {component: 0..1 or null when it does not apply}
    components = models.JSONField(_("components"), default=dict)
    # [{"component", "code", "params", "effect"}], largest effect first (codes.REASONS)
    reasons = models.JSONField(_("reasons"), default=list)
    computed_at = models.DateTimeField(_("computed"))

    class Meta:
        verbose_name = _("partnership health")
        verbose_name_plural = _("partnership health")
        indexes = [models.Index(fields=["light", "score"], name="health_light_score")]

    def __str__(self) -> str:
        return f"{self.partnership_id}: {self.score:.0f} ({self.light})"


class HealthSnapshot(models.Model):
    """The health of one partnership on one day (the latest computation of that day)."""

    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.CASCADE, related_name="health_snapshots"
    )
    day = models.DateField(_("day"))
    score = models.FloatField(_("health score"))
    light = models.CharField(_("traffic light"), max_length=6, choices=Light.choices)
    components = models.JSONField(_("components"), default=dict)
    # Key figures of the rolling window for the charts: "events", "referrals_given",
    # "referrals_received" (per party key: {"<company id>": n}), "open_alerts".
    counts = models.JSONField(_("key figures"), default=dict)

    class Meta:
        ordering = ["partnership", "day"]
        verbose_name = _("health snapshot")
        verbose_name_plural = _("health snapshots")
        constraints = [
            models.UniqueConstraint(fields=["partnership", "day"], name="health_snapshot_daily")
        ]

    def __str__(self) -> str:
        return f"{self.partnership_id} {self.day}: {self.score:.0f}"


class HealthAlert(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("open")
        ACKNOWLEDGED = "acknowledged", _("acknowledged")
        RESOLVED = "resolved", _("resolved")

    class ResolvedHow(models.TextChoices):
        AUTO = "auto", _("automatically: the cause went away")
        USER = "user", _("by a person")

    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.CASCADE, related_name="health_alerts"
    )
    kind = models.CharField(_("kind"), max_length=40, choices=alert_kind_choices())
    # What the alert is about within the partnership (a pair "giver>receiver", a party, a factor,
    # a KPI, a stage; empty for the partnership as a whole). One unresolved alert per kind+subject.
    subject = models.CharField(_("subject"), max_length=200, blank=True)
    since = models.DateField(_("since"))
    # The evidence as parameters (codes.EVIDENCE), refreshed while the alert stays open.
    evidence = models.JSONField(_("evidence"), default=dict)
    next_step = models.CharField(_("suggested next step"), max_length=60)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.OPEN
    )
    opened_at = models.DateTimeField(_("opened"))
    # When the evidence last changed (an unchanged alert is not rewritten every night; when the
    # rules last ran says PartnershipHealth.computed_at).
    refreshed_at = models.DateTimeField(_("evidence updated"))
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    acknowledged_at = models.DateTimeField(_("acknowledged"), null=True, blank=True)
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)
    resolved_how = models.CharField(
        _("resolved how"), max_length=4, choices=ResolvedHow.choices, blank=True
    )
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Resolved by a person while the rule still found the cause: no new alert of this kind and
    # subject opens until the cause has gone away once (else "resolve" would reopen at once).
    holds = models.BooleanField(default=False)

    class Meta:
        ordering = ["-opened_at", "-pk"]
        verbose_name = _("early warning")
        verbose_name_plural = _("early warnings")
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "kind", "subject"],
                condition=~Q(status="resolved"),
                name="health_alert_one_unresolved",
            ),
            models.CheckConstraint(
                condition=Q(status="resolved", resolved_at__isnull=False)
                | (~Q(status="resolved") & Q(resolved_at__isnull=True)),
                name="health_alert_resolved_has_time",
            ),
        ]
        indexes = [
            models.Index(fields=["partnership", "status"], name="health_alert_status"),
            models.Index(fields=["status", "-opened_at"], name="health_alert_recent"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.subject} ({self.status})"

    @property
    def is_resolved(self) -> bool:
        return self.status == self.Status.RESOLVED
