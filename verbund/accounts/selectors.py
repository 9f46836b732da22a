from __future__ import annotations

from django.db.models import QuerySet
from django.utils.crypto import constant_time_compare, salted_hmac

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


def _calendar_digest(user: User) -> str:
    return salted_hmac("verbund.calendar", f"{user.pk}:{user.calendar_nonce}").hexdigest()[:32]


def calendar_key(user: User) -> str:
    """The person's key for calendar feeds: their id and a digest only the server can make."""
    return f"{user.pk}.{_calendar_digest(user)}"


def user_for_calendar_key(key: str) -> User | None:
    """The active person a calendar key belongs to; None for anything else."""
    user_id, _, digest = key.partition(".")
    if not user_id.isdigit() or not digest:
        return None
    user = User.objects.filter(pk=int(user_id), is_active=True).first()
    if user is None or not constant_time_compare(digest, _calendar_digest(user)):
        return None
    return user
