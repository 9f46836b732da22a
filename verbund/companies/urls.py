"""Company routes; mounted at the site root so network-scoped pages read /n/<slug>/…"""

from verbund.companies.views import directory, imports, profile, stocktaking

app_name = "companies"

urlpatterns = (
    profile.urlpatterns + stocktaking.urlpatterns + directory.urlpatterns + imports.urlpatterns
)
