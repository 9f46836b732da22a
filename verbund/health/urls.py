from django.urls import path

from verbund.health import views

app_name = "health"

urlpatterns = [
    path("early-warnings/", views.alert_list, name="alerts"),
    path(
        "early-warnings/<int:alert_id>/acknowledge/",
        views.alert_acknowledge,
        name="alert_acknowledge",
    ),
    path("early-warnings/<int:alert_id>/resolve/", views.alert_resolve, name="alert_resolve"),
    path("n/<slug:slug>/health-settings/", views.network_settings, name="settings"),
]
