"""Helpers shared by the partnership views."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

INVALID = 400  # a refused form is shown again with its messages, nothing is lost


def render_form(
    request: HttpRequest, template: str, context: dict, *, invalid: bool
) -> HttpResponse:
    return render(request, template, context, status=INVALID if invalid else 200)
