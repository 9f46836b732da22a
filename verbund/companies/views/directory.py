"""Pages for the company directory."""

from __future__ import annotations

urlpatterns: list = []
