from django import forms

from scorecard.organisation.models import Directorate
from scorecard.risks.models import Register, RiskArea, RiskCategory

from .importer.risks import CREATE_NAMED
from .mapping import KINDS, kind_fields
from .readers import EXTENSIONS

MAX_UPLOAD = 20 * 1024 * 1024


class UploadForm(forms.Form):
    file = forms.FileField(label="Upload a file")

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(EXTENSIONS):
            raise forms.ValidationError(
                "The selected file must be an Excel (.xlsx) or CSV (.csv) file."
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
        return list(RiskCategory.objects.filter(is_archived=False).values_list("code", "name"))
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
            self.fields["level_scale"] = forms.TypedChoiceField(
                label="The file's likelihood and impact numbers run from 1 to",
                choices=[("", "The same numbers as the risk matrix")]
                + [(str(n), str(n)) for n in range(2, 11)],
                coerce=int, empty_value=None, required=False,
                help_text="Another scale's numbers are placed on the matrix, keeping the lowest "
                "and the highest: 1, 2, 3 on a 5 x 5 matrix become 1, 3, 5. Words such as "
                "Possible or Major are read against the matrix's labels either way.",
            )  # fmt: skip
            self.fields["create_named"] = forms.BooleanField(
                label=CREATE_NAMED, required=False,
                help_text="They are listed when the file is checked, before anything is saved. "
                "Owners are added as people who cannot sign in.",
            )  # fmt: skip

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
        options = {}
        if self.kind == "risks":
            create = bool(data.get("create_named"))
            options = {"create_people": create, "create_named": create}
            if data.get("level_scale"):
                options["level_scale"] = data["level_scale"]
        return columns, fixed, options


class ExportForm(forms.Form):
    format = forms.ChoiceField(choices=[("xlsx", "Excel (.xlsx)"), ("csv", "CSV files (.zip)")])
