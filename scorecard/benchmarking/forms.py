"""The named-list comparator group form: its name, description and councils."""

from django import forms


class ComparatorGroupForm(forms.Form):
    name = forms.CharField(
        label="Name", max_length=200, help_text="E.g. CIPFA nearest neighbours.",
        error_messages={"required": "Enter the group's name."},
    )  # fmt: skip
    description = forms.CharField(
        label="Description", required=False, widget=forms.Textarea,
        help_text="Where the list comes from, so readers know what they are compared with.",
    )  # fmt: skip
    members = forms.MultipleChoiceField(
        label="Councils in the group",
        widget=forms.CheckboxSelectMultiple,
        help_text="The councils known in the comparator data, by name and ONS code.",
        error_messages={"required": "Choose at least one council for the group."},
    )

    def __init__(self, *args, councils: dict[str, str], **kwargs):
        super().__init__(*args, **kwargs)
        self.councils = councils
        self.fields["members"].choices = [
            (code, f"{name} ({code})") for code, name in councils.items()
        ]

    def clean(self):
        data = super().clean()
        codes = data.get("members") or []
        data["members"] = {code: self.councils[code] for code in codes}
        return data


class ComparatorGroupChangeForm(ComparatorGroupForm):
    is_archived = forms.BooleanField(
        label="Archived (no longer shown on indicator pages)", required=False
    )
