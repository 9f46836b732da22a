from django.urls import path

from verbund.notifications import views

app_name = "notifications"

urlpatterns = [
    path("notifications/", views.inbox, name="inbox"),
    path("notifications/<int:notification_id>/", views.open_notification, name="open"),
    path("notifications/read-all/", views.mark_all_read, name="mark_all_read"),
]
