"""Matching routes; mounted at the site root so pages read /n/<slug>/suggestions/…"""

from verbund.matching.views import urlpatterns

app_name = "matching"

__all__ = ["app_name", "urlpatterns"]
