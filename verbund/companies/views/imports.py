"""Pages for the company imports."""

from __future__ import annotations

urlpatterns: list = []
