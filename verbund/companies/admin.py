from django.contrib import admin

from verbund.companies.models import Company, CompanyMember, NetworkCompany


class CompanyMemberInline(admin.TabularInline):
    model = CompanyMember
    extra = 0
    raw_id_fields = ["user"]


class NetworkCompanyInline(admin.TabularInline):
    model = NetworkCompany
    extra = 0


@admin.register(Company)
class CompanyAdmin(admin.ModelAdmin):
    list_display = ["name", "city", "country", "employees", "visibility"]
    list_filter = ["country", "visibility"]
    search_fields = ["name", "city", "registry_id"]
    inlines = [CompanyMemberInline, NetworkCompanyInline]
