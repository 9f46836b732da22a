"""Person-to-person referral groups: seats (one per profession), the leader team, visitors and
applicants, meetings with attendance, one-to-ones and testimonials.

Referral slips are ``verbund.referrals.Referral`` rows with ``group`` set; a thank-you for closed
business is that referral moved to ``won`` with its value, credited to the referrer.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Group(models.Model):
    class Rhythm(models.TextChoices):
        WEEKLY = "weekly", _("weekly")
        FORTNIGHTLY = "fortnightly", _("every two weeks")
        MONTHLY = "monthly", _("monthly")

    network = models.ForeignKey(
        "tenancy.Network", on_delete=models.CASCADE, related_name="referral_groups"
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    rhythm = models.CharField(
        _("meeting rhythm"), max_length=12, choices=Rhythm.choices, default=Rhythm.WEEKLY
    )
    weekday = models.PositiveSmallIntegerField(
        _("weekday"), default=2, help_text=_("0 = Monday … 6 = Sunday")
    )
    meeting_time = models.TimeField(_("meeting time"), default="07:00")
    meeting_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"), default=90)
    location = models.CharField(_("meeting place"), max_length=200, blank=True)
    # Traffic-light thresholds the group sets (see verbund.groups.scoring.DEFAULT_THRESHOLDS).
    thresholds = models.JSONField(_("traffic-light thresholds"), default=dict, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("referral group")
        verbose_name_plural = _("referral groups")

    def __str__(self) -> str:
        return self.name


class GroupCategory(models.Model):
    """A profession category the group added to the built-in catalogue."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="own_categories")
    key = models.SlugField(_("key"), max_length=60)
    label = models.CharField(_("profession"), max_length=120)

    class Meta:
        ordering = ["label"]
        constraints = [
            models.UniqueConstraint(fields=["group", "key"], name="group_category_unique_key"),
        ]
        verbose_name = _("profession category")
        verbose_name_plural = _("profession categories")

    def __str__(self) -> str:
        return self.label


class Officer(models.Model):
    """A place in the group's leader team."""

    class Role(models.TextChoices):
        LEADER = "leader", _("leader")
        SECRETARY = "secretary", _("secretary")
        MEMBERSHIP_COMMITTEE = "membership_committee", _("membership committee")

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="officers")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    role = models.CharField(_("role"), max_length=24, choices=Role.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["group", "user", "role"], name="officer_unique_role"),
        ]
        verbose_name = _("leader team member")
        verbose_name_plural = _("leader team")

    def __str__(self) -> str:
        return f"{self.user} ({self.role})"


class Seat(models.Model):
    """A member's seat: one person, their company and their profession. One seat per category."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="seats")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="group_seats"
    )
    company = models.ForeignKey(
        "companies.Company", on_delete=models.CASCADE, related_name="group_seats"
    )
    category = models.CharField(_("profession category"), max_length=60)
    active = models.BooleanField(_("active"), default=True)
    joined_on = models.DateField(_("member since"))
    ended_on = models.DateField(_("left on"), null=True, blank=True)

    class Meta:
        ordering = ["category", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["group", "category"],
                condition=Q(active=True),
                name="seat_one_per_category",
            ),
            models.UniqueConstraint(
                fields=["group", "user"], condition=Q(active=True), name="seat_one_per_person"
            ),
        ]
        verbose_name = _("seat")
        verbose_name_plural = _("seats")

    def __str__(self) -> str:
        return f"{self.holder_name} ({self.category})"

    @property
    def holder_name(self) -> str:
        return self.user.get_full_name() or self.user.email


class Visitor(models.Model):
    """A guest at a meeting; may apply for a seat, which the membership committee decides."""

    class Status(models.TextChoices):
        VISITED = "visited", _("visited")
        APPLIED = "applied", _("applied")
        ACCEPTED = "accepted", _("accepted")
        DECLINED = "declined", _("declined")

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="visitors")
    meeting = models.ForeignKey(
        "Meeting",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="visitors",
        verbose_name=_("meeting visited"),
    )
    invited_by = models.ForeignKey(
        Seat,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="visitors_brought",
        verbose_name=_("invited by"),
    )
    name = models.CharField(_("name"), max_length=200)
    company_name = models.CharField(_("company"), max_length=200, blank=True)
    email = models.EmailField(_("email"), blank=True)
    category = models.CharField(_("profession category"), max_length=60)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.VISITED
    )
    visited_on = models.DateField(_("visited on"))
    applied_at = models.DateTimeField(_("applied"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decision_note = models.CharField(_("reason"), max_length=500, blank=True)

    class Meta:
        ordering = ["-visited_on", "-pk"]
        verbose_name = _("visitor")
        verbose_name_plural = _("visitors")

    def __str__(self) -> str:
        return self.name


class Meeting(models.Model):
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="meetings")
    starts_at = models.DateTimeField(_("starts"))
    minutes = models.PositiveSmallIntegerField(_("duration (minutes)"), default=90)
    location = models.CharField(_("place"), max_length=200, blank=True)
    agenda = models.TextField(_("agenda"), blank=True)

    class Meta:
        ordering = ["-starts_at"]
        constraints = [
            models.UniqueConstraint(fields=["group", "starts_at"], name="meeting_unique_start"),
        ]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    def __str__(self) -> str:
        return f"{self.group} {self.starts_at:%Y-%m-%d}"


class Attendance(models.Model):
    class State(models.TextChoices):
        PRESENT = "present", _("present")
        ABSENT = "absent", _("absent")
        LATE = "late", _("late")
        MEDICAL = "medical", _("medical")
        SUBSTITUTE = "substitute", _("substitute")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    seat = models.ForeignKey(Seat, on_delete=models.CASCADE, related_name="attendance")
    state = models.CharField(_("attendance"), max_length=12, choices=State.choices)
    substitute_name = models.CharField(_("substitute's name"), max_length=200, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["meeting", "seat"], name="attendance_once_per_seat"),
            models.CheckConstraint(
                condition=~Q(state="substitute") | ~Q(substitute_name=""),
                name="attendance_substitute_named",
            ),
        ]
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")

    def __str__(self) -> str:
        return f"{self.seat}: {self.state}"


class OneToOne(models.Model):
    """Two members met one to one to learn each other's business."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="one_to_ones")
    seat = models.ForeignKey(Seat, on_delete=models.CASCADE, related_name="one_to_ones")
    other = models.ForeignKey(
        Seat, on_delete=models.CASCADE, related_name="+", verbose_name=_("met with")
    )
    met_on = models.DateField(_("met on"))
    note = models.CharField(_("note"), max_length=500, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        ordering = ["-met_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(seat=models.F("other")), name="one_to_one_two_people"
            ),
        ]
        verbose_name = _("one-to-one")
        verbose_name_plural = _("one-to-ones")

    def __str__(self) -> str:
        return f"{self.seat} – {self.other} {self.met_on}"


class Testimonial(models.Model):
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="testimonials")
    author = models.ForeignKey(Seat, on_delete=models.CASCADE, related_name="testimonials_given")
    about = models.ForeignKey(
        Seat,
        on_delete=models.CASCADE,
        related_name="testimonials_received",
        verbose_name=_("about"),
    )
    text = models.TextField(_("testimonial"))
    given_on = models.DateField(_("given on"))
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        ordering = ["-given_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(author=models.F("about")), name="testimonial_about_another"
            ),
        ]
        verbose_name = _("testimonial")
        verbose_name_plural = _("testimonials")

    def __str__(self) -> str:
        return f"{self.author} → {self.about}"
