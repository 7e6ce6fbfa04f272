from django import forms

from scorecard.core.rule_words import rule_from_words
from scorecard.core.status_rules import RuleError
from scorecard.organisation.models import Directorate
from scorecard.performance.choices import Frequency, Polarity, Unit
from scorecard.performance.models import Scorecard
from scorecard.performance.services import scorecard_fill_refusal
from scorecard.risks.models import Register, RiskArea, RiskCategory

from .importer.risks import CREATE_NAMED
from .mapping import (
    KINDS,
    codes_listed,
    column_problems,
    form_fields,
    names_in_column,
    rows_named,
)
from .mapping_options import unknown_directorates
from .readers import EXTENSIONS, Table

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
    if key == "category":
        return list(RiskCategory.objects.filter(is_archived=False).values_list("code", "name"))
    if key == "area":
        return [
            (n, n)
            for n in RiskArea.objects.filter(is_archived=False).values_list("name", flat=True)
        ]
    if key == "is_confidential":
        return [("No", "No"), ("Yes", "Yes")]
    if key == "unit":
        return list(Unit.choices)
    if key == "polarity":
        return list(Polarity.choices)
    if key == "frequency":
        return list(Frequency.choices)
    if key == "decimals":
        return [(str(n), str(n)) for n in range(5)]
    return None


def _fixed_hint(key: str) -> str:
    if key != "register":
        return ""
    names = list(Register.objects.filter(is_archived=False).values_list("name", flat=True))
    return (
        "The name of a register in the system"
        + (f" ({', '.join(names)})" if names else ": there is none yet")
        + ", or of a new one, added when you choose to add what the file names."
    )


def _register_kinds() -> list[tuple[str, str]]:
    """What a register the file names is added as: the council's corporate register, or a
    directorate's or a project's register under a directorate."""
    kinds = [("corporate", "The council's corporate register")]
    for code, name in Directorate.objects.filter(is_archived=False).values_list("code", "name"):
        kinds.append((f"directorate:{code}", f"A directorate register of {name}"))
        kinds.append((f"project:{code}", f"A project or programme register of {name}"))
    return kinds


class MappingForm(forms.Form):
    """For each of our fields: which of the file's columns holds it, or one value for every row."""

    def __init__(self, *args, kind: str, table: Table, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind, self.table = kind, table
        columns = [("", "Not in this file")] + [(h, h) for h in table.headers]
        for field in form_fields(kind):
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
                        label=label, required=False, max_length=200,
                        help_text=_fixed_hint(field.key),
                    )  # fmt: skip
        if kind == "performance":
            self.fields["create_directorates"] = forms.BooleanField(
                label="Add the directorates the file names that are not in the system yet",
                required=False,
            )
            self.fields["create_people"] = forms.BooleanField(
                label="Add the owners the file names that are not in the system yet",
                help_text="They are listed when the file is checked, before anything is saved, "
                "and added as people who cannot sign in.",
                required=False,
            )
            self.fields["lower_is_better"] = forms.CharField(
                label="Lower is better for these indicators (optional)",
                help_text="If the file does not say: their codes, for example HR11, RB07. "
                "The others take the polarity chosen above.",
                required=False,
                max_length=2000,
            )
            self.fields["zero_not_reported"] = forms.BooleanField(
                label="A value of 0 means the figure is not reported yet",
                required=False,
            )
            self.fields["zero_not_reported_for"] = forms.CharField(
                label="Or a value of 0 means not reported yet only for these indicators (optional)",
                help_text="Their codes, for example ETS01, IT06. A 0 of any other indicator is "
                "kept as the figure 0.",
                required=False,
                max_length=2000,
            )
            self.fields["scorecard"] = forms.ChoiceField(
                label="Put the file's indicators on a scorecard (optional)",
                help_text="They are added to its current version. A scorecard with no version "
                "yet starts with the file's period.",
                choices=[("", "No scorecard")]
                + [(str(pk), name) for pk, name in Scorecard.objects.values_list("pk", "name")],
                required=False,
            )
            self.fields["approved"] = forms.BooleanField(
                label="These are the council's approved figures",
                help_text="The values go in as approved, by you. If you may not approve figures "
                "you import, they go in as submitted and the check says who can approve them.",
                required=False,
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
            self.fields["register_kind"] = forms.ChoiceField(
                label="A register the file names that is not in the system yet is added as",
                choices=_register_kinds(),
                required=False,
                help_text="Only when you choose to add what the file names, below.",
            )
            self.fields["create_named"] = forms.BooleanField(
                label=CREATE_NAMED, required=False,
                help_text="They are listed when the file is checked, before anything is saved. "
                "Owners are added as people who cannot sign in.",
            )  # fmt: skip

    def clean_fixed_status_rule(self):
        words = self.cleaned_data.get("fixed_status_rule") or ""
        if words.strip():
            try:
                rule_from_words(words)
            except RuleError as error:
                raise forms.ValidationError(str(error)) from None
        return words.strip()

    def clean(self):
        data = super().clean()
        columns = {f.key: data.get(f"col_{f.key}") or "" for f in form_fields(self.kind)}
        for key, message in column_problems(
            kind=self.kind, table=self.table, columns=columns
        ).items():
            self.add_error(f"col_{key}", f"Column {columns[key]}: {message}")
        if self.kind == "performance" and columns.get("directorate"):
            unknown = unknown_directorates(self.table, columns["directorate"])
            if unknown and not data.get("create_directorates"):
                self.add_error(
                    "col_directorate",
                    "There is no directorate "
                    + "; ".join(f"'{name}' ({rows_named(rows)})" for name, rows in unknown.items())
                    + ": choose to add the directorates the file names, or add them first",
                )
        if data.get("scorecard") and columns.get("code"):
            scorecard = Scorecard.objects.get(pk=data["scorecard"])
            codes = names_in_column(self.table, columns["code"])
            refusal = scorecard_fill_refusal(scorecard, codes)
            if refusal:
                self.add_error("scorecard", refusal)
        for name in ("lower_is_better", "zero_not_reported_for"):
            listed = codes_listed(data.get(name) or "")
            if listed and columns.get("code"):
                in_file = {n.lower() for n in names_in_column(self.table, columns["code"])}
                missing = [c for c in listed if c.lower() not in in_file]
                if missing:
                    self.add_error(
                        name,
                        f"{', '.join(missing)} {'is' if len(missing) == 1 else 'are'} not in the "
                        f"file's column {columns['code']}",
                    )
        if data.get("zero_not_reported") and codes_listed(data.get("zero_not_reported_for") or ""):
            self.add_error(
                "zero_not_reported_for",
                "Choose that a 0 is not reported for every indicator or list the indicators, "
                "not both",
            )
        for field in form_fields(self.kind):
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
        fields = form_fields(self.kind)
        columns = {f.key: data.get(f"col_{f.key}") or "" for f in fields}
        fixed = {f.key: data.get(f"fixed_{f.key}") or "" for f in fields if f.fixed}
        options = {
            name: bool(data.get(name))
            for name in ("create_directorates", "create_people", "zero_not_reported", "approved")
            if name in self.fields
        }
        if "scorecard" in self.fields:
            options["scorecard"] = data.get("scorecard") or ""
        for name in ("lower_is_better", "zero_not_reported_for"):
            if name in self.fields:
                options[name] = ", ".join(codes_listed(data.get(name, "")))
        if self.kind == "risks":
            create = bool(data.get("create_named"))
            options |= {"create_people": create, "create_named": create}
            options["register_kind"] = data.get("register_kind") or ""
            if data.get("level_scale"):
                options["level_scale"] = data["level_scale"]
        return columns, fixed, options


class ExportForm(forms.Form):
    format = forms.ChoiceField(choices=[("xlsx", "Excel (.xlsx)"), ("csv", "CSV files (.zip)")])
