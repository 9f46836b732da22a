"""Reads of the matching app: partner suggestions as a reader may see them, and statistics.

Every suggestion list goes through ``get_seeker_for`` (who may see suggestions for which company)
and ``suggestions_for`` (hard filters, network weights, visible profiles, texts in the reader's
language). Pages, API and CLI share both.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import Http404
from django.utils.translation import gettext as _

from verbund.companies import profile as profile_data
from verbund.companies.models import Company, NetworkCompany
from verbund.companies.selectors import (
    Access,
    CompanyAccess,
    ProfileView,
    access_to,
    partner_company_ids,
    profile_queryset,
    visible_profile,
)
from verbund.lib import catalogues, geo
from verbund.matching import engine, index, texts
from verbund.matching.candidates import Filters
from verbund.matching.models import Suggestion
from verbund.tenancy.actor import Actor
from verbund.tenancy.models import Network

logger = logging.getLogger(__name__)

# Networks up to this size are scored exactly (every candidate, vectorised: a few milliseconds);
# larger ones go through the candidate generation of MatchIndex.suggest.
EXACT_UP_TO = 5000
# Extra candidates asked from the index, for those the database then filters out (a company that
# turned private or left the network since the last index update).
SPARE = 5
WEIGHTS_SETTING = "matching_weights"


@dataclass(frozen=True)
class Seeker:
    """The company suggestions are for, and how the reader relates to it."""

    network: Network
    company: Company
    acts_for: bool  # the reader acts for the company (may give feedback)
    coordinator: bool

    @property
    def records_feedback(self) -> bool:
        return self.acts_for


def get_seeker_for(actor: Actor, network: Network, company_id: int) -> Seeker:
    """Suggestions for a company listed in the network: its own people and the network's
    coordinators; everyone else gets 404 (as for any company that is none of their business)."""
    if not actor.is_authenticated or network.pk not in actor.network_ids:
        raise Http404(_("Network not found."))
    listing = (
        NetworkCompany.objects.filter(network=network, company_id=company_id)
        .select_related("company")
        .first()
    )
    if listing is None:
        raise Http404(_("Company not found."))
    acts_for = actor.company_membership_in(company_id) is not None
    coordinator = actor.is_coordinator_of(network)
    if not (acts_for or coordinator):
        raise Http404(_("Company not found."))
    return Seeker(network, listing.company, acts_for, coordinator)


def require_feedback_right(seeker: Seeker) -> None:
    if not seeker.acts_for:
        raise PermissionDenied(_("Only the company's own people can answer its suggestions."))


def network_weights(network: Network) -> engine.Weights:
    """The engine's weights with the network's overrides (``settings["matching_weights"]``).

    A malformed override is logged and ignored rather than breaking every suggestion page; the
    command ``verbund matching-weights`` refuses it in the first place.
    """
    overrides = (network.settings or {}).get(WEIGHTS_SETTING) or {}
    try:
        return engine.Weights.from_mapping(overrides)
    except (KeyError, TypeError, ValueError):
        logger.warning("network %s: ignoring malformed matching weights %r", network.pk, overrides)
        return engine.Weights()


@dataclass
class Card:
    """One suggestion as the reader may see it."""

    candidate_id: int
    external_id: str | None
    profile: ProfileView
    score: float
    reasons: list[dict[str, str]]
    concerns: list[dict[str, str]]
    feedback: str = ""
    reason: str = ""
    mutual: bool = False
    distance_km: float | None = None
    components: dict[str, float | None] = field(default_factory=dict)
    # The network's key for the candidate whatever the reader may see (operator CLI only).
    listing_external_id: str = ""

    @property
    def anonymous(self) -> bool:
        return self.profile.anonymous

    @property
    def name(self) -> str | None:
        """The candidate's name, None for an anonymous candidate (its placeholder is not one)."""
        return None if self.profile.anonymous else self.profile.name


@dataclass
class Result:
    cards: list[Card]
    ready: bool  # False while the network's index is still being built


def _excluded(seeker: Seeker) -> set[int]:
    dismissed = set(
        Suggestion.objects.filter(
            network=seeker.network,
            company=seeker.company,
            feedback=Suggestion.Feedback.NOT_RELEVANT,
        ).values_list("candidate_id", flat=True)
    )
    return dismissed | partner_company_ids({seeker.company.pk})


def _ranked(
    seeker: Seeker, filters: Filters | None, top: int
) -> tuple[list[engine.Suggestion], bool]:
    with index.reading(seeker.network) as match_index:
        if match_index is None:
            return [], False
        index.ensure_company(seeker.network, match_index, seeker.company)
        options: dict[str, Any] = {
            "top": top + SPARE,
            "exclude": [str(pk) for pk in _excluded(seeker)],
            "weights": network_weights(seeker.network),
            "filters": filters,
        }
        company_id = str(seeker.company.pk)
        if len(match_index.table) <= EXACT_UP_TO:
            return match_index.exact(company_id, **options), True
        return match_index.suggest(company_id, **options), True


def _distance(seeker: Company, candidate: Company) -> float | None:
    if None in (seeker.lat, seeker.lon, candidate.lat, candidate.lon):
        return None
    return geo.haversine_km(seeker.lat, seeker.lon, candidate.lat, candidate.lon)


def suggestions_for(
    actor: Actor,
    seeker: Seeker,
    language: str,
    *,
    filters: Filters | None = None,
    top: int = 20,
) -> Result:
    """The best partners for the seeker, explained for this reader, best first.

    Never the company itself, a dismissed candidate, an existing partner, a private profile or a
    company outside the network; anonymous candidates without their name. Queries are fixed
    (index state and change log, exclusions, candidates with their profiles, feedback).
    """
    ranked, ready = _ranked(seeker, filters, top)
    ids = [int(s.company_id) for s in ranked]
    companies = {
        c.pk: c
        for c in profile_queryset()
        .filter(pk__in=ids, listings__network=seeker.network)
        .exclude(visibility=Company.Visibility.PRIVATE)
        .exclude(pk=seeker.company.pk)
    }
    feedback = {
        row.candidate_id: row
        for row in Suggestion.objects.filter(
            network=seeker.network, company=seeker.company, candidate_id__in=list(companies)
        )
    }
    cards: list[Card] = []
    for suggestion in ranked:
        candidate = companies.get(int(suggestion.company_id))
        if candidate is None or len(cards) == top:
            continue
        row = feedback.get(candidate.pk)
        if row is not None and row.feedback == Suggestion.Feedback.NOT_RELEVANT:
            continue
        card = _card(actor, seeker, candidate, suggestion, row, language)
        if _size_filtered(filters) and not card.profile.shows("size"):
            continue  # a size filter must not reveal the size a company keeps to itself
        cards.append(card)
    return Result(cards, ready)


def _size_filtered(filters: Filters | None) -> bool:
    return filters is not None and (
        filters.min_employees is not None or filters.max_employees is not None
    )


def _candidate_access(actor: Actor, candidate: Company) -> CompanyAccess:
    """How the reader may see a candidate listed in the network (never more than anonymous when
    the rules give nothing, though the listing and visibility were checked already)."""
    return access_to(actor, candidate) or CompanyAccess(candidate, Access.ANONYMOUS, False)


def _card(
    actor: Actor,
    seeker: Seeker,
    candidate: Company,
    suggestion: engine.Suggestion,
    row: Suggestion | None,
    language: str,
) -> Card:
    access = _candidate_access(actor, candidate)
    profile = visible_profile(actor, access, language)
    words = profile_data.name_words(candidate.name) if profile.anonymous else None
    options = {"hidden_sections": profile.hidden_sections, "name_words": words}
    external = next(
        (x.external_id for x in candidate.listings.all() if x.network_id == seeker.network.pk),
        "",
    )
    distance = _distance(seeker.company, candidate)
    if distance is not None and profile.anonymous:
        distance = round(distance, -1)  # the region is shown; the exact distance would locate it
    return Card(
        candidate_id=candidate.pk,
        external_id=(external or None) if not profile.anonymous or access.is_insider else None,
        profile=profile,
        score=float(suggestion.score),
        reasons=texts.render_all(suggestion.reasons, language, **options),
        concerns=texts.render_all(suggestion.concerns, language, **options),
        feedback=row.feedback if row else "",
        reason=row.reason if row else "",
        mutual=bool(row and row.mutual_at),
        distance_km=distance,
        components={
            k: v for k, v in suggestion.components.items() if v is None or math.isfinite(v)
        },
        listing_external_id=external,
    )


# --------------------------------------------------------------------------- statistics


@dataclass
class Statistics:
    shown: int
    companies_served: int
    interested: int
    dismissed: int
    mutual: int
    interest_rate: float | None  # interested / shown, in percent
    dismiss_reasons: list[tuple[str, str, int]]  # key, label, count


def network_statistics(actor: Actor, network: Network, language: str) -> Statistics:
    """Network-wide figures for coordinators, in two queries."""
    if not actor.is_coordinator_of(network):
        raise PermissionDenied(_("Only the network's coordinators can do this."))
    rows = Suggestion.objects.filter(network=network)
    figures = rows.aggregate(
        shown=Count("pk"),
        companies=Count("company", distinct=True),
        interested=Count("pk", filter=Q(feedback=Suggestion.Feedback.INTERESTED)),
        dismissed=Count("pk", filter=Q(feedback=Suggestion.Feedback.NOT_RELEVANT)),
        mutual=Count("pk", filter=Q(mutual_at__isnull=False)),
    )
    reasons = dict(
        rows.filter(feedback=Suggestion.Feedback.NOT_RELEVANT)
        .values_list("reason")
        .annotate(n=Count("pk"))
        .values_list("reason", "n")
    )
    ordered = [
        (e.key, e.label(language), reasons.pop(e.key, 0))
        for e in catalogues.entries("dismiss_reasons")
    ]
    ordered += [(key, key or _("no reason given"), n) for key, n in sorted(reasons.items())]
    shown = figures["shown"] or 0
    return Statistics(
        shown=shown,
        companies_served=figures["companies"] or 0,
        interested=figures["interested"] or 0,
        dismissed=figures["dismissed"] or 0,
        # Both rows of a pair carry the mark: a match is one pair.
        mutual=(figures["mutual"] or 0) // 2,
        interest_rate=round(100 * figures["interested"] / shown, 1) if shown else None,
        dismiss_reasons=ordered,
    )
