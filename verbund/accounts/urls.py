from django.contrib.auth import views as auth_views
from django.urls import path

from verbund.accounts import views

app_name = "accounts"

urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password-reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "password-reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "password-reset/done/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="accounts/password_reset_complete.html"
        ),
        name="password_reset_complete",
    ),
    path("account/", views.account, name="account"),
    path("account/tokens/", views.api_token_create, name="token_create"),
    path("account/tokens/<int:token_id>/revoke/", views.api_token_revoke, name="token_revoke"),
    path("account/calendar-key/reset/", views.calendar_key_reset, name="calendar_key_reset"),
    path("language/", views.set_language, name="set_language"),
    path("invitation/<str:token>/", views.invitation_accept, name="invitation_accept"),
]
