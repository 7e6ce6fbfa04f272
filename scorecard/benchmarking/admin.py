"""Comparator groups and values in the Django admin (superusers only)."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import ComparatorGroup, ComparatorGroupMember, ComparatorValue


class MemberInline(admin.TabularInline):
    model = ComparatorGroupMember
    extra = 0


@admin.register(ComparatorGroup)
class ComparatorGroupAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "order", "is_archived"]
    inlines = [MemberInline]


@admin.register(ComparatorValue)
class ComparatorValueAdmin(admin.ModelAdmin):
    list_display = ["indicator", "year", "area_name", "value", "source", "measure"]
    list_filter = ["source", "year"]
    search_fields = ["area_name", "area_code", "indicator__code"]
