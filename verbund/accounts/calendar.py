"""Calendar feeds for calendar apps: a session or the person's calendar key in ``?key=``.

A calendar app subscribes to an address and fetches it without a browser session, so the feed
views take either. The key only stands in for the login: the feed's own access gate still
decides, for the key's owner, what the feed may show.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, HttpResponseForbidden
from django.urls import reverse
from django.utils.translation import gettext as _

from verbund.accounts.selectors import calendar_key, user_for_calendar_key
from verbund.tenancy.actor import load_actor


def login_or_calendar_key(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.is_authenticated:
            key = request.GET.get("key", "")
            if not key:
                return redirect_to_login(request.get_full_path())  # a person in a browser
            user = user_for_calendar_key(key)
            if user is None:
                # A calendar app cannot follow a login page; a refusal it can show as an error.
                return HttpResponseForbidden(
                    _("This calendar link is no longer valid. Copy the new link from Verbund."),
                    content_type="text/plain; charset=utf-8",
                )
            request.user = user
            request.actor = load_actor(user, None)  # type: ignore[attr-defined]
        return view(request, *args, **kwargs)

    return wrapped


def subscription_url(request: HttpRequest, name: str, *args) -> str:
    """The absolute feed address with the person's key, for their calendar app."""
    path = reverse(name, args=args)
    return request.build_absolute_uri(f"{path}?key={calendar_key(request.user)}")
