from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from simple_history.admin import SimpleHistoryAdmin

from .models import Directorate, Membership, OrganisationSettings, Service, User


@admin.register(OrganisationSettings)
class OrganisationSettingsAdmin(SimpleHistoryAdmin):
    list_display = ["name", "financial_year_start_month"]


class ServiceInline(admin.TabularInline):
    model = Service
    extra = 0


@admin.register(Directorate)
class DirectorateAdmin(SimpleHistoryAdmin):
    list_display = ["code", "name", "director", "is_archived"]
    list_filter = ["is_archived"]
    search_fields = ["code", "name"]
    inlines = [ServiceInline]


@admin.register(Service)
class ServiceAdmin(SimpleHistoryAdmin):
    list_display = ["name", "directorate", "is_archived"]
    list_filter = ["directorate", "is_archived"]
    search_fields = ["name"]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0


@admin.register(User)
class PersonAdmin(UserAdmin):
    fieldsets = [*UserAdmin.fieldsets, ("Job", {"fields": ["job_title"]})]
    list_display = ["username", "first_name", "last_name", "job_title", "is_active"]
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ["person", "role", "directorate"]
    list_filter = ["role", "directorate"]
