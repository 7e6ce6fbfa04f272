from django import forms

from scorecard.form_fields import date_field
from scorecard.organisation.models import User

from .choices import ACTION_STATUSES_OPEN, status_choices


class NewActionForm(forms.Form):
    description = forms.CharField(
        label="Action", widget=forms.Textarea, help_text="What will be done, and what it will change.",
        error_messages={"required": "Describe the action."},
    )  # fmt: skip
    owner = forms.ModelChoiceField(
        label="Owner", queryset=User.objects.filter(is_active=True).order_by("first_name", "last_name"),
        error_messages={"required": "Every action needs an owner: choose who will do it."},
    )  # fmt: skip
    due_on = date_field("Due date")


class ProgressForm(forms.Form):
    """The owner's progress report; the due date moves only through an extension request."""

    status = forms.ChoiceField(label="Status")
    percent_complete = forms.IntegerField(
        label="Per cent complete", min_value=0, max_value=100,
        error_messages={"min_value": "Enter a percentage from 0 to 100.",
                        "max_value": "Enter a percentage from 0 to 100.",
                        "required": "Enter how complete the action is, from 0 to 100.",
                        "invalid": "Enter a whole number from 0 to 100."},
    )  # fmt: skip
    progress = forms.CharField(label="Progress", widget=forms.Textarea, required=False)
    on_track = forms.BooleanField(label="On track to be done by its due date", required=False)
    evidence = forms.CharField(
        label="Evidence", widget=forms.Textarea, required=False,
        help_text="What shows it is done: a document, a decision, a figure.",
    )  # fmt: skip

    def __init__(self, *args, action, may_cancel: bool, **kwargs):
        """An action's owner sets its status; a recommendation's moves through internal audit's
        steps (marked implemented with evidence, verified, cancelled by internal audit), so its
        form offers only not started and in progress, and no status once it is done."""
        super().__init__(*args, **kwargs)
        if not action.is_recommendation:
            self.fields["status"].choices = status_choices(recommendation=False)
        elif action.status in ACTION_STATUSES_OPEN:
            self.fields["status"].choices = [
                (value, label)
                for value, label in status_choices(recommendation=True)
                if value in ACTION_STATUSES_OPEN or (value == "cancelled" and may_cancel)
            ]
        else:
            del self.fields["status"]


class ExtensionRequestForm(forms.Form):
    new_due_on = date_field("New due date")
    reason = forms.CharField(
        label="Why is more time needed?", widget=forms.Textarea,
        error_messages={"required": "Say why more time is needed."},
    )  # fmt: skip


class ExtensionDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label="Decision",
        choices=[("approve", "Approve the new date"), ("refuse", "Refuse: keep the date")],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether to approve or refuse the extension."},
    )
    note = forms.CharField(
        label="Note (needed when you refuse)", widget=forms.Textarea, required=False
    )
