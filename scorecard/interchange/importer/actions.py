"""Import of the actions on indicators and projects, through the actions app's services.

An action is found by what it belongs to and its wording. Adding one, or changing its owner, is
for whoever may change the indicator or project; its owner may also report its progress. The
date first agreed never changes (a later one is an extension, asked for and approved on the
action's page).
"""

from scorecard.actions import services as action_services
from scorecard.actions.models import Action
from scorecard.organisation.access import Action as Do
from scorecard.performance.access import indicator_access

from .outcome import CHANGED, CREATED, UNCHANGED

PROGRESS_FIELDS = ["status", "percent_complete", "progress", "on_track", "evidence"]


class ActionSheets:
    """Handler of the Indicator and project actions sheet."""

    def _apply_subject_actions(self, sheet, rows) -> None:
        self._load_projects()
        indicators = {i.code.lower(): i for i in indicator_access(self.user, Do.VIEW)}
        editable = {
            ("indicator", pk)
            for pk in indicator_access(self.user, Do.EDIT).values_list("pk", flat=True)
        } | {("project", pk) for pk in self._projects_editable}
        existing = {}
        for item in Action.objects.filter(indicator__isnull=False) | Action.objects.filter(
            project__isnull=False
        ):
            key = (item.subject_field, getattr(item, f"{item.subject_field}_id"))
            existing.setdefault((*key, item.description.strip()), item)
        own = set(
            Action.objects.filter(owner=self.user).values_list("pk", flat=True)
            if self.user.is_authenticated
            else []
        )

        def subject_of(number, values):
            if values["kind"] == "project":
                return self._project(sheet, number, "subject", values["subject"], edit=False)
            found = indicators.get(str(values["subject"]).strip().lower())
            if found is None:
                self._fail(sheet, number, "subject", f"there is no indicator '{values['subject']}'")
            return found

        def handle(number, values):
            subject, owner = self._together(
                lambda: subject_of(number, values),
                lambda: self._person(sheet, number, "owner", values["owner"]),
            )
            may_change = (values["kind"], subject.pk) in editable
            item = existing.get((values["kind"], subject.pk, values["description"]))
            if not may_change and (item is None or item.pk not in own):
                self._fail(sheet, number, "subject", f"you may not change {subject}'s actions")
            label = f"{subject}: {values['description'][:60]}"
            outcome = UNCHANGED
            if item is None:
                item = action_services.action_create(
                    subject=subject,
                    description=values["description"],
                    owner=owner,
                    due_on=values["due_on"],
                    already_agreed=True,  # actions agreed before the import
                )
                existing[(values["kind"], subject.pk, values["description"])] = item
                outcome = CREATED
            elif item.due_on != values["due_on"]:
                self._fail(
                    sheet,
                    number,
                    "due_on",
                    f"the agreed due date is {item.due_on:%d/%m/%Y} and never changes: ask for "
                    "more time on the action's page",
                )
            changes = {
                key: values[key]
                for key in PROGRESS_FIELDS
                if values.get(key) is not None and getattr(item, key) != values[key]
            }
            if item.owner_id != owner.pk:
                if not may_change:
                    self._fail(sheet, number, "owner", "only who may change it changes its owner")
                changes["owner"] = owner
            if changes:
                action_services.action_update(action=item, by=self.user, **changes)
                outcome = outcome if outcome == CREATED else CHANGED
            return outcome, label

        self._each(sheet, rows, handle)
