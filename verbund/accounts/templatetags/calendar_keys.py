from __future__ import annotations

from django import template

from verbund.accounts.calendar import subscription_url

register = template.Library()


@register.simple_tag(takes_context=True)
def calendar_url(context, name: str, *args) -> str:
    """``{% calendar_url 'groups:calendar' group.pk %}``: the feed with the viewer's own key."""
    return subscription_url(context["request"], name, *args)
