"""The network directory: search and browse the companies of one network (tenant-scoped reads).

One selector, ``directory_search``, serves the page, the API and the benchmark, so filters,
visibility and sorting exist exactly once. Filtering happens in SQL on the derived columns
(``search_text``, ``facets``) and plain columns; each card then goes through ``access_to`` and
``visible_profile``, the same rules as the profile page. The number of queries per page is fixed
(page keys with the count, the page's companies, their listings and offers; the prefetches left
empty cost nothing), whatever the number of companies.

What a fellow member must not learn from the directory either: an anonymous company's name,
place and coordinates (so it is not found by its name, has no distance and sorts after the named
companies by name), and any field group its owner keeps from the network (so the size filter and
sort only see employees where the size section is visible).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db import connection
from django.db.models import (
    Case,
    Count,
    ExpressionWrapper,
    F,
    FloatField,
    Prefetch,
    Q,
    QuerySet,
    Value,
    When,
    Window,
)
from django.db.models.functions import Lower
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from verbund.companies import profile as profile_data
from verbund.companies.models import AssessmentScore, Company, Goal, Need, NetworkCompany, Offer
from verbund.companies.selectors import (
    Access,
    ProfileView,
    access_to,
    visible_profile,
)
from verbund.lib import filters as filter_params
from verbund.lib import nace
from verbund.tenancy.actor import Actor
from verbund.tenancy.models import Network

PAGE_SIZE = 20
COUNT_LIMIT = 1000  # counted exactly up to here; beyond, "more than 1,000"
TOP_OFFERS = 3
MAX_WORDS = 8  # more words than this add nothing but work
KM_PER_DEGREE = 2 * math.pi * 6371.0088 / 360  # along a meridian (mean Earth radius)
MAX_KM = 1000.0
RADIUS_CHOICES = (10, 25, 50, 100, 200)

SORTS: dict[str, Any] = {
    "name": gettext_lazy("Name"),
    "distance": gettext_lazy("Distance"),
    "size": gettext_lazy("Size (largest first)"),
    "newest": gettext_lazy("Newest"),
    "completeness": gettext_lazy("Completeness"),
}


@dataclass(frozen=True)
class DirectoryQuery:
    """What the reader asked for, already checked (see ``parse_query``)."""

    q: str = ""
    nace: str = ""
    country: str = ""
    max_km: float | None = None
    min_employees: int | None = None
    max_employees: int | None = None
    form: str = ""
    goal: str = ""
    sort: str = "name"
    page: int = 1

    @property
    def words(self) -> list[str]:
        return profile_data.fold(self.q).split()[:MAX_WORDS]

    @property
    def is_filtered(self) -> bool:
        return any((self.q.strip(), self.nace, self.country, self.form, self.goal)) or any(
            v is not None for v in (self.max_km, self.min_employees, self.max_employees)
        )


@dataclass
class DirectoryCard:
    """One company as the reader may see it in the list."""

    profile: ProfileView
    mine: bool
    distance_km: float | None
    employees: int | None
    nace: list[tuple[str, str]]
    offer_titles: list[str]
    place: str
    country: str
    completeness: int | None

    @property
    def company_id(self) -> int:
        return self.profile.company_id

    @property
    def name(self) -> str:
        return self.profile.name

    @property
    def anonymous(self) -> bool:
        return self.profile.anonymous


@dataclass
class DirectoryPage:
    query: DirectoryQuery
    count: int
    page: int
    pages: int
    cards: list[DirectoryCard] = field(default_factory=list)
    # True when more than COUNT_LIMIT companies match: ``count`` is then a lower bound.
    count_capped: bool = False

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages

    @property
    def first_index(self) -> int:
        return (self.page - 1) * PAGE_SIZE + 1 if self.count else 0

    @property
    def last_index(self) -> int:
        return min(self.page * PAGE_SIZE, self.count)


# --- who may see and sort by what -------------------------------------------------------------


def origin(actor: Actor) -> tuple[float, float] | None:
    """Where distances are measured from: the reader's current company, if it has coordinates."""
    company = actor.company
    if company is None or company.lat is None or company.lon is None:
        return None
    return company.lat, company.lon


def available_sorts(actor: Actor, network: Network) -> list[str]:
    sorts = ["name"]
    if origin(actor) is not None:
        sorts.append("distance")
    sorts += ["size", "newest"]
    if actor.is_coordinator_of(network):
        sorts.append("completeness")
    return sorts


def parse_query(
    actor: Actor, network: Network, params: Mapping[str, Any]
) -> tuple[DirectoryQuery, dict[str, str]]:
    """Read the directory's parameters (query string or API); bad ones are left out and named.

    Returns the query with every valid parameter and ``{parameter: message}`` for the others,
    in the reader's language. Shared by the page (shows the messages) and the API (refuses).
    """
    errors: dict[str, str] = {}

    def text(name: str, limit: int = 200) -> str:
        return filter_params.text(params, name, limit)

    values: dict[str, Any] = {"q": text("q")}
    values |= filter_params.read_common(
        params,
        errors,
        has_location=origin(actor) is not None,
        max_km=MAX_KM,
        catalogue_keys={"form": "forms", "goal": "goals"},
    )
    sort = text("sort", 20) or "name"
    if sort in available_sorts(actor, network):
        values["sort"] = sort
    else:
        errors["sort"] = _("This sort order is not available.")
    try:
        values["page"] = max(1, filter_params.whole_or_none(params.get("page")) or 1)
    except ValueError:
        values["page"] = 1
    return DirectoryQuery(**values), errors


# --- the query --------------------------------------------------------------------------------


def _facet(prefix: str, key: str) -> Q:
    return Q(facets__contains=f" {prefix}:{key} ")


def _anonymous_named(network: Network, q: str) -> list[int]:
    """Anonymous companies of the network whose real name holds every word of ``q``."""
    words = q.lower().split()[:MAX_WORDS]
    companies = Company.objects.filter(
        listings__network=network, visibility=Company.Visibility.ANONYMOUS
    )
    for word in words:
        companies = companies.filter(name__icontains=word)
    return list(companies.values_list("pk", flat=True)[:100])


def directory_queryset(actor: Actor, network: Network, query: DirectoryQuery) -> QuerySet[Company]:
    """The companies of ``network`` the actor may find with ``query``, filtered and sorted.

    Annotates ``distance2`` (km², None when unknown or not to be shown) and ``sort_employees``
    (for members -1 when unknown or hidden from them).
    """
    coordinator = actor.is_coordinator_of(network)
    own = actor.company_ids
    companies = Company.objects.filter(listings__network=network)
    if not coordinator:
        # Private profiles are for their own people and the coordinators only.
        visible = ~Q(visibility=Company.Visibility.PRIVATE)
        companies = companies.filter(visible | Q(pk__in=own) if own else visible)

    # Readers who see an anonymous company's identity: coordinators and its own people.
    anonymous_to_me: Q | None = None
    if not coordinator:
        anonymous_to_me = Q(visibility=Company.Visibility.ANONYMOUS)
        if own:
            anonymous_to_me &= ~Q(pk__in=own)

    if query.words:
        # search_text holds only what fellow members may see (no name or city of anonymous
        # companies), so members cannot find an anonymous company by its name.
        text = Q()
        for word in query.words:
            text &= Q(search_text__contains=word)
        if coordinator:
            # Coordinators mediate for anonymous companies and look them up by name. A few
            # primary keys keep the text condition usable by an index (an OR over an
            # unindexed column would force a full scan).
            text |= Q(pk__in=_anonymous_named(network, query.q))
        companies = companies.filter(text)
    if query.nace:
        companies = companies.filter(_facet("n", query.nace))
    if query.form:
        companies = companies.filter(_facet("f", query.form))
    if query.goal:
        companies = companies.filter(_facet("g", query.goal))
    if query.country:
        companies = companies.filter(country=query.country)

    # Employees only count where the reader may see the size section: members filter and sort
    # on the derived public_employees (indexed; -1 when unknown or hidden), coordinators on the
    # real figure.
    if coordinator:
        companies = companies.annotate(sort_employees=F("employees"))
    else:
        companies = companies.annotate(sort_employees=F("public_employees"))
        if query.max_employees is not None:
            companies = companies.filter(public_employees__gte=0)
    if query.min_employees is not None:
        companies = companies.filter(sort_employees__gte=query.min_employees)
    if query.max_employees is not None:
        companies = companies.filter(sort_employees__lte=query.max_employees)

    start = origin(actor)
    if start is not None:
        lat0, lon0 = start
        # Equirectangular approximation: plain arithmetic, so SQLite and PostgreSQL both run
        # it without maths functions; within a few hundred km it is off by well under 1 %.
        ky = KM_PER_DEGREE
        kx = KM_PER_DEGREE * math.cos(math.radians(lat0))
        dx = (F("lon") - Value(lon0)) * Value(kx)
        dy = (F("lat") - Value(lat0)) * Value(ky)
        distance2 = ExpressionWrapper(dx * dx + dy * dy, output_field=FloatField())
        if anonymous_to_me is not None:
            distance2 = Case(
                When(anonymous_to_me, then=Value(None)),
                default=distance2,
                output_field=FloatField(),
            )
        companies = companies.annotate(distance2=distance2)
        if query.max_km is not None:
            r = query.max_km
            # The bounding box first: it can use the (lat, lon) index and cuts most rows.
            dlat = r / ky
            dlon = r / kx if kx > 1e-6 else 180.0
            companies = companies.filter(
                lat__gte=lat0 - dlat,
                lat__lte=lat0 + dlat,
                lon__gte=lon0 - dlon,
                lon__lte=lon0 + dlon,
                distance2__lte=r * r,
            )
    else:
        companies = companies.annotate(distance2=Value(None, output_field=FloatField()))

    # Sorting by the real name would tell members where an anonymous company's name falls in
    # the alphabet; they sort after the named ones instead.
    if anonymous_to_me is None:
        by_name = [Lower("name").asc(), F("pk").asc()]
    else:
        # sort_key is the folded name, or "~" for anonymous companies (indexed).
        by_name = [F("sort_key").asc(), F("pk").asc()]
    if query.sort == "distance" and start is not None:
        order = [F("distance2").asc(nulls_last=True), *by_name]
    elif query.sort == "size":
        # Members' figure is never NULL (-1 sorts last), so the index order matches as it is.
        size_order = (
            F("sort_employees").desc(nulls_last=True)
            if coordinator
            else (F("sort_employees").desc())
        )
        order = [size_order, *by_name]
    elif query.sort == "newest":
        order = [F("created_at").desc(), F("pk").desc()]
    elif query.sort == "completeness" and coordinator:
        order = [F("completeness").desc(), *by_name]
    else:
        order = by_name
    return companies.order_by(*order)


def _card_prefetches() -> list[Prefetch]:
    """What ``access_to`` and ``visible_profile`` read, and nothing more.

    Needs, goals and the self-assessment are not on the cards: their empty prefetches keep
    ``visible_profile`` from querying them per company.
    """
    return [
        Prefetch(
            "listings", queryset=NetworkCompany.objects.only("id", "company_id", "network_id")
        ),
        Prefetch(
            "offers",
            # All offers of the page's companies (a handful each): a sliced prefetch cannot
            # fill the related manager that visible_profile reads.
            queryset=Offer.objects.only(
                "id", "company_id", "title", "description", "position"
            ).order_by("position", "pk"),
        ),
        Prefetch("needs", queryset=Need.objects.none()),
        Prefetch("goals", queryset=Goal.objects.none()),
        Prefetch("assessment", queryset=AssessmentScore.objects.none()),
    ]


def _card(
    actor: Actor, company: Company, language: str, *, coordinator: bool
) -> DirectoryCard | None:
    access = access_to(actor, company)
    if access is None:  # cannot happen for a listed company the query let through; be safe
        return None
    view = visible_profile(actor, access, language)
    fields = view.fields
    distance2 = getattr(company, "distance2", None)
    show_distance = distance2 is not None and "lat" in fields
    return DirectoryCard(
        profile=view,
        mine=access.access == Access.MEMBER,
        distance_km=math.sqrt(distance2) if show_distance else None,
        employees=fields.get("employees") if view.shows("size") else None,
        nace=[
            (code, nace.label(code, language))
            for code in fields.get("nace_codes") or []
            if nace.is_valid(code)
        ],
        offer_titles=[offer.title for offer in view.offers[:TOP_OFFERS]],
        place=fields.get("city") or fields.get("region") or "",
        country=fields.get("country") or "",
        completeness=company.completeness if coordinator else None,
    )


def _page_of_ids(
    companies: QuerySet[Company], page: int, *, full_scan: bool
) -> tuple[list[tuple[int, float | None]], int, bool]:
    """(pk, distance²) of one page in order, the total count, and whether the count is capped.

    Counting stops at COUNT_LIMIT: an exact total of a 100,000-company network costs a full scan
    of the join on every page view, and nobody pages through more than a thousand companies —
    past that the page asks to narrow the search. Only primary keys and sort keys go through
    the sort; the cards are loaded afterwards by primary key.

    When SQLite has to read every matching row anyway (``full_scan``), the count rides along
    the page query as a window function: one scan instead of two.
    """
    if full_scan and connection.vendor == "sqlite":
        offset = (page - 1) * PAGE_SIZE
        rows = list(
            companies.annotate(total=Window(Count("pk"))).values_list("pk", "distance2", "total")[
                offset : offset + PAGE_SIZE
            ]
        )
        if rows or page == 1:
            total = rows[0][2] if rows else 0
            count = min(total, COUNT_LIMIT)
            return [(pk, d2) for pk, d2, _t in rows], count, total > COUNT_LIMIT
    count = companies.values("pk")[: COUNT_LIMIT + 1].count()
    capped = count > COUNT_LIMIT
    count = min(count, COUNT_LIMIT)
    pages = max(1, math.ceil(count / PAGE_SIZE))
    page = min(page, pages)
    offset = (page - 1) * PAGE_SIZE
    keys = list(companies.values_list("pk", "distance2")[offset : offset + PAGE_SIZE])
    return keys, count, capped


def directory_search(
    actor: Actor, network: Network, query: DirectoryQuery, language: str
) -> DirectoryPage:
    """One page of the directory: total count, page numbers and the visible cards.

    Queries: a capped count, the page's keys, one fetch of the page's companies by primary key,
    their listings and their offers — whatever the size of the network.
    """
    companies = directory_queryset(actor, network, query)
    # Conditions no index serves (LIKE '%…%' on text and facets, a distance sort) make SQLite
    # visit every matching row anyway.
    scans = bool(query.words or query.nace or query.form or query.goal or query.max_km) or (
        query.sort == "distance"
    )
    keys, count, capped = _page_of_ids(companies, query.page, full_scan=scans)
    pages = max(1, math.ceil(count / PAGE_SIZE))
    page = min(query.page, pages)
    loaded = {
        company.pk: company
        for company in Company.objects.filter(pk__in=[pk for pk, _d in keys])
        .defer("search_text", "facets")
        .prefetch_related(*_card_prefetches())
    }
    coordinator = actor.is_coordinator_of(network)
    cards = []
    for pk, distance2 in keys:
        company = loaded.get(pk)
        if company is None:  # deleted between the two queries
            continue
        company.distance2 = distance2
        card = _card(actor, company, language, coordinator=coordinator)
        if card is not None:
            cards.append(card)
    return DirectoryPage(
        query=query, count=count, page=page, pages=pages, cards=cards, count_capped=capped
    )
