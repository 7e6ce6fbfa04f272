"""A synthetic council at any size, for benchmarks and scale tests (`scorecard generate`).

Monthly indicators on one corporate scorecard with ten years of values and annual targets, and
risks spread over the directorate registers with quarterly assessments. Plans, scorecards,
registers and the matrix go through the services; the bulk (indicators, values, targets, risks,
assessments) is bulk-inserted in batches, stored exactly as the services store it. Values and
assessments get no audit-history rows (they were never keyed in); indicators and risks do.
Deterministic for a given seed. Refused in production.
"""

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.db import connection, models, transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from scorecard.core import scoring
from scorecard.core.periods import Period
from scorecard.organisation.models import Directorate, User
from scorecard.performance import services as performance_services
from scorecard.performance.choices import Aggregation, DataQuality, Frequency, WorkflowState
from scorecard.performance.models import Indicator, Measurement, Scorecard, Target
from scorecard.risks import services as risk_services
from scorecard.risks.choices import RegisterKind, RiskStatus
from scorecard.risks.models import Assessment, Register, Risk, RiskCategory
from scorecard.risks.selectors.matrix import risk_matrix_current

BATCH = 5000
PRIORITIES = [
    ("OFB", "Open for Business"),
    ("CAF", "Children and Families"),
    ("ENV", "The Environment"),
    ("HWB", "Health and Well-being"),
    ("RUN", "Running the council"),
]
Progress = Callable[[int, int], None]


class GeneratorError(Exception):
    pass


@dataclass
class Generated:
    indicators: int = 0
    measurements: int = 0
    targets: int = 0
    risks: int = 0
    assessments: int = 0
    scorecard: Scorecard | None = None

    @property
    def rows(self) -> int:
        return self.indicators + self.measurements + self.targets + self.risks + self.assessments


def _aware(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(9)))


def _batches(rows_iter, size: int = BATCH):
    batch = []
    for row in rows_iter:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def insert_rows(model: type[models.Model], columns: list[str], rows) -> int:
    """Insert tuples of `columns` values in batches with one prepared INSERT (executemany):
    ten times faster than bulk_create, which prepares every value of every row. Values are
    Python values (dates, aware datetimes, Decimals, ints, strs, foreign key ids); the model's
    other columns get their default, prepared once."""
    fields = {f.attname: f for f in model._meta.concrete_fields if not f.primary_key}
    now = timezone.now()
    constants = []
    for name, field in fields.items():
        if name in columns:
            continue
        value = now if getattr(field, "auto_now_add", False) else field.get_default()
        constants.append((name, field.get_db_prep_save(value, connection)))
    adapters = []
    for name in columns:
        field = fields[name]
        if isinstance(field, models.DateTimeField):
            adapters.append(_cached(connection.ops.adapt_datetimefield_value))
        elif isinstance(field, models.DateField):
            adapters.append(_cached(connection.ops.adapt_datefield_value))
        else:
            adapters.append(None)
    names = [*columns, *(name for name, _ in constants)]
    fixed = tuple(value for _, value in constants)
    quote = connection.ops.quote_name
    # Table and column names come from the model, never from input.
    table, column_list = quote(model._meta.db_table), ", ".join(quote(n) for n in names)
    sql = f"INSERT INTO {table} ({column_list}) VALUES ({', '.join(['%s'] * len(names))})"  # noqa: S608
    count = 0
    with connection.cursor() as cursor:
        for batch in _batches(rows):
            cursor.executemany(
                sql,
                [
                    tuple(a(v) if a else v for a, v in zip(adapters, row, strict=True)) + fixed
                    for row in batch
                ],
            )
            count += len(batch)
    return count


def _cached(adapt):
    cache = {}

    def adapted(value):
        if value not in cache:
            cache[value] = adapt(value)
        return cache[value]

    return adapted


def last_years(years: int, today: dt.date | None = None) -> list[Period]:
    """The `years` whole financial years before the current one, oldest first."""
    current = Period.containing(today or timezone.localdate(), "year")
    return [Period.financial_year(current.year - n) for n in range(years, 0, -1)]


def _people() -> tuple[User, list[Directorate], list[User]]:
    from scorecard.demo import load_demo_organisation

    load_demo_organisation()  # the demo council's directorates and accounts (idempotent)
    admin = User.objects.get(username="admin")
    directorates = list(Directorate.objects.order_by("code"))
    owners = list(User.objects.filter(is_active=True).order_by("pk")[:20])
    return admin, directorates, owners


@transaction.atomic
def generate(
    *,
    indicators: int,
    risks: int,
    years: int,
    seed: int = 1,
    progress: Progress | None = None,
) -> Generated:
    """Add a synthetic scorecard of `indicators` monthly indicators with `years` years of values,
    and `risks` risks with one assessment a quarter for the last two years."""
    if settings.PRODUCTION:
        raise GeneratorError("The synthetic generator is refused in production.")
    if indicators < 0 or risks < 0 or years < 1:
        raise GeneratorError("Give zero or more indicators and risks, and one year or more.")
    rng = random.Random(seed)
    prefix = f"S{seed}"
    if Indicator.objects.filter(code__startswith=f"{prefix}-").exists() or (
        Risk.objects.filter(reference__startswith=f"{prefix}-").exists()
    ):
        raise GeneratorError(f"Seed {seed} was generated here already: choose another --seed.")
    admin, directorates, owners = _people()
    periods = last_years(years)
    months = [m for year in periods for m in year.months()]
    quarters_assessed = [q for year in periods[-2:] for q in year.quarters()]
    total = indicators * (1 + len(months) + len(periods)) + risks * (1 + len(quarters_assessed))
    done = 0
    result = Generated()

    def tick(n: int) -> None:
        nonlocal done
        done += n
        if progress:
            progress(done, total)

    if indicators:
        result.scorecard = _scorecard(
            rng, prefix, indicators, periods, months, admin, directorates, owners, tick, result
        )
    if risks:
        _risks(rng, prefix, risks, quarters_assessed, admin, directorates, owners, tick, result)
    return result


def _scorecard(rng, prefix, count, periods, months, admin, directorates, owners, tick, result):
    plan = performance_services.corporate_plan_create(
        title=f"Generated Corporate Plan {prefix}",
        adopted_on=periods[0].start,
        priorities=[(code.lower(), title) for code, title in PRIORITIES],
    )
    priorities = list(plan.priorities.order_by("order"))
    rows = [
        Indicator(
            code=f"{prefix}-{n:05d}",
            title=f"Generated indicator {n} ({priorities[n % len(priorities)].title})",
            definition="A synthetic monthly indicator for benchmarks.",
            frequency=Frequency.MONTHLY,
            aggregation=Aggregation.AVERAGE,
            polarity=rng.choice(["higher", "higher", "lower"]),
            owner=owners[n % len(owners)],
            directorate=directorates[n % len(directorates)],
            status_rule={"type": "tolerance", "amber": {"percent": "10"}},
        )
        for n in range(1, count + 1)
    ]
    created = []
    for batch in _batches(rows):
        created += bulk_create_with_history(batch, Indicator, default_user=admin)
        tick(len(batch))
    created = list(Indicator.objects.filter(code__startswith=f"{prefix}-").order_by("code"))
    result.indicators = len(created)

    scorecard = performance_services.scorecard_create(
        name=f"Generated scorecard {prefix}", is_published=True
    )
    performance_services.scorecard_version_create(
        scorecard=scorecard,
        live_from=periods[0].quarters()[0].key,
        entries=[(ind, priorities[n % len(priorities)]) for n, ind in enumerate(created)],
        corporate_plan=plan,
        notes="Generated for benchmarks.",
    )

    columns = ["indicator_id", "period", "period_start", "value", "data_quality", "state",
               "entered_by_id", "entered_at", "submitted_by_id", "submitted_at", "reviewed_by_id",
               "reviewed_at", "version"]  # fmt: skip

    def measurements():
        for indicator in created:
            base = rng.uniform(20, 80)
            for n, month in enumerate(months):
                value = base * (1 + 0.002 * n) + rng.gauss(0, base * 0.05)
                entered = entered_at[month.key]
                yield (
                    indicator.pk, month.key, month.start, Decimal(f"{max(value, 0):.2f}"),
                    DataQuality.FINAL.value, WorkflowState.APPROVED.value, indicator.owner_id,
                    entered, indicator.owner_id, entered, admin.pk, entered, 3,
                )  # fmt: skip

    entered_at = {m.key: _aware(m.end + dt.timedelta(days=10)) for m in months}
    for batch in _batches(measurements()):
        result.measurements += insert_rows(Measurement, columns, batch)
        tick(len(batch))

    def targets():
        for indicator in created:
            level = Decimal(f"{rng.uniform(30, 70):.1f}")
            for year in periods:
                yield (indicator.pk, year.key, year.start, level)

    for batch in _batches(targets()):
        result.targets += insert_rows(
            Target, ["indicator_id", "period", "period_start", "value"], batch
        )
        tick(len(batch))
    return scorecard


def _registers(prefix: str, directorates: list[Directorate]) -> list[Register]:
    corporate = Register.objects.filter(kind=RegisterKind.CORPORATE).first()
    if corporate is None:
        corporate = risk_services.register_create(
            name="Corporate Risk Register", kind=RegisterKind.CORPORATE
        )
    return [
        risk_services.register_create(
            name=f"{d.name} register ({prefix})",
            kind=RegisterKind.DIRECTORATE,
            directorate=d,
            parent=corporate,
        )
        for d in directorates
    ]


def _risks(rng, prefix, count, quarters, admin, directorates, owners, tick, result):
    risk_services.risk_matrix_create_default()
    matrix = risk_matrix_current()
    registers = _registers(prefix, directorates)
    categories = list(RiskCategory.objects.filter(is_archived=False).values_list("code", flat=True))
    today = timezone.localdate()
    ratings: dict[str, list[tuple[int, int]]] = {}
    rows = []
    for n in range(1, count + 1):
        reference = f"{prefix}-R{n:05d}"
        path = [(rng.randint(1, 5), rng.randint(1, 5))]
        for _ in quarters[1:]:
            lk, im = path[-1]
            path.append(
                (min(5, max(1, lk + rng.choice([-1, 0, 0, 1]))), min(5, max(1, im + rng.choice([0, 0, 1, -1]))))
            )  # fmt: skip
        ratings[reference] = path
        lk, im = path[-1]
        band = matrix.band_for(lk, im)
        last = min(quarters[-1].end, today)
        rows.append(
            Risk(
                reference=reference,
                title=f"Generated risk {n}",
                cause="Because of a synthetic cause",
                event="there is a risk that a synthetic event happens",
                consequence="leading to a synthetic consequence.",
                category_id=categories[n % len(categories)],
                owner=owners[n % len(owners)],
                register=registers[n % len(registers)],
                status=RiskStatus.OPEN,
                inherent_likelihood=min(lk + 1, 5),
                inherent_impact=min(im + 1, 5),
                current_likelihood=lk,
                current_impact=im,
                target_likelihood=max(lk - 1, 1),
                target_impact=max(im - 1, 1),
                identified_on=quarters[0].start,
                last_reviewed_on=last,
                next_review_on=scoring.next_review_date(last, band.review_months),
            )
        )
    for batch in _batches(rows):
        bulk_create_with_history(batch, Risk, default_user=admin)
        result.risks += len(batch)
        tick(len(batch))
    created = Risk.objects.filter(reference__startswith=f"{prefix}-R").order_by("reference")

    columns = ["risk_id", "period", "assessed_on", "likelihood", "impact", "score", "band_key",
               "band_label", "band_colour", "assessor_id"]  # fmt: skip
    bands = {(lk, im): matrix.band_for(lk, im) for lk in range(1, 6) for im in range(1, 6)}

    def assessments():
        for pk, reference, owner_id in created.values_list("pk", "reference", "owner_id"):
            for quarter, (lk, im) in zip(quarters, ratings[reference], strict=True):
                band = bands[lk, im]
                yield (
                    pk, quarter.key, min(quarter.end, today), lk, im, scoring.score(lk, im),
                    band.key, band.label, band.colour, owner_id,
                )  # fmt: skip

    for batch in _batches(assessments()):
        result.assessments += insert_rows(Assessment, columns, batch)
        tick(len(batch))
