"""Routes of the partnership's working pages, mounted at the site root."""

from verbund.activities import views

app_name = "activities"

urlpatterns = views.urlpatterns
