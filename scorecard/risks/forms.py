"""Forms of the risk pages. They parse input; the services decide and name the field they refuse."""

from django import forms

from .choices import ActionStatus


class ReviewForm(forms.Form):
    likelihood = forms.TypedChoiceField(
        label="Likelihood now", coerce=int, widget=forms.RadioSelect,
        error_messages={"required": "Choose the likelihood."},
    )  # fmt: skip
    impact = forms.TypedChoiceField(
        label="Impact now", coerce=int, widget=forms.RadioSelect,
        error_messages={"required": "Choose the impact."},
    )  # fmt: skip
    commentary = forms.CharField(
        label="What has changed, and why",
        widget=forms.Textarea,
        error_messages={"required": "Say what has changed since the last review, and why."},
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, matrix, **kwargs):
        super().__init__(*args, **kwargs)
        self.matrix = matrix
        self.fields["likelihood"].choices = [
            (level.number, f"{level.number} {level.label}") for level in matrix.likelihood
        ]
        self.fields["impact"].choices = [
            (level.number, f"{level.number} {level.label}") for level in matrix.impact
        ]


class ActionForm(forms.Form):
    status = forms.ChoiceField(label="Status", choices=ActionStatus.choices)
    percent_complete = forms.IntegerField(
        label="Per cent complete", min_value=0, max_value=100,
        error_messages={"min_value": "Enter a percentage from 0 to 100.",
                        "max_value": "Enter a percentage from 0 to 100.",
                        "required": "Enter how complete the action is, from 0 to 100.",
                        "invalid": "Enter a whole number from 0 to 100."},
    )  # fmt: skip
    progress = forms.CharField(label="Progress", widget=forms.Textarea, required=False)
    on_track = forms.BooleanField(label="On track to be done by its due date", required=False)
    revised_due_on = forms.DateField(
        label="Revised due date",
        required=False,
        help_text="Only if the date has moved. For example, 31/3/2018.",
        input_formats=["%d/%m/%Y", "%Y-%m-%d", "%d %B %Y", "%d %b %Y"],
        error_messages={"invalid": "Enter the revised date as day/month/year, like 31/3/2018."},
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class EscalationRequestForm(forms.Form):
    to_register = forms.TypedChoiceField(label="Escalate to", coerce=int)
    reason = forms.CharField(
        label="Why should it move?",
        widget=forms.Textarea,
        error_messages={"required": "Give the reason for moving the risk."},
    )

    def __init__(self, *args, registers, **kwargs):
        super().__init__(*args, **kwargs)
        self.registers = {register.pk: register for register in registers}
        self.fields["to_register"].choices = [(r.pk, r.name) for r in registers]


class EscalationDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label="Decision",
        choices=[("accept", "Accept: move the risk"), ("decline", "Decline: leave it where it is")],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether to accept or decline the request."},
    )
    note = forms.CharField(label="Reason for the decision", widget=forms.Textarea, required=False)
