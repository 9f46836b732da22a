"""API authentication: personal tokens (``Authorization: Bearer vbd_…``) or the browser session."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils import translation
from ninja.security import HttpBearer, SessionAuth

from verbund.accounts.services import api_token_authenticate
from verbund.tenancy.actor import load_actor


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str):
        user = api_token_authenticate(token)
        if user is None:
            return None
        request.user = user
        # Token requests have no session: the actor acts in their first network and company.
        request.actor = load_actor(user, None)  # type: ignore[attr-defined]
        # As on the web, the saved language wins: the middleware ran before the token was known.
        if user.language:
            translation.activate(user.language)
            request.LANGUAGE_CODE = user.language  # type: ignore[attr-defined]
        return user


api_auth = [TokenAuth(), SessionAuth()]
