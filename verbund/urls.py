from django.contrib import admin
from django.http import HttpResponse
from django.urls import include, path, re_path

from verbund.api.api import api
from verbund.api.errors import unknown_endpoint
from verbund.tenancy import views as tenancy_views


def healthz(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [
    path("", tenancy_views.home, name="home"),
    path("", include("verbund.tenancy.urls")),
    path("accounts/", include("verbund.accounts.urls")),
    path("", include("verbund.companies.urls")),
    path("", include("verbund.notifications.urls")),
    path("", include("verbund.partnerships.urls")),
    path("", include("verbund.referrals.urls")),
    path("", include("verbund.groups.urls")),
    path("", include("verbund.matching.urls")),
    path("", include("verbund.activities.urls")),
    path("", include("verbund.health.urls")),
    path("", include("verbund.health.dashboard_views")),
    path("api/v1/", api.urls),
    re_path(r"^api/(?P<rest>.*)$", unknown_endpoint),  # after the API: what it does not answer
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
]
