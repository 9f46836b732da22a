from django.urls import path

from verbund.tenancy import views

app_name = "tenancy"

urlpatterns = [
    path("switch/", views.switch, name="switch"),
    path("n/<slug:slug>/", views.network_overview, name="network"),
    path("n/<slug:slug>/invitations/", views.invitations, name="invitations"),
    path(
        "n/<slug:slug>/invitations/<int:invitation_id>/withdraw/",
        views.invitation_withdraw,
        name="invitation_withdraw",
    ),
]
