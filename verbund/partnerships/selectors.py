"""Tenant-scoped reads of partnerships. Every partnership, contact request and reference request
is fetched through a ``get_<thing>_for`` gate: parties act, the network's coordinators read,
everyone else gets 404."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from verbund.companies.models import Company
from verbund.partnerships.models import (
    AgreementVersion,
    ChecklistItem,
    ContactRequest,
    Partnership,
    PartnershipParty,
    ReferenceRequest,
    Review,
    Stage,
    StageChange,
)
from verbund.tenancy.actor import Actor

# Stages in which two companies count as partners (for "partners only" profile sections and
# for verified references): they have at least talked; mutual interest alone is not enough.
PARTNER_STAGES = (
    Stage.CONTACTED,
    Stage.EXPLORING,
    Stage.PILOT,
    Stage.AGREED,
    Stage.STRATEGIC,
    Stage.PAUSED,
)
# A reference is verified when the two worked together beyond a first contact.
WORKED_TOGETHER_STAGES = (
    Stage.EXPLORING,
    Stage.PILOT,
    Stage.AGREED,
    Stage.STRATEGIC,
    Stage.PAUSED,
    Stage.ENDED,
)


# Stages that mean a first contact was accepted (or the coordination arranged it).
CONTACT_STAGES = (
    Stage.CONTACTED,
    Stage.EXPLORING,
    Stage.PILOT,
    Stage.AGREED,
    Stage.STRATEGIC,
)


def anonymous_label(company: Company) -> str:
    """How a company is called where its name must not show: its region, nothing more."""
    return _("an anonymous company (%(place)s)") % {"place": company.region or company.country}


def display_name(company: Company) -> str:
    """A company's name as a notification may carry it: anonymous companies stay anonymous."""
    if company.visibility == Company.Visibility.ANONYMOUS:
        return anonymous_label(company)
    return company.name


# -- how a viewer sees the parties of a partnership (decision 0003, addendum) ---------------------


@dataclass(frozen=True)
class Viewer:
    """Who reads a partnership: the companies they act for, and whether they coordinate its
    network. Built per partnership, so ``coordinator`` already refers to its network."""

    company_ids: frozenset[int]
    coordinator: bool

    @classmethod
    def of(cls, actor: Actor, partnership: Partnership) -> Viewer:
        return cls(frozenset(actor.company_ids), actor.is_coordinator_of(partnership.network_id))


# The network's coordination: reads every name (callers checked the reader coordinates).
COORDINATOR = Viewer(frozenset(), coordinator=True)


def was_contacted(partnership: Partnership) -> bool:
    """Whether the partnership ever went past `identified`: a paused or ended partnership that
    never did must not reveal more than an identified one (ending would otherwise unmask)."""
    if partnership.stage in CONTACT_STAGES or partnership.agreed_at is not None:
        return True
    if partnership.stage == Stage.IDENTIFIED:
        return False
    known = getattr(partnership, "reached_contact", None)
    if known is None:
        known = StageChange.objects.filter(
            partnership=partnership, to_stage__in=CONTACT_STAGES
        ).exists()
        partnership.reached_contact = known  # type: ignore[attr-defined]
    return bool(known)


def with_contact_flag(queryset: QuerySet[Partnership]) -> QuerySet[Partnership]:
    """Annotate ``reached_contact`` so that lists need no query per paused or ended row."""
    return queryset.annotate(
        reached_contact=Exists(
            StageChange.objects.filter(partnership=OuterRef("pk"), to_stage__in=CONTACT_STAGES)
        )
    )


def party_hidden(partnership: Partnership, company: Company, viewer: Viewer) -> bool:
    """The one rule: before a first contact, other parties' users see an anonymous company (or,
    in a network whose coordination mediates first contacts, every company) only by its
    ``anonymous_label`` (what ``display_name`` gives an anonymous company); its own users and
    the network's coordinators see the name."""
    if viewer.coordinator or company.pk in viewer.company_ids or was_contacted(partnership):
        return False
    return (
        partnership.network.anonymous_contacts or company.visibility == Company.Visibility.ANONYMOUS
    )


def party_name(partnership: Partnership, company: Company, viewer: Viewer) -> str:
    return anonymous_label(company) if party_hidden(partnership, company, viewer) else company.name


def party_names(partnership: Partnership, viewer: Viewer) -> dict[int, str]:
    """Company id -> the name the viewer may read, for every party (parties prefetched)."""
    return {
        p.company_id: party_name(partnership, p.company, viewer) for p in partnership.parties.all()
    }


@dataclass(frozen=True)
class ShownParty:
    """A party as one viewer sees it. ``link``: whether its profile page may be linked (an
    anonymous profile shows no name; a mediated network's profile pages do)."""

    party: PartnershipParty
    name: str
    link: bool


def shown_parties(partnership: Partnership, viewer: Viewer) -> list[ShownParty]:
    rows = []
    for p in partnership.parties.all():
        hidden = party_hidden(partnership, p.company, viewer)
        rows.append(
            ShownParty(
                party=p,
                name=anonymous_label(p.company) if hidden else p.company.name,
                link=not hidden or p.company.visibility == Company.Visibility.ANONYMOUS,
            )
        )
    return rows


@dataclass(frozen=True)
class PartnershipAccess:
    partnership: Partnership
    # The company the actor acts for in this partnership; None for a reading coordinator.
    company: Company | None
    can_manage: bool  # owner/manager of a party: stages, agreements
    is_coordinator: bool
    # The parties the actor belongs to (usually just ``company``): they see their own names.
    own_company_ids: frozenset[int] = frozenset()

    @property
    def viewer(self) -> Viewer:
        return Viewer(self.own_company_ids, self.is_coordinator)

    @property
    def names(self) -> dict[int, str]:
        return party_names(self.partnership, self.viewer)

    @property
    def is_party(self) -> bool:
        return self.company is not None

    def require_party(self) -> Company:
        if self.company is None:
            raise PermissionDenied(_("Only the partners can do this."))
        return self.company

    def require_manager(self) -> Company:
        company = self.require_party()
        if not self.can_manage:
            raise PermissionDenied(_("Only owners and managers of a partner company can do this."))
        return company


def partnership_queryset() -> QuerySet[Partnership]:
    return with_contact_flag(
        Partnership.objects.select_related("network").prefetch_related(
            Prefetch("parties", queryset=PartnershipParty.objects.select_related("company"))
        )
    )


def acting_company(actor: Actor, company_ids: set[int]) -> Company | None:
    """The company the actor acts for among ``company_ids``: the chosen one first."""
    if actor.company is not None and actor.company.pk in company_ids:
        return actor.company
    membership = next((m for m in actor.company_memberships if m.company_id in company_ids), None)
    return membership.company if membership else None


def get_partnership_for(actor: Actor, partnership_id: int) -> PartnershipAccess:
    """The partnership if the actor acts for a party or coordinates its network; 404 otherwise."""
    if not actor.is_authenticated:
        raise Http404(_("Partnership not found."))
    partnership = partnership_queryset().filter(pk=partnership_id).first()
    if partnership is None:
        raise Http404(_("Partnership not found."))
    party_ids = {party.company_id for party in partnership.parties.all()}
    company = acting_company(actor, party_ids)
    coordinator = actor.is_coordinator_of(partnership.network_id)
    if company is None and not coordinator:
        raise Http404(_("Partnership not found."))
    membership = actor.company_membership_in(company) if company else None
    return PartnershipAccess(
        partnership=partnership,
        company=company,
        can_manage=bool(membership and membership.can_edit),
        is_coordinator=coordinator,
        own_company_ids=frozenset(party_ids & actor.company_ids),
    )


def partnerships_for(actor: Actor) -> QuerySet[Partnership]:
    """The partnerships of the companies the actor acts for, and of networks they coordinate."""
    condition = Q(parties__company_id__in=actor.company_ids) | Q(
        network_id__in=actor.coordinated_network_ids
    )
    return partnership_queryset().filter(condition).distinct().order_by("-stage_changed_at", "-pk")


def partnership_detail_data(partnership: Partnership) -> dict:
    """Everything the partnership page shows besides the parties, in a fixed number of queries."""
    return {
        "changes": list(
            StageChange.objects.filter(partnership=partnership).select_related(
                "changed_by", "company"
            )
        ),
        "checklist": list(ChecklistItem.objects.filter(partnership=partnership)),
        "versions": list(
            AgreementVersion.objects.filter(partnership=partnership)
            .select_related("created_by_company")
            .prefetch_related("confirmations__company")
        ),
        "reviews": list(
            Review.objects.filter(partnership=partnership).prefetch_related("submissions")
        ),
    }


def active_agreement(partnership: Partnership) -> AgreementVersion | None:
    return partnership.agreement_versions.filter(status=AgreementVersion.Status.ACTIVE).first()


def latest_agreement(partnership: Partnership) -> AgreementVersion | None:
    return partnership.agreement_versions.order_by("-number").first()


def get_version_for(actor: Actor, partnership_id: int, number: int):
    access = get_partnership_for(actor, partnership_id)
    version = (
        AgreementVersion.objects.filter(partnership=access.partnership, number=number)
        .select_related("created_by_company", "created_by")
        .prefetch_related("confirmations__company", "confirmations__confirmed_by")
        .first()
    )
    if version is None:
        raise Http404(_("Agreement version not found."))
    return access, version


def get_review_for(actor: Actor, partnership_id: int, number: int):
    access = get_partnership_for(actor, partnership_id)
    review = (
        Review.objects.filter(partnership=access.partnership, number=number)
        .select_related("agreement_version")
        .prefetch_related("submissions__company", "kpi_actuals", "action_items__owner")
        .first()
    )
    if review is None:
        raise Http404(_("Review not found."))
    return access, review


def visible_submissions(review: Review, party_ids: set[int], viewer_company_id: int | None):
    """Submissions the viewer may read: their own always; the others' only once every party
    has submitted (so nobody anchors on the other's scores)."""
    submissions = list(review.submissions.all())
    submitted = {s.company_id for s in submissions}
    if party_ids <= submitted:
        return submissions, True
    return [s for s in submissions if s.company_id == viewer_company_id], False


@dataclass(frozen=True)
class ContactAccess:
    request: ContactRequest
    company: Company | None  # sender or recipient the actor acts for
    is_coordinator: bool

    @property
    def is_recipient(self) -> bool:
        return self.company is not None and self.company.pk == self.request.recipient_id

    @property
    def is_sender(self) -> bool:
        return self.company is not None and self.company.pk == self.request.sender_id


def require_decider(actor: Actor, company: Company) -> None:
    """First contacts commit the company: only its owners and managers send or answer them."""
    membership = actor.company_membership_in(company)
    if membership is None or not membership.can_edit:
        raise PermissionDenied(_("Only the company's owners and managers can do this."))


def get_contact_request_for(actor: Actor, request_id: int) -> ContactAccess:
    if not actor.is_authenticated:
        raise Http404(_("Contact request not found."))
    request = (
        ContactRequest.objects.select_related(
            "sender", "recipient", "network", "sent_by", "partnership"
        )
        .filter(pk=request_id)
        .first()
    )
    if request is None:
        raise Http404(_("Contact request not found."))
    company = acting_company(actor, {request.sender_id, request.recipient_id})
    coordinator = actor.is_coordinator_of(request.network_id)
    # While a coordinator mediates, the recipient does not see the request yet.
    if (
        company is not None
        and company.pk == request.recipient_id
        and (request.status == ContactRequest.Status.MEDIATION)
    ):
        company = None
    if company is None and not coordinator:
        raise Http404(_("Contact request not found."))
    return ContactAccess(request=request, company=company, is_coordinator=coordinator)


def contact_requests_for(actor: Actor) -> dict[str, list[ContactRequest]]:
    """Received, sent, and (for coordinators) waiting to be forwarded."""
    base = ContactRequest.objects.select_related("sender", "recipient", "network")
    received = base.filter(recipient_id__in=actor.company_ids).exclude(
        status=ContactRequest.Status.MEDIATION
    )
    sent = base.filter(sender_id__in=actor.company_ids)
    mediation = base.filter(
        network_id__in=actor.coordinated_network_ids, status=ContactRequest.Status.MEDIATION
    )
    return {
        "received": list(received[:100]),
        "sent": list(sent[:100]),
        "mediation": list(mediation[:100]),
    }


def get_reference_request_for(
    actor: Actor, reference_id: int
) -> tuple[ReferenceRequest, Company | None]:
    """A reference request for the requester (reads), the referee (answers) or a coordinator."""
    if not actor.is_authenticated:
        raise Http404(_("Reference request not found."))
    reference = (
        ReferenceRequest.objects.select_related("requester", "candidate", "referee", "network")
        .filter(pk=reference_id)
        .first()
    )
    if reference is None:
        raise Http404(_("Reference request not found."))
    company = acting_company(actor, {reference.requester_id, reference.referee_id})
    if company is None and not actor.is_coordinator_of(reference.network_id):
        raise Http404(_("Reference request not found."))
    return reference, company


def reference_requests_for(actor: Actor) -> list[ReferenceRequest]:
    """Reference requests the actor's companies were asked to answer."""
    return list(
        ReferenceRequest.objects.filter(referee_id__in=actor.company_ids)
        .select_related("requester", "candidate", "referee")
        .order_by("-created_at")[:100]
    )


def references_about(actor: Actor, company_id: int) -> list[ReferenceRequest]:
    """Answered references about a company that the actor's companies asked for (a reference is
    a statement to the one who asked, so only they read it)."""
    if not actor.company_ids:
        return []
    return list(
        ReferenceRequest.objects.filter(
            candidate_id=company_id,
            requester_id__in=actor.company_ids,
            status=ReferenceRequest.Status.ANSWERED,
        )
        .select_related("referee")
        .order_by("-answered_at")[:20]
    )


def worked_together(company_a: int, company_b: int) -> bool:
    """Whether a recorded partnership of both went beyond a first contact."""
    return (
        Partnership.objects.filter(stage__in=WORKED_TOGETHER_STAGES, parties__company_id=company_a)
        .filter(parties__company_id=company_b)
        .exists()
    )


def partner_ids_of(company_ids: set[int]) -> set[int]:
    """Companies in a partnership (contacted or further, not ended) with any of ``company_ids``."""
    if not company_ids:
        return set()
    partnerships = PartnershipParty.objects.filter(
        company_id__in=company_ids, partnership__stage__in=PARTNER_STAGES
    ).values("partnership_id")
    return set(
        PartnershipParty.objects.filter(partnership_id__in=partnerships)
        .exclude(company_id__in=company_ids)
        .values_list("company_id", flat=True)
    )


def open_partnership_between(network_id: int, company_ids: set[int]) -> Partnership | None:
    """An open partnership of exactly these companies in the network, if there is one."""
    candidates = Partnership.objects.filter(network_id=network_id).exclude(stage=Stage.ENDED)
    for company_id in company_ids:
        candidates = candidates.filter(parties__company_id=company_id)
    for partnership in candidates.prefetch_related("parties"):
        if {p.company_id for p in partnership.parties.all()} == company_ids:
            return partnership
    return None


def open_partnerships_among(
    network_id: int, company_ids: set[int]
) -> dict[frozenset[int], Partnership]:
    """Open partnerships of the network among these companies, keyed by their exact set of
    parties: one pair of queries for a whole list of pairs instead of two per pair."""
    candidates = (
        Partnership.objects.filter(network_id=network_id, parties__company_id__in=company_ids)
        .exclude(stage=Stage.ENDED)
        .distinct()
        .prefetch_related("parties")
    )
    found: dict[frozenset[int], Partnership] = {}
    for partnership in candidates:
        found.setdefault(frozenset(p.company_id for p in partnership.parties.all()), partnership)
    return found


def addable_companies(access: PartnershipAccess):
    """Companies a project group may add: listed in its network, visible there, not yet partners.

    Anonymous and private companies are left out: naming them here would reveal them.
    """
    from verbund.companies.models import Company

    partnership = access.partnership
    return (
        Company.objects.filter(
            listings__network=partnership.network, visibility=Company.Visibility.NETWORK
        )
        .exclude(pk__in=partnership.parties.values("company_id"))
        .order_by("name")
        .only("pk", "name", "city")
    )
