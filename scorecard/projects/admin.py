from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    Milestone,
    Programme,
    Project,
    ProjectFinance,
    ProjectRagRules,
    ProjectStage,
    ProjectUpdate,
)

for model in (Programme, Project, ProjectStage, Milestone, ProjectFinance, ProjectUpdate):
    admin.site.register(model, SimpleHistoryAdmin)
admin.site.register(ProjectRagRules, SimpleHistoryAdmin)
