from django.urls import path

from verbund.companies import views

app_name = "companies"

urlpatterns = [
    path("<int:company_id>/", views.company_detail, name="detail"),
]
