from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.functional import SimpleLazyObject

from verbund.tenancy.actor import load_actor


class ActorMiddleware:
    """Attach ``request.actor``, resolved on first use so static or anonymous pages pay nothing."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.actor = SimpleLazyObject(  # type: ignore[attr-defined]
            lambda: load_actor(request.user, getattr(request, "session", None))
        )
        return self.get_response(request)
