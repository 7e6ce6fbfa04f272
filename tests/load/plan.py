"""The load test's own accounts, and the check that nothing a simulated user submitted was lost.

Each simulated user signs in as its own indicator updater with its own quarterly indicator, so
no two users ever edit the same value. Everything is created through the product's services,
on top of the demo council, which stays as it is.
"""

import json
from dataclasses import dataclass
from decimal import Decimal
from importlib import import_module
from pathlib import Path

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

from scorecard.organisation import services as organisation
from scorecard.organisation.choices import Role
from scorecard.organisation.models import Directorate
from scorecard.performance import services as performance
from scorecard.performance.choices import Frequency, Polarity, Unit
from scorecard.performance.models import Indicator, Measurement
from scorecard.performance.selectors import reporting_period_current
from scorecard.reporting.models import Snapshot
from scorecard.risks.models import Risk

PASSWORD = "load-test pass phrase"  # noqa: S105 - accounts of a throwaway load-test database
PREFIX = "LOAD"
# One user in this many signs in with a password during the run; the others arrive signed in
# already (as staff do by mid-morning), so that password hashing does not take the whole run.
SIGN_IN_EVERY = 5


@dataclass(frozen=True)
class Account:
    username: str
    indicator_id: int
    indicator_code: str
    session: str  # empty: this user signs in with the password


def prepare(*, users: int, browse: int = 40) -> dict:
    """Create `users` updaters, each with one quarterly indicator, and return the run's plan:
    the accounts, the open quarter and some demo indicators and risks to browse."""
    current = reporting_period_current()
    if current is None:
        raise RuntimeError("No quarter is open for updates: load the demo council first.")
    directorate = Directorate.objects.order_by("code").first()
    published = Snapshot.objects.order_by("-period_start").first()
    councillor = organisation.person_create(
        username="load-councillor", password=None, first_name="Load", last_name="Councillor"
    )
    organisation.membership_create(person=councillor, role=Role.READER)
    accounts = []
    for number in range(1, users + 1):
        username = f"load-updater-{number:03d}"
        signs_in = number % SIGN_IN_EVERY == 1
        person = organisation.person_create(
            username=username,
            password=PASSWORD if signs_in else None,
            first_name="Load",
            last_name=f"Updater {number}",
        )
        organisation.membership_create(person=person, role=Role.INDICATOR_UPDATER)
        indicator = performance.indicator_create(
            code=f"{PREFIX}{number:03d}",
            title=f"Load test count {number}",
            directorate=directorate,
            updaters=[person],
            unit=Unit.NUMBER,
            polarity=Polarity.HIGHER,
            frequency=Frequency.QUARTERLY,
        )
        session = "" if signs_in else signed_in_session(person)
        accounts.append(Account(username, indicator.pk, indicator.code, session).__dict__)
    return {
        "password": PASSWORD,
        "period": current.period,
        "period_slug": current.period.replace("/", "-", 1),
        "accounts": accounts,
        "indicators": list(
            Indicator.objects.exclude(code__startswith=PREFIX).values_list("pk", flat=True)[:browse]
        ),
        "risks": list(Risk.objects.values_list("pk", flat=True)[:browse]),
        # Councillors download the latest published pack, signed in as a Cabinet member.
        "councillor_session": signed_in_session(councillor),
        "published_slug": published.period.replace("/", "-", 1) if published else "",
    }


def signed_in_session(person) -> str:
    """A session as Django's sign-in leaves it (the server must share this SECRET_KEY)."""
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = str(person.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = person.get_session_auth_hash()
    store.create()
    return store.session_key


def read_records(folder: Path) -> list[dict]:
    """What the simulated users submitted and saw confirmed: one JSON line per value."""
    records = []
    for path in sorted(folder.glob("*.jsonl")):
        records += [json.loads(line) for line in path.read_text().splitlines() if line]
    return records


def lost_values(plan: dict, records: list[dict]) -> list[str]:
    """Every confirmed submission must be in the value's history, and the last one of each user
    must be the value stored now. Returns what is missing, in words."""
    lost = []
    indicator_ids = {a["indicator_id"] for a in plan["accounts"]}
    history = {
        (row.indicator_id, row.commentary): row.value
        for row in Measurement.history.filter(indicator_id__in=indicator_ids, period=plan["period"])
    }
    latest: dict[int, dict] = {}
    for record in records:
        key = (record["indicator_id"], record["commentary"])
        if key not in history or history[key] != Decimal(record["value"]):
            lost.append(
                f"{record['username']} submitted {record['value']} ({record['commentary']})"
            )
        latest[record["indicator_id"]] = record
    current = {
        m.indicator_id: m
        for m in Measurement.objects.filter(indicator_id__in=latest, period=plan["period"])
    }
    for indicator_id, record in latest.items():
        stored = current.get(indicator_id)
        if stored is None or (stored.value, stored.commentary) != (
            Decimal(record["value"]),
            record["commentary"],
        ):
            lost.append(
                f"{record['username']}'s last value {record['value']} is not the one stored"
            )
    return lost
