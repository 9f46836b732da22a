"""Writes for people: invitations, API tokens, language, and the login throttle."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from verbund.accounts.models import ApiToken, Invitation, User, hash_secret
from verbund.companies.models import Company, CompanyMember
from verbund.companies.services import company_member_set
from verbund.tenancy.actor import Actor
from verbund.tenancy.models import Membership, Network
from verbund.tenancy.services import membership_set

# --- login throttle -------------------------------------------------------------------------


def _throttle_key(email: str) -> str:
    return f"login-failures:{hash_secret(email.strip().lower())}"


def login_is_locked(*, email: str) -> bool:
    """Whether too many recent failed logins for this address lock it out for now."""
    return cache.get(_throttle_key(email), 0) >= settings.LOGIN_FAILURE_LIMIT


def login_failed(*, email: str) -> int:
    """Count a failed login; the count expires LOGIN_LOCKOUT_SECONDS after the last failure."""
    key = _throttle_key(email)
    failures = cache.get(key, 0) + 1
    cache.set(key, failures, timeout=settings.LOGIN_LOCKOUT_SECONDS)
    return failures


def login_succeeded(*, email: str) -> None:
    cache.delete(_throttle_key(email))


# --- users and language ---------------------------------------------------------------------


def user_create(
    *,
    email: str,
    password: str | None,
    first_name: str = "",
    last_name: str = "",
    language: str = "de",
) -> User:
    """Create a person who logs in with their email address."""
    if User.objects.filter(email__iexact=email.strip()).exists():
        raise ValidationError({"email": _("A person with this email address already exists.")})
    user = User.objects.create_user(
        email=email.strip(),
        password=password,
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        language=language,
    )
    return user


def user_set_language(*, user: User, language: str) -> User:
    if language not in dict(settings.LANGUAGES):
        raise ValidationError({"language": _("Unknown language.")})
    if user.language != language:
        user.language = language
        user.save(update_fields=["language"])
    return user


# --- invitations ----------------------------------------------------------------------------


@dataclass(frozen=True)
class IssuedInvitation:
    invitation: Invitation
    url: str
    resent: bool = False  # an open invitation to the address was sent again, not a new one


@transaction.atomic
def invitation_create(
    *,
    actor: Actor,
    network: Network,
    email: str,
    role: str = Membership.Role.MEMBER,
    company: Company | None = None,
    company_role: str = "",
    language: str | None = None,
) -> IssuedInvitation:
    """A coordinator invites a person by email; the link is single-use and expires.

    One open invitation per address and network: inviting the address again sends that one again,
    with the details now given, a fresh link (the earlier link stops working: only a digest of it
    is kept, so it cannot be sent twice) and a fresh validity. A person already in the network
    needs no invitation. The email goes out in ``language`` (default: the active one).
    """
    if not actor.is_coordinator_of(network):
        raise PermissionDenied(_("Only the network's coordinators can invite people."))
    if role not in Membership.Role.values:
        raise ValidationError({"role": _("Unknown role.")})
    if company is not None:
        if not company.listings.filter(network=network).exists():
            raise ValidationError({"company": _("This company is not listed in the network.")})
        company_role = company_role or CompanyMember.Role.OWNER
        if company_role not in CompanyMember.Role.values:
            raise ValidationError({"company_role": _("Unknown role.")})
    email = email.strip().lower()
    if Membership.objects.filter(network=network, user__email__iexact=email).exists():
        raise ValidationError(
            {"email": _("%(email)s is already a member of this network.") % {"email": email}}
        )
    secret = secrets.token_urlsafe(32)
    details = {
        "role": role,
        "company": company,
        "company_role": company_role if company else "",
        "token_hash": hash_secret(secret),
        "invited_by": actor.user,
        "expires_at": timezone.now() + timedelta(days=settings.INVITATION_VALID_DAYS),
    }
    invitation = (
        Invitation.objects.select_for_update()
        .filter(
            network=network,
            email=email,
            accepted_at__isnull=True,
            revoked_at__isnull=True,
            expires_at__gt=timezone.now(),
        )
        .order_by("-created_at")
        .first()
    )
    resent = invitation is not None
    if invitation is None:
        invitation = Invitation.objects.create(network=network, email=email, **details)
    else:
        for name, value in details.items():
            setattr(invitation, name, value)
        invitation.save(update_fields=list(details))
    url = settings.SITE_URL + reverse("accounts:invitation_accept", args=[secret])
    with translation.override(language or translation.get_language()):
        context = {"invitation": invitation, "url": url, "inviter": actor.user}
        send_mail(
            subject=_("Invitation to %(network)s on Verbund") % {"network": network.name},
            message=render_to_string("accounts/email/invitation.txt", context),
            from_email=None,
            recipient_list=[invitation.email],
        )
    return IssuedInvitation(invitation, url, resent)


def invitation_for_token(secret: str) -> Invitation | None:
    """The invitation behind a link, whatever its state (the view explains expired/used)."""
    return (
        Invitation.objects.select_related("network", "company")
        .filter(token_hash=hash_secret(secret))
        .first()
    )


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user: User) -> Membership:
    """Join the network (and company) of a usable invitation; the link can't be used again."""
    # Lock the row so that two simultaneous clicks can't both accept.
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_usable:
        raise ValidationError(_("This invitation is no longer valid."))
    membership = membership_set(user=user, network=invitation.network, role=invitation.role)
    if invitation.company_id:
        company_member_set(user=user, company=invitation.company, role=invitation.company_role)
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    return membership


@transaction.atomic
def invitation_withdraw(*, actor: Actor, invitation: Invitation) -> Invitation:
    if not actor.is_coordinator_of(invitation.network_id):
        raise PermissionDenied(_("Only the network's coordinators can withdraw invitations."))
    if invitation.accepted_at is None and invitation.revoked_at is None:
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])
    return invitation


# --- API tokens -----------------------------------------------------------------------------


@dataclass(frozen=True)
class IssuedToken:
    token: ApiToken
    secret: str  # shown to the person once, never stored


def api_token_create(*, user: User, name: str) -> IssuedToken:
    name = name.strip()
    if not name:
        raise ValidationError({"name": _("Give the token a name so you can recognise it later.")})
    secret = ApiToken.PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user, name=name[:100], hint=secret[:10], token_hash=hash_secret(secret)
    )
    return IssuedToken(token, secret)


def api_token_revoke(*, user: User, token_id: int) -> ApiToken:
    token = ApiToken.objects.filter(user=user, pk=token_id).first()
    if token is None:
        from django.http import Http404

        raise Http404(_("Token not found."))
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


def calendar_key_reset(*, user: User) -> None:
    """A new calendar key for the person: every calendar address given out before stops working."""
    user.calendar_nonce = secrets.token_urlsafe(16)
    user.save(update_fields=["calendar_nonce"])


def api_token_authenticate(secret: str) -> User | None:
    """The active user behind a token, or None; records when the token was last used."""
    if not secret.startswith(ApiToken.PREFIX):
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(token_hash=hash_secret(secret), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    # Writing on every call would turn each API read into a write; a minute's precision will do.
    if token.last_used_at is None or now - token.last_used_at > timedelta(minutes=1):
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user
