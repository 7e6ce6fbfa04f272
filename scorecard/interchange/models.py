"""Models of the interchange app: remembered column layouts and import or export jobs."""

from django.conf import settings
from django.db import models


class ImportLayout(models.Model):
    """How the columns of a council's own spreadsheet map to ours, remembered by its headers.

    The next file with the same headers (in any order) opens the column-matching page filled in.
    """

    signature = models.CharField(max_length=64, unique=True, help_text="Hash of the headers.")
    name = models.CharField(max_length=200, help_text="The file the layout was first saved for.")
    headers = models.JSONField(default=list, blank=True)
    kind = models.CharField(max_length=20, help_text="performance or risks.")
    mapping = models.JSONField(
        default=dict, blank=True, help_text="Our field -> the file's column."
    )
    fixed = models.JSONField(
        default=dict, blank=True, help_text="Our field -> one value for every row."
    )
    options = models.JSONField(default=dict, blank=True)
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    saved_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Job(models.Model):
    """An import or an export, with its progress; large ones run outside the request."""

    class Kind(models.TextChoices):
        IMPORT = "import", "Import"
        EXPORT = "export", "Export"

    class State(models.TextChoices):
        WAITING = "waiting", "Waiting to start"
        RUNNING = "running", "Running"
        PREVIEWED = "previewed", "Checked, waiting for confirmation"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    kind = models.CharField(max_length=10, choices=Kind.choices)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="interchange_jobs"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    filename = models.CharField(max_length=255)
    data = models.BinaryField(blank=True, help_text="The uploaded file, or the export written.")
    layout = models.ForeignKey(ImportLayout, null=True, blank=True, on_delete=models.SET_NULL)
    asked = models.JSONField(
        default=dict,
        blank=True,
        help_text="Values given for this file alone (its period), over the layout's own.",
    )
    export_format = models.CharField(max_length=5, blank=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.WAITING)
    committing = models.BooleanField(default=False, help_text="A real import, not a preview.")
    rows_total = models.PositiveIntegerField(default=0)
    rows_done = models.PositiveIntegerField(default=0)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    result = models.JSONField(null=True, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.filename} ({self.get_state_display()})"

    @property
    def percent(self) -> int:
        if not self.rows_total:
            return 0
        return min(100, round(100 * self.rows_done / self.rows_total))

    @property
    def is_running(self) -> bool:
        return self.state in {self.State.WAITING, self.State.RUNNING}
