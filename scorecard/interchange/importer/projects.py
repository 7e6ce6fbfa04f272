"""Import of the projects, their milestones and their finances by financial year.

A project is found by its reference, else by its name (a project keyed in without a reference
takes the one the file gives; an empty Reference cell keeps the project's); a milestone by its project and name; a year's finances by the project and year.
Everything is written through the projects app's services, so the history of each record keeps
what it was. A programme or project stage the file names that is not in the system yet is added
(listed in the preview). Adding or changing a project or its finances is for the team that sets projects up
(`user_can_manage_projects`); a project's milestones for whoever may edit the project
(`project_access`).
"""

from collections import defaultdict

from scorecard.organisation.access import Action
from scorecard.performance.models import Priority
from scorecard.projects import services as project_services
from scorecard.projects.access import project_access
from scorecard.projects.models import Milestone, Programme, Project, ProjectFinance, ProjectStage

from .outcome import CHANGED, CREATED, UNCHANGED

MONEY = ("budget", "spend", "forecast_spend", "savings_target", "savings_achieved")
# Spend and savings achieved are reported by the quarterly updates: an empty cell keeps them.
REPORTED = {"spend", "forecast_spend", "savings_achieved"}


def _codes(text: object) -> list[str]:
    """Priority codes written with semicolons or commas between them."""
    return [c.strip() for c in str(text or "").replace(",", ";").split(";") if c.strip()]


class ProjectSheets:
    """Handlers of the Projects, Milestones and Finances sheets."""

    def _load_projects(self) -> None:
        if hasattr(self, "_projects"):
            return
        self._projects: dict[str, Project] = {}
        self._project_names: dict[str, Project] = {}
        for project in Project.objects.select_related("programme").prefetch_related("priorities"):
            self._know_project(project)
        self._projects_visible = set(project_access(self.user).values_list("pk", flat=True))
        self._projects_editable = set(
            project_access(self.user, Action.EDIT).values_list("pk", flat=True)
        )

    def _know_project(self, project: Project) -> None:
        if project.reference:
            self._projects[project.reference.lower()] = project
        self._project_names[project.name.lower()] = project

    def _project(self, sheet, number, key, text, *, edit: bool = True) -> Project:
        """A project by its reference, else by its name; one the person may edit (or see, for a
        sheet whose changes are the team's)."""
        wanted = str(text).strip().lower()
        project = self._projects.get(wanted) or self._project_names.get(wanted)
        if project is None or project.pk not in self._projects_visible:
            self._fail(sheet, number, key, f"there is no project '{text}'")
        if edit and project.pk not in self._projects_editable:
            self._fail(sheet, number, key, f"you may not change project {project.name}")
        return project

    # --- projects ------------------------------------------------------------------------------

    def _apply_projects(self, sheet, rows) -> None:
        self._load_projects()
        stages = {s.name.lower(): s for s in ProjectStage.objects.all()}
        programmes = {p.name.lower(): p for p in Programme.objects.all()}
        priorities = defaultdict(list)  # code -> priorities, the latest plan's first
        for priority in Priority.objects.order_by("-plan__adopted_on", "pk"):
            priorities[priority.code.lower()].append(priority)

        def stage_of(text):
            if not text:
                return None
            found = stages.get(str(text).strip().lower())
            if found is None:  # after the council's stages, in the order the file names them
                order = max((s.order for s in stages.values()), default=-1) + 1
                found = project_services.project_stage_create(name=str(text), order=order)
                stages[found.name.lower()] = found
                self._named("Project stages", found.name)
            return found

        def priorities_of(number, text, project):
            chosen, unknown = [], []
            linked = {p.pk for p in project.priorities.all()} if project else set()
            for code in _codes(text):
                found = priorities.get(code.lower())
                if not found:
                    unknown.append(code)
                    continue
                # A code in more than one plan: the one the project serves, else the latest plan's.
                chosen.append(next((p for p in found if p.pk in linked), found[0]))
            if unknown:
                self._fail(
                    sheet,
                    number,
                    "priorities",
                    f"there is no Corporate Plan priority {', '.join(unknown)}",
                )
            return chosen

        def programme_of(text):
            if not text:
                return None
            found = programmes.get(str(text).strip().lower())
            if found is None:
                found = project_services.programme_create(name=str(text))
                programmes[found.name.lower()] = found
                self._named("Programmes", found.name)
            return found

        def handle(number, values):
            reference = self._text(values, "reference")
            project = self._projects.get(reference.lower()) if reference else None
            if project is None:  # no reference given, or a project keyed in before it had one
                named = self._project_names.get(values["name"].lower())
                project = (
                    named if named is not None and not (reference and named.reference) else None
                )
            owner, sponsor, directorate, chosen = self._together(
                lambda: self._person(sheet, number, "owner", values["owner"]),
                lambda: self._person(sheet, number, "sponsor", values.get("sponsor")),
                lambda: self._directorate(sheet, number, "directorate", values["directorate"]),
                lambda: priorities_of(number, values.get("priorities"), project),
            )
            label = f"{reference} {values['name']}".strip()
            wanted = {
                "name": values["name"],
                "owner": owner,
                "directorate": directorate,
                "start_date": values["start_date"],
                "end_date": values["end_date"],
            }
            if reference:  # an empty cell keeps the project's reference
                wanted["reference"] = reference
            if "sponsor" in values:
                wanted["sponsor"] = sponsor
            if "stage" in values:
                wanted["stage"] = stage_of(values["stage"])
            if "programme" in values:
                wanted["programme"] = programme_of(values["programme"])
            if "description" in values:
                wanted["description"] = self._text(values, "description")
            if values.get("is_archived") is not None:
                wanted["is_archived"] = values["is_archived"]
            if project is None:
                archived = wanted.pop("is_archived", False)
                project = project_services.project_create(priorities=chosen, **wanted)
                if archived:
                    project_services.project_edit(project=project, is_archived=True)
                self._know_project(project)
                self._projects_visible.add(project.pk)
                self._projects_editable.add(project.pk)
                return CREATED, label
            changes = {k: v for k, v in wanted.items() if getattr(project, k) != v}
            stored = {p.pk for p in project.priorities.all()}
            new_priorities = None
            if "priorities" in values and stored != {p.pk for p in chosen}:
                new_priorities = chosen
            if not changes and new_priorities is None:
                return UNCHANGED, label
            project_services.project_edit(project=project, priorities=new_priorities, **changes)
            self._know_project(project)
            return CHANGED, label

        self._each(sheet, rows, handle)

    # --- milestones ----------------------------------------------------------------------------

    def _apply_milestones(self, sheet, rows) -> None:
        self._load_projects()
        existing = {(m.project_id, m.name.lower()): m for m in Milestone.objects.all()}

        def handle(number, values):
            project = self._project(sheet, number, "project", values["project"])
            milestone = existing.get((project.pk, values["name"].lower()))
            label = f"{project.name}: {values['name']}"
            wanted = {"planned_date": values["planned_date"]}
            for key in ("forecast_date", "actual_date"):
                if key in values:
                    wanted[key] = values[key]
            if values.get("is_archived") is not None:
                wanted["is_archived"] = values["is_archived"]
            if milestone is None:
                archived = wanted.pop("is_archived", False)
                milestone = project_services.milestone_create(
                    project=project, name=values["name"], **wanted
                )
                if archived:
                    project_services.milestone_edit(milestone=milestone, is_archived=True)
                existing[(project.pk, milestone.name.lower())] = milestone
                return CREATED, label
            changes = {k: v for k, v in wanted.items() if getattr(milestone, k) != v}
            if values["name"] != milestone.name:
                changes["name"] = values["name"]  # the same name in other capitals
            if not changes:
                return UNCHANGED, label
            project_services.milestone_edit(milestone=milestone, **changes)
            return CHANGED, label

        self._each(sheet, rows, handle)

    # --- finances by financial year ------------------------------------------------------------

    def _apply_project_finances(self, sheet, rows) -> None:
        self._load_projects()
        existing = {(f.project_id, f.year): f for f in ProjectFinance.objects.all()}

        def handle(number, values):
            project, year = self._together(
                lambda: self._project(sheet, number, "project", values["project"], edit=False),
                lambda: self._period(sheet, number, "year", values["year"], ("year",)),
            )
            finance = existing.get((project.pk, year.key))
            action = CREATED if finance is None else CHANGED
            label = f"{project.name} {year.key}"
            wanted = {}
            for key in MONEY:
                if key not in values or (key in REPORTED and values[key] is None):
                    continue  # not in the file, or left to the quarterly updates
                wanted[key] = values[key]
            if finance is not None:
                changes = {k: v for k, v in wanted.items() if getattr(finance, k) != v}
                if not changes:
                    return UNCHANGED, label
                for key in ("budget", "savings_target"):  # the service sets both each time
                    wanted.setdefault(key, getattr(finance, key))
            finance = project_services.project_finance_set(project=project, year=year.key, **wanted)
            existing[(project.pk, year.key)] = finance
            return action, label

        self._each(sheet, rows, handle)
