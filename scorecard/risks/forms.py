"""Forms of the risk pages. They parse input; the services decide and name the field they refuse."""

from django import forms
from django.db.models import Q

from scorecard.actions.forms import ProgressForm
from scorecard.core.matrix_presets import PRESETS
from scorecard.form_fields import date_field
from scorecard.organisation.models import Directorate, User

from .choices import ControlEffectiveness, RegisterKind
from .models import IndicatorLink, Register, RiskArea, RiskCategory


def _category_field(**kwargs) -> forms.ModelChoiceField:
    """The council's categories in use, chosen by code (the value risks and reports hold)."""
    return forms.ModelChoiceField(
        label="Category", queryset=RiskCategory.objects.filter(is_archived=False),
        to_field_name="code", empty_label=None,
        error_messages={"required": "Choose the category."}, **kwargs,
    )  # fmt: skip


class QuarterChoiceField(forms.ChoiceField):
    """The quarters offered, but any quarter is passed on: the service says why one is refused
    (locked, not begun), in the person's terms."""

    def valid_value(self, value) -> bool:
        return True


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
    period = QuarterChoiceField(
        label="Which quarter is this review for?",
        required=False,
        help_text="It counts in that quarter's dashboards and report.",
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, matrix, quarters=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.matrix = matrix
        self.fields["period"].choices = [(q.key, q.label) for q in quarters]
        self.fields["likelihood"].choices = [
            (level.number, f"{level.number} {level.label}") for level in matrix.likelihood
        ]
        self.fields["impact"].choices = [
            (level.number, f"{level.number} {level.label}") for level in matrix.impact
        ]


class ActionForm(ProgressForm):
    """A risk action's progress, where its owner may also record a revised date at a review."""

    revised_due_on = forms.DateField(
        label="Revised due date",
        required=False,
        help_text="Only if the date has moved. For example, 31/3/2018.",
        input_formats=["%d/%m/%Y", "%Y-%m-%d", "%d %B %Y", "%d %b %Y"],
        error_messages={"invalid": "Enter the revised date as day/month/year, like 31/3/2018."},
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, action, **kwargs):
        super().__init__(*args, action=action, may_cancel=False, **kwargs)


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


REVIEW_CHOICES = [
    ("", "Follow the band (red monthly, amber quarterly, green six-monthly)"),
    (1, "Every month"),
    (3, "Every quarter"),
    (6, "Every six months"),
    (12, "Every year"),
]


def _level_field(label: str, levels, required: bool = True) -> forms.TypedChoiceField:
    empty = [("", "Choose a level")] if required else [("", "No target")]
    return forms.TypedChoiceField(
        label=label,
        coerce=int,
        empty_value=None,
        required=required,
        choices=empty + [(level.number, f"{level.number} {level.label}") for level in levels],
        error_messages={"required": f"Choose the {label.lower()}."},
    )


class RiskForm(forms.Form):
    """A risk's description and ratings. Creating asks for the reference and the current rating;
    changing leaves the current rating to a review and carries the version the form was opened at."""

    reference = forms.CharField(
        label="Reference", max_length=30, help_text="E.g. ASC12. Never reused.",
        error_messages={"required": "Enter the risk's reference, for example ASC12."},
    )  # fmt: skip
    title = forms.CharField(
        label="Title", max_length=300,
        error_messages={"required": "Enter the risk's title."},
    )  # fmt: skip
    cause = forms.CharField(
        label="Because of (cause)", required=False, widget=forms.Textarea,
        help_text="What could bring it about.",
    )  # fmt: skip
    event = forms.CharField(
        label="There is a risk that (event)", required=False, widget=forms.Textarea
    )
    consequence = forms.CharField(
        label="Leading to (consequence)", required=False, widget=forms.Textarea
    )
    category = _category_field()
    owner = forms.ModelChoiceField(
        label="Owner", queryset=User.objects.filter(is_active=True),
        help_text="The officer accountable for managing the risk.",
        error_messages={"required": "Choose the risk's owner."},
    )  # fmt: skip
    register = forms.ModelChoiceField(
        label="Register", queryset=Register.objects.none(),
        error_messages={"required": "Choose the register the risk belongs to."},
    )  # fmt: skip
    area = forms.ModelChoiceField(
        label="Risk area", required=False, empty_label="None",
        queryset=RiskArea.objects.filter(is_archived=False),
        help_text="The area it is reported under to Cabinet, if any.",
    )  # fmt: skip
    inherent_likelihood = forms.TypedChoiceField(label="Inherent likelihood")
    inherent_impact = forms.TypedChoiceField(label="Inherent impact")
    current_likelihood = forms.TypedChoiceField(label="Current likelihood")
    current_impact = forms.TypedChoiceField(label="Current impact")
    target_likelihood = forms.TypedChoiceField(label="Target likelihood")
    target_impact = forms.TypedChoiceField(label="Target impact")
    target_date = date_field(
        "Target date", "When the target rating should be reached.", required=False
    )
    review_months = forms.TypedChoiceField(
        label="How often it is reviewed", choices=REVIEW_CHOICES, coerce=int, empty_value=None,
        required=False,
    )  # fmt: skip
    is_confidential = forms.BooleanField(
        label="Confidential: leave it out of public reports", required=False
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, matrix, registers, creating: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["register"].queryset = registers
        # A risk keeps its category once archived: offered to it, not to new risks.
        kept = self.initial.get("category") or ""
        self.fields["category"].queryset = RiskCategory.objects.filter(
            Q(is_archived=False) | Q(code=kept)
        )
        for stage, required in (("inherent", True), ("current", True), ("target", False)):
            for axis, levels in (("likelihood", matrix.likelihood), ("impact", matrix.impact)):
                name = f"{stage}_{axis}"
                self.fields[name] = _level_field(self.fields[name].label, levels, required)
        if creating:
            del self.fields["version"]
        else:
            del self.fields["reference"]
            del self.fields["current_likelihood"], self.fields["current_impact"]


class RiskCloseForm(forms.Form):
    reason = forms.CharField(
        label="Why is the risk being closed?",
        widget=forms.Textarea,
        help_text="The risk stays on record with its whole history; nothing is deleted.",
        error_messages={"required": "Say why the risk is being closed."},
    )


class ControlForm(forms.Form):
    description = forms.CharField(
        label="Control in place", widget=forms.Textarea,
        help_text="E.g. Business continuity plans, tested yearly.",
        error_messages={"required": "Describe the control."},
    )  # fmt: skip
    owner = forms.ModelChoiceField(
        label="Owner", required=False, empty_label="No one named",
        queryset=User.objects.filter(is_active=True),
    )  # fmt: skip
    effectiveness = forms.ChoiceField(
        label="How effective it is", choices=ControlEffectiveness.choices
    )


class ControlChangeForm(ControlForm):
    is_archived = forms.BooleanField(
        label="No longer in place (kept on record, shown no more)", required=False
    )


class NewActionForm(forms.Form):
    description = forms.CharField(
        label="Further action", widget=forms.Textarea,
        help_text="What will be done to bring the risk down to its target.",
        error_messages={"required": "Describe the action."},
    )  # fmt: skip
    owner = forms.ModelChoiceField(
        label="Owner", queryset=User.objects.filter(is_active=True),
        error_messages={"required": "Every action needs an owner: choose who will do it."},
    )  # fmt: skip
    due_on = date_field("Due date")


# --- risk settings (administrators) -------------------------------------------------------------


class RegisterForm(forms.Form):
    name = forms.CharField(
        label="Name", max_length=200, error_messages={"required": "Enter the register's name."}
    )
    kind = forms.ChoiceField(label="Kind of register", choices=RegisterKind.choices)
    directorate = forms.ModelChoiceField(
        label="Directorate", required=False, empty_label="None (the corporate register)",
        queryset=Directorate.objects.filter(is_archived=False),
        help_text="The directorate that owns it; none for the corporate register.",
    )  # fmt: skip
    parent = forms.ModelChoiceField(
        label="Register above it", required=False, empty_label="None",
        queryset=Register.objects.filter(is_archived=False),
        help_text="Where its risks are escalated to.",
    )  # fmt: skip
    description = forms.CharField(label="Description", required=False, widget=forms.Textarea)


class RegisterChangeForm(RegisterForm):
    archive = forms.BooleanField(
        label="Archive this register (only once all its risks are closed or moved)", required=False
    )


class RiskAreaForm(forms.Form):
    name = forms.CharField(
        label="Name", max_length=200, help_text="E.g. Children's Social Care.",
        error_messages={"required": "Enter the risk area's name."},
    )  # fmt: skip
    owner = forms.ModelChoiceField(
        label="Owner", queryset=User.objects.filter(is_active=True),
        help_text="The senior officer who answers for this area.",
        error_messages={"required": "Choose the area's owner."},
    )  # fmt: skip
    description = forms.CharField(
        label="What the risks in this area are about", required=False, widget=forms.Textarea
    )
    mitigation_summary = forms.CharField(
        label="Summary of mitigation", required=False, widget=forms.Textarea,
        help_text="How the council is mitigating these risks: shown in the Cabinet report.",
    )  # fmt: skip


class RiskAreaChangeForm(RiskAreaForm):
    is_archived = forms.BooleanField(label="Archived (no longer reported)", required=False)


class AppetiteForm(forms.Form):
    category = _category_field()
    maximum_score = forms.IntegerField(
        label="Highest acceptable score", min_value=1,
        help_text="Risks in this category scoring above it are outside appetite.",
        error_messages={"required": "Enter the highest acceptable score, for example 12.",
                        "invalid": "Enter the highest acceptable score as a whole number.",
                        "min_value": "The highest acceptable score must be 1 or more."},
    )  # fmt: skip
    statement = forms.CharField(label="Appetite statement", required=False, widget=forms.Textarea)


class MatrixLevelForm(forms.Form):
    label = forms.CharField(
        label="Label", max_length=50, error_messages={"required": "Give the level a label."}
    )
    descriptor = forms.CharField(
        label="What it means", required=False, widget=forms.Textarea,
        help_text="So that assessors rate alike.",
    )  # fmt: skip


class MatrixBandForm(forms.Form):
    label = forms.CharField(
        label="Label", max_length=50, error_messages={"required": "Give the band a label."}
    )
    colour = forms.CharField(
        label="Colour", max_length=7, help_text="# and six hex digits, e.g. #d4351c.",
        error_messages={"required": "Enter the colour, for example #d4351c."},
    )  # fmt: skip
    review_months = forms.IntegerField(
        label="Review every (months)", min_value=1, max_value=24,
        error_messages={"required": "Enter how often its risks are reviewed, in months.",
                        "invalid": "Enter a whole number of months.",
                        "min_value": "Review at least every 24 months and at most every month.",
                        "max_value": "Review at least every 24 months and at most every month."},
    )  # fmt: skip


class MatrixCellForm(forms.Form):
    band = forms.ChoiceField(label="Band", widget=forms.RadioSelect)

    def __init__(self, *args, bands, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["band"].choices = [(band.key, band.label) for band in bands]


class MatrixPresetForm(forms.Form):
    """One button per ready-made matrix: the button pressed names its size."""

    size = forms.TypedChoiceField(
        coerce=int,
        choices=[(n, f"{n} x {n}") for n in PRESETS],
        error_messages={"required": "Choose a ready-made matrix."},
    )


class IndicatorLinkForm(forms.Form):
    """Choose an indicator the risk threatens. The indicator model is read through the link's
    foreign key, so the risks app does not import the performance app."""

    indicator = forms.ModelChoiceField(
        label="Indicator", queryset=None, empty_label="Choose an indicator",
        error_messages={"required": "Choose the indicator this risk threatens."},
    )  # fmt: skip
    note = forms.CharField(
        label="How the risk would affect it (optional)", required=False, max_length=300
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        model = IndicatorLink._meta.get_field("indicator").related_model
        self.fields["indicator"].queryset = model.objects.filter(is_retired=False).order_by("code")
        self.fields["indicator"].label_from_instance = lambda i: f"{i.code} {i.title}"


class RiskCategoryForm(forms.Form):
    name = forms.CharField(
        label="Name", max_length=100, error_messages={"required": "Enter the category's name."}
    )


class RiskCategoryChangeForm(RiskCategoryForm):
    is_archived = forms.BooleanField(
        label="Archived (not offered for new risks; its risks keep it)", required=False
    )
