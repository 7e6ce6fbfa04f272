from django.contrib import admin

from .models import Alert, AlertPreference, Schedule, ScheduledRun


@admin.register(ScheduledRun)
class ScheduledRunAdmin(admin.ModelAdmin):
    list_display = ["kind", "due_at", "started_at", "finished_at", "emails_sent"]
    list_filter = ["kind"]


@admin.register(Alert)
class AlertAdmin(admin.ModelAdmin):
    list_display = ["subject", "person", "kind", "delivery", "created_at", "sent_at"]
    list_filter = ["kind", "delivery"]


admin.site.register(Schedule)
admin.site.register(AlertPreference)
