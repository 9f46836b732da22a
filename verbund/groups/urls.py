"""Referral group routes, mounted at the site root: /groups/…"""

from verbund.groups.views import meetings, members, reports, slips

app_name = "groups"

urlpatterns = slips.urlpatterns + meetings.urlpatterns + reports.urlpatterns + members.urlpatterns
