from django.contrib import admin

from verbund.referrals.models import Referral, ReferralStatusChange


class ReferralStatusChangeInline(admin.TabularInline):
    model = ReferralStatusChange
    extra = 0
    readonly_fields = ["from_status", "to_status", "changed_by", "changed_at", "note"]
    can_delete = False


@admin.register(Referral)
class ReferralAdmin(admin.ModelAdmin):
    # Read-mostly: the status moves through the receiver's page so the history stays whole.
    list_display = ["referrer_company", "receiver_company", "status", "created_at", "group"]
    list_filter = ["status", "network"]
    readonly_fields = ["status", "closed_value", "first_answer_at", "closed_at"]
    raw_id_fields = [
        "referrer_company", "receiver_company", "client_in_network", "referrer_user",
        "receiver_user", "consent_recorded_by", "created_by", "group",
    ]  # fmt: skip
    inlines = [ReferralStatusChangeInline]
