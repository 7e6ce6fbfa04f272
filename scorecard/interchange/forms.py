from django import forms

from scorecard.organisation.models import Directorate
from scorecard.risks.choices import RiskCategory
from scorecard.risks.models import Register, RiskArea

from .mapping import KINDS, kind_fields
from .readers import EXTENSIONS

MAX_UPLOAD = 20 * 1024 * 1024


class UploadForm(forms.Form):
    file = forms.FileField(label="Upload a file")

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(EXTENSIONS):
            raise forms.ValidationError(
                "The selected file must be an Excel (.xlsx) file, a CSV (.csv) file or a .zip "
                "of CSV files."
            )
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError("The selected file must be smaller than 20 MB.")
        if upload.size == 0:
            raise forms.ValidationError("The selected file is empty.")
        return upload


class KindForm(forms.Form):
    kind = forms.ChoiceField(
        label="What does the file hold?",
        choices=[("", "Choose what the file holds")] + [(k, v[0]) for k, v in KINDS.items()],
    )


def _fixed_choices(key: str) -> list[tuple[str, str]] | None:
    """Fields whose one-for-every-row value is picked from a list."""
    if key == "directorate":
        rows = Directorate.objects.filter(is_archived=False).values_list("code", "name")
        return [(code, name) for code, name in rows]
    if key == "register":
        return [
            (n, n)
            for n in Register.objects.filter(is_archived=False).values_list("name", flat=True)
        ]
    if key == "category":
        return list(RiskCategory.choices)
    if key == "area":
        return [
            (n, n)
            for n in RiskArea.objects.filter(is_archived=False).values_list("name", flat=True)
        ]
    if key == "is_confidential":
        return [("No", "No"), ("Yes", "Yes")]
    return None


class MappingForm(forms.Form):
    """For each of our fields: which of the file's columns holds it, or one value for every row."""

    def __init__(self, *args, kind: str, headers: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.kind = kind
        columns = [("", "Not in this file")] + [(h, h) for h in headers]
        for field in kind_fields(kind):
            self.fields[f"col_{field.key}"] = forms.ChoiceField(
                label=field.label + ("" if field.required else " (optional)"),
                choices=columns,
                required=False,
                help_text=field.hint,
            )
            if field.fixed:
                choices = _fixed_choices(field.key)
                label = f"{field.label}: or the same for every row"
                if choices is not None:
                    self.fields[f"fixed_{field.key}"] = forms.ChoiceField(
                        label=label,
                        choices=[("", "Not the same for every row")] + choices,
                        required=False,
                    )
                else:
                    self.fields[f"fixed_{field.key}"] = forms.CharField(
                        label=label, required=False, max_length=200
                    )
        if kind == "risks":
            self.fields["create_people"] = forms.BooleanField(
                label="Add owners who are not in the system yet, as people who cannot sign in",
                required=False,
            )

    def clean(self):
        data = super().clean()
        for field in kind_fields(self.kind):
            column = data.get(f"col_{field.key}")
            fixed = data.get(f"fixed_{field.key}")
            if column and fixed:
                self.add_error(
                    f"fixed_{field.key}",
                    f"Choose a column for {field.label.lower()} or one value for every row, not both",
                )
            elif field.required and not column and not fixed:
                where = f"col_{field.key}"
                self.add_error(
                    where,
                    f"Choose the column that holds the {field.label.lower()}"
                    + (", or give one value for every row" if field.fixed else ""),
                )
        return data

    def mapping(self) -> tuple[dict[str, str], dict[str, str], dict]:
        data = self.cleaned_data
        columns = {f.key: data.get(f"col_{f.key}") or "" for f in kind_fields(self.kind)}
        fixed = {f.key: data.get(f"fixed_{f.key}") or "" for f in kind_fields(self.kind) if f.fixed}
        return columns, fixed, {"create_people": bool(data.get("create_people"))}


class ExportForm(forms.Form):
    format = forms.ChoiceField(choices=[("xlsx", "Excel (.xlsx)"), ("csv", "CSV files (.zip)")])
