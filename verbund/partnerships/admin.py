from django.contrib import admin

from verbund.partnerships.models import (
    AgreementVersion,
    ContactRequest,
    Partnership,
    PartnershipParty,
    ReferenceRequest,
    Review,
    StageChange,
)


class PartyInline(admin.TabularInline):
    model = PartnershipParty
    extra = 0
    raw_id_fields = ["company"]


class StageChangeInline(admin.TabularInline):
    model = StageChange
    extra = 0
    readonly_fields = ["from_stage", "to_stage", "changed_by", "company", "reason", "created_at"]


@admin.register(Partnership)
class PartnershipAdmin(admin.ModelAdmin):
    list_display = ["pk", "network", "form", "stage", "origin", "stage_changed_at"]
    list_filter = ["stage", "form", "network"]
    inlines = [PartyInline, StageChangeInline]


@admin.register(ContactRequest)
class ContactRequestAdmin(admin.ModelAdmin):
    list_display = ["pk", "sender", "recipient", "status", "created_at"]
    list_filter = ["status", "network"]
    raw_id_fields = ["sender", "recipient", "about_offer", "about_need", "partnership"]


@admin.register(AgreementVersion)
class AgreementVersionAdmin(admin.ModelAdmin):
    list_display = ["partnership", "number", "status", "created_at", "activated_at"]
    list_filter = ["status"]


admin.site.register(Review)
admin.site.register(ReferenceRequest)
