"""Registers, risk areas and the risk appetite per category."""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from simple_history.models import HistoricalRecords

from ..choices import RegisterKind

# Which kinds of register may sit directly above each kind.
ALLOWED_PARENTS = {
    RegisterKind.CORPORATE: set(),
    RegisterKind.DIRECTORATE: {RegisterKind.CORPORATE},
    RegisterKind.PROJECT: {RegisterKind.CORPORATE, RegisterKind.DIRECTORATE, RegisterKind.PROJECT},
}


class Register(models.Model):
    """A risk register: the corporate one, a directorate's, or a project's or programme's."""

    name = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=20, choices=RegisterKind.choices)
    directorate = models.ForeignKey(
        "organisation.Directorate",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="risk_registers",
        help_text="The directorate that owns the register; empty for the corporate register.",
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text="The register above this one, where its risks are escalated to.",
    )
    description = models.TextField(blank=True)
    is_archived = models.BooleanField(
        default=False, help_text="Archived registers keep their risks and history."
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["kind", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind"],
                condition=models.Q(kind=RegisterKind.CORPORATE),
                name="register_one_corporate",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.kind != RegisterKind.CORPORATE and not self.directorate_id:
            raise ValidationError(
                {"directorate": "A directorate or project register needs its directorate."}
            )
        if self.parent_id is None:
            return
        parent = self.parent
        if parent.kind not in ALLOWED_PARENTS[self.kind]:
            kind = self.get_kind_display().lower()
            raise ValidationError(
                {
                    "parent": f"A {kind} register cannot sit under a "
                    f"{parent.get_kind_display().lower()} register."
                }
            )
        if parent.is_archived:
            raise ValidationError({"parent": f"{parent} is archived."})
        above = parent
        while above is not None:  # walk up: a register cannot sit under itself
            if self.pk is not None and above.pk == self.pk:
                raise ValidationError({"parent": "A register cannot sit under itself."})
            above = above.parent


class RiskArea(models.Model):
    """A group of related risks reported together to Cabinet, e.g. Children's Social Care."""

    name = models.CharField(max_length=200, unique=True)
    owner = models.ForeignKey(
        "organisation.User",
        on_delete=models.PROTECT,
        related_name="risk_areas",
        help_text="The senior officer who answers for this area.",
    )
    description = models.TextField(blank=True, help_text="What the risks in this area are about.")
    mitigation_summary = models.TextField(
        blank=True, help_text="How the council is mitigating these risks, for the Cabinet report."
    )
    is_archived = models.BooleanField(default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class RiskCategory(models.Model):
    """A category of risk, as the council names it (strategic, financial, planning...)."""

    code = models.SlugField(max_length=30, unique=True, help_text="Never changes once in use.")
    name = models.CharField(max_length=100, unique=True)
    is_archived = models.BooleanField(default=False, help_text="Not offered for new risks.")
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "risk categories"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class RiskAppetite(models.Model):
    """How much risk the council accepts in one category: the highest acceptable score."""

    category = models.OneToOneField(
        "risks.RiskCategory",
        to_field="code",
        db_column="category",
        on_delete=models.PROTECT,
        related_name="appetite",
    )
    maximum_score = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1)],
        help_text="Risks in this category scoring above this are outside appetite.",
    )
    statement = models.TextField(blank=True, help_text="The council's appetite statement.")
    history = HistoricalRecords()

    class Meta:
        verbose_name = "risk appetite"
        ordering = ["category"]

    def __str__(self) -> str:
        return f"{self.category}: up to {self.maximum_score}"
