"""Partnership routes, mounted at the site root under /partnerships/."""

from verbund.partnerships.views import agreement, contact, partnership, reference, review

app_name = "partnerships"

urlpatterns = (
    partnership.urlpatterns
    + contact.urlpatterns
    + agreement.urlpatterns
    + review.urlpatterns
    + reference.urlpatterns
)
