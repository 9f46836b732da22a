from django.contrib import admin

from verbund.groups.models import Group, GroupCategory, Meeting, Officer, Seat, Visitor


class OfficerInline(admin.TabularInline):
    model = Officer
    extra = 0
    raw_id_fields = ["user"]


class SeatInline(admin.TabularInline):
    model = Seat
    extra = 0
    raw_id_fields = ["user", "company"]


class GroupCategoryInline(admin.TabularInline):
    model = GroupCategory
    extra = 0


@admin.register(Group)
class GroupAdmin(admin.ModelAdmin):
    list_display = ["name", "network", "rhythm", "weekday", "location"]
    list_filter = ["network", "rhythm"]
    search_fields = ["name"]
    # Seats added here skip the one-per-category message but not the database constraint.
    inlines = [OfficerInline, SeatInline, GroupCategoryInline]


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["group", "starts_at", "location"]
    list_filter = ["group"]


@admin.register(Visitor)
class VisitorAdmin(admin.ModelAdmin):
    list_display = ["name", "group", "category", "status", "visited_on"]
    list_filter = ["group", "status"]
