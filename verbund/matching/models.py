"""What the matching keeps in the database: suggestions shown with their feedback, and the
bookkeeping of each network's index (which generation is current, which profiles changed since).

The index itself (vectors, inverted lists) lives in files under ``settings.MATCHING_DIR``; see
``verbund/matching/index.py``.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from verbund.companies.models import Company
from verbund.tenancy.models import Network


class Suggestion(models.Model):
    """A candidate partner shown to a company, and what the company said about it.

    One row per (network, company, candidate): created the first time the candidate is shown,
    then carries the feedback. A ``not_relevant`` row keeps the candidate out of every later list.
    """

    class Feedback(models.TextChoices):
        NONE = "", _("no feedback yet")
        INTERESTED = "interested", _("interested")
        NOT_RELEVANT = "not_relevant", _("not relevant")

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="suggestions")
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="suggestions")
    candidate = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="suggested_to")
    score = models.FloatField(_("score"), default=0)
    first_shown_at = models.DateTimeField(_("first shown"), auto_now_add=True)
    last_shown_at = models.DateTimeField(_("last shown"), auto_now=True)
    feedback = models.CharField(
        _("feedback"), max_length=20, choices=Feedback.choices, blank=True, default=""
    )
    # Key of the dismiss_reasons catalogue (only with not_relevant).
    reason = models.CharField(_("reason"), max_length=40, blank=True, default="")
    note = models.CharField(_("note"), max_length=300, blank=True, default="")
    feedback_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    feedback_at = models.DateTimeField(_("feedback given"), null=True, blank=True)
    # Set on both rows of a pair once each side said "interested".
    mutual_at = models.DateTimeField(_("mutual interest since"), null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["network", "company", "candidate"], name="suggestion_unique_pair"
            ),
        ]
        indexes = [
            models.Index(fields=["network", "feedback"], name="suggestion_feedback"),
        ]
        verbose_name = _("partner suggestion")
        verbose_name_plural = _("partner suggestions")

    def __str__(self) -> str:
        return f"{self.candidate_id} for {self.company_id} in {self.network_id}"


class IndexState(models.Model):
    """The current index generation of a network (a directory ``gen-<generation>``).

    ``base_change`` is the last ``IndexChange`` id already contained in that generation: changes
    after it are applied on top when a process loads the index.
    """

    network = models.OneToOneField(Network, on_delete=models.CASCADE, related_name="match_index")
    generation = models.PositiveIntegerField(default=0)
    # Name of the generation's directory under networks/<network id>/ (unique per build).
    directory = models.CharField(max_length=100, blank=True, default="")
    base_change = models.BigIntegerField(default=0)
    companies = models.PositiveIntegerField(default=0)
    built_at = models.DateTimeField(null=True, blank=True)
    # When a first build was last asked for (a visit before any index existed).
    requested_at = models.DateTimeField(null=True, blank=True)
    build_seconds = models.FloatField(default=0)

    class Meta:
        verbose_name = _("matching index")
        verbose_name_plural = _("matching indexes")

    def __str__(self) -> str:
        return f"{self.network_id} gen {self.generation}"


class IndexChange(models.Model):
    """A company whose profile changed after the index was built; its texts are embedded already.

    Written by the background task; every process applies the changes it has not seen yet.
    """

    id = models.BigAutoField(primary_key=True)
    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="+")
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["network", "id"], name="index_change_network")]

    def __str__(self) -> str:
        return f"{self.company_id} changed in {self.network_id}"
