"""JSON errors with stable codes: ``{"error": {"code": "not_found", "message": "…"}}``."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, JsonResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError


def error_body(code: str, message: str, details=None) -> dict:
    body = {"code": code, "message": message}
    if details is not None:
        body["details"] = details
    return {"error": body}


def unknown_endpoint(request: HttpRequest, rest: str = "") -> JsonResponse:
    """Anything under /api/ that no endpoint answers: the API's JSON, not the site's HTML page."""
    message = _("There is no such API endpoint; the list is at /api/v1/docs.")
    return JsonResponse(error_body("not_found", message), status=404)


def install(api: NinjaAPI) -> None:
    def respond(request, status, code, message, details=None):
        return api.create_response(request, error_body(code, message, details), status=status)

    @api.exception_handler(Http404)
    def not_found(request: HttpRequest, exc):
        return respond(request, 404, "not_found", _("Not found."))

    @api.exception_handler(PermissionDenied)
    def forbidden(request: HttpRequest, exc):
        return respond(request, 403, "forbidden", str(exc) or _("You may not do this."))

    @api.exception_handler(AuthenticationError)
    def unauthorised(request: HttpRequest, exc):
        return respond(
            request, 401, "unauthorised", _("Authentication required: send a valid API token.")
        )

    @api.exception_handler(NinjaValidationError)
    def invalid(request: HttpRequest, exc: NinjaValidationError):
        return respond(request, 422, "invalid", _("The request is not valid."), exc.errors)

    @api.exception_handler(DjangoValidationError)
    def invalid_domain(request: HttpRequest, exc: DjangoValidationError):
        details = exc.message_dict if hasattr(exc, "error_dict") else exc.messages
        return respond(request, 422, "invalid", _("The request is not valid."), details)

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, exc: HttpError):
        return respond(request, exc.status_code, "error", str(exc))
