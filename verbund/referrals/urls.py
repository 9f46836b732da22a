from verbund.referrals import views

app_name = "referrals"

urlpatterns = views.urlpatterns
