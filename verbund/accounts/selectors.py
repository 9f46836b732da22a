from __future__ import annotations

from django.db.models import QuerySet

from verbund.accounts.models import ApiToken, Invitation, User
from verbund.tenancy.actor import Actor
from verbund.tenancy.models import Network
from verbund.tenancy.selectors import get_network_for


def api_tokens_for(user: User) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user)


def invitations_for(actor: Actor, network: Network) -> QuerySet[Invitation]:
    get_network_for(actor, network.slug, coordinator=True)
    return network.invitations.select_related("company", "invited_by")


def get_invitation_for(actor: Actor, network: Network, invitation_id: int) -> Invitation:
    from django.shortcuts import get_object_or_404

    return get_object_or_404(invitations_for(actor, network), pk=invitation_id)


def account_exists(email: str) -> bool:
    """Whether someone already signed up with this address (invitations then ask them to log in)."""
    return User.objects.filter(email__iexact=email).exists()
