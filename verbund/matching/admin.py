from django.contrib import admin

from verbund.matching.models import IndexState, Suggestion


@admin.register(Suggestion)
class SuggestionAdmin(admin.ModelAdmin):
    list_display = ["company", "candidate", "network", "score", "feedback", "reason", "mutual_at"]
    list_filter = ["network", "feedback"]
    raw_id_fields = ["company", "candidate", "feedback_by"]


@admin.register(IndexState)
class IndexStateAdmin(admin.ModelAdmin):
    list_display = ["network", "generation", "companies", "built_at", "build_seconds"]
    readonly_fields = ["generation", "directory", "base_change", "companies", "built_at"]
