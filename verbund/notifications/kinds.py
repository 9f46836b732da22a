"""What an app can tell people: a stable key plus lazily translated title and body.

Kinds live with the app that sends them (declared at import time with ``register``), so the text of
a notification is rendered in the reader's language whenever it is shown, not frozen when sent.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from verbund.lib.money import euros


class _Params(dict):
    """Parameters for %-formatting that never crash on a missing key (old rows, changed texts)."""

    def __missing__(self, key: str) -> str:
        return "…"


# Amounts are stored language-neutral ("770.00 EUR", as senders write them) and shown in the
# reader's format when rendered ("770,00 €" in German, "770.00 €" in English).
_AMOUNT = re.compile(r"^(-?\d+(?:\.\d+)?) EUR$")


def _shown(value: Any) -> Any:
    match = _AMOUNT.match(value) if isinstance(value, str) else None
    if match is None:
        return value
    return euros(Decimal(match.group(1)))


@dataclass(frozen=True)
class NotificationKind:
    key: str
    title: str | Promise
    body: str | Promise = ""
    # Some things are worth a badge in the app but not an email (e.g. a read receipt).
    email: bool = True

    def render(self, params: Mapping[str, Any]) -> tuple[str, str]:
        values = _Params({key: _shown(value) for key, value in params.items()})
        return str(self.title) % values, (str(self.body) % values if self.body else "")


_REGISTRY: dict[str, NotificationKind] = {}

UNKNOWN = NotificationKind(key="unknown", title=_("Notification"))


def register(kind: NotificationKind) -> NotificationKind:
    """Declare a kind; the key is stored with every notification, so it must stay stable."""
    _REGISTRY[kind.key] = kind
    return kind


def get_kind(key: str) -> NotificationKind:
    """The kind for a stored key; a kind that no longer exists still renders something sensible."""
    return _REGISTRY.get(key, UNKNOWN)
