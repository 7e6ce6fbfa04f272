from django.contrib import admin

from .models import ImportLayout, Job


@admin.register(ImportLayout)
class ImportLayoutAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "saved_by", "saved_at"]


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    list_display = ["kind", "filename", "created_by", "state", "rows_done", "rows_total"]
    exclude = ["data"]
