"""The demo copied back for a test (tests/demo_snapshot.py) is the demo `load_demo()` made."""

from django.db import connection

from scorecard.demo import load_demo
from scorecard.performance.models import Measurement
from scorecard.reporting.models import StoredDocument
from tests import demo_snapshot


def test_the_demo_written_back_holds_every_row_as_it_was_loaded(db):
    demo_snapshot.load_demo_fast(load_demo)
    kept = demo_snapshot._snapshot
    assert sum(len(rows) for _, rows in kept.values()) > 1000

    demo_snapshot._restore(kept)

    for table in kept:
        columns, rows = demo_snapshot._read(table)
        if connection.vendor == "postgresql":
            assert demo_snapshot._json_rows(rows) == demo_snapshot._json_rows(kept[table][1]), table
        else:
            assert sorted(rows, key=repr) == sorted(kept[table][1], key=repr), table
    # Values of every kind read back through the models: decimals, dates, binary files.
    assert Measurement.objects.filter(value__isnull=False).count() > 500
    assert all(
        document.content[:4] in (b"%PDF", b"PK\x03\x04")
        for document in StoredDocument.objects.all()
    )


def test_a_new_record_after_the_copy_takes_an_id_of_its_own(demo_council):
    from scorecard.organisation.models import Directorate

    highest = Directorate.objects.order_by("-pk").first().pk
    made = Directorate.objects.create(code="NEW", name="New directorate")
    assert made.pk > highest
