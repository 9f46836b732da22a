import django.dispatch

mutual_interest = django.dispatch.Signal()
