"""Report documents built once, in a task, and served as stored (docs/decisions/0034).

A published quarter's documents never change, so publishing queues their builds (the public's
set of risks and every risk's) and each later request serves the stored bytes; a value restated
since publication changes their `version`, so they are built again with its dated note. A draft
is built in a task too and served from its last build while nothing it is made from has
changed: its `version` is the council's date and the fingerprint of the draft's web page; a new
draft's build removes the earlier drafts it replaces. Readers who see the same risks (decision
0018) share one document: its `audience` is the SHA-256 of their risks' ids. The public site's
downloads are builds of their own (`is_public`, decision 0042): the public's risks and no
commentary marked internal, which signed-in readers with the same risks still see.
"""

import datetime as dt
import hashlib
import logging

from django.db import IntegrityError, transaction

from scorecard.core.confidentiality import EVERY_RISK
from scorecard.core.periods import Period
from scorecard.organisation import clock
from scorecard.risks.access import risk_visibility

from . import documents
from .models import Snapshot, StoredDocument
from .selectors import ReportData, period_parse, published_version, report_data

logger = logging.getLogger(__name__)

Kind = StoredDocument.Kind

RENDER = {
    Kind.PDF: documents.pack_pdf,
    Kind.HTML: lambda data: documents.pack_html(data).encode(),
    Kind.DOCX: documents.cover_docx,
}
CONTENT_TYPE = {
    Kind.PDF: "application/pdf",
    Kind.HTML: "text/html; charset=utf-8",
    Kind.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
# Publication's builds run before drafts'.
PUBLISHED_PRIORITY = 10


def audience_of(risks: list) -> str:
    ids = ",".join(str(pk) for pk in sorted({line.risk_id for line in risks}))
    return hashlib.sha256(ids.encode()).hexdigest()


def draft_version(period: Period, reader) -> str:
    """What a draft is made from, as text: equal texts, the same draft. It is the fingerprint of
    the draft's own web page (about a tenth of a second, never a PDF), so every source the pack
    reads counts (figures, risks, links, comparators, wording, settings), not only those the
    dashboards' lines follow."""
    data = report_data(period, reader=reader, keep=True)
    page = documents.pack_html(data, generated_at=DRAFT_STAMP)
    return f"draft-{clock.today():%Y%m%d}-{hashlib.sha256(page.encode()).hexdigest()}"


# The fixed "generated at" of a draft's fingerprint, so the time of day does not count.
DRAFT_STAMP = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


def reader_data(period: Period, reader) -> ReportData:
    """The quarter's report for `reader`, risks only: enough to check access and find the
    stored document, without reading the indicators."""
    return report_data(period, reader=reader, performance=False, keep=True)


def document_get_or_queue(
    *, data: ReportData, kind: str, reader, public: bool = False
) -> StoredDocument:
    """The stored document of `kind` for the readers who see `data`'s risks: the one built, or
    being built, from the same data; else a new one, queued. `public`: the public site's build
    (a published quarter, reader None), without the commentary marked internal."""
    if public and (reader is not None or data.snapshot is None):
        raise ValueError("The public's documents are of a published quarter, for no reader.")
    version = (
        published_version(data.snapshot) if data.snapshot else draft_version(data.period, reader)
    )
    key = {
        "period": data.period.key,
        "kind": kind,
        "audience": audience_of(data.risks),
        "version": version,
        "is_public": public,
    }
    found = StoredDocument.objects.filter(**key).first()
    if found is not None:
        return found
    every = reader is None or risk_visibility(reader).sees_all
    return _queue(key, every_risk=every and reader is not None, reader=None if every else reader)


def _queue(key: dict, *, every_risk: bool, reader, priority: int = 0) -> StoredDocument:
    from .tasks import build_document

    try:
        with transaction.atomic():
            document = StoredDocument.objects.create(**key, every_risk=every_risk, reader=reader)
    except IntegrityError:  # queued at the same moment by another request
        return StoredDocument.objects.get(**key)
    build_document.using(priority=priority).enqueue(document_pk=document.pk)
    document.refresh_from_db()
    return document


# What publishing builds: (reader, public, kinds). The public site serves the PDF and the DOCX;
# signed-in readers who see no confidential risk share the second set, every risk the third.
PUBLISHED_BUILDS = (
    (None, True, (Kind.PDF, Kind.DOCX)),
    (None, False, (Kind.PDF, Kind.DOCX, Kind.HTML)),
    (EVERY_RISK, False, (Kind.PDF, Kind.DOCX, Kind.HTML)),
)


def documents_queue_published(*, snapshot: Snapshot) -> None:
    """Queue every document of a quarter just published: for the public site, for the readers
    who see the public's risks, and for every risk."""
    period = period_parse(snapshot.period)
    version = published_version(snapshot)
    for reader, public, kinds in PUBLISHED_BUILDS:
        data = report_data(period, reader=reader, performance=False)
        for kind in kinds:
            key = {
                "period": snapshot.period,
                "kind": kind,
                "audience": audience_of(data.risks),
                "version": version,
                "is_public": public,
            }
            if not StoredDocument.objects.filter(**key).exists():
                _queue(
                    key, every_risk=reader is EVERY_RISK, reader=None, priority=PUBLISHED_PRIORITY
                )


def _drafts_superseded_by(document: StoredDocument):
    """The earlier drafts of the same document: no request asks for them again (their data has
    changed since), so only the newest draft is kept. Published documents are all kept."""
    return (
        StoredDocument.objects.filter(
            period=document.period,
            kind=document.kind,
            audience=document.audience,
            is_public=document.is_public,
            version__startswith="draft-",
            state__in=[StoredDocument.State.DONE, StoredDocument.State.FAILED],
        )
        .exclude(pk=document.pk)
        .exclude(version=document.version)
    )


def document_build(*, document_pk: int) -> None:
    """Build one stored document (in the worker) and store it with its checksum."""
    documents_ = StoredDocument.objects.filter(pk=document_pk)
    document = documents_.defer("content").first()
    if document is None or document.state == StoredDocument.State.DONE:
        return
    documents_.update(state=StoredDocument.State.RUNNING, percent=5, error="")
    try:
        reader = EVERY_RISK if document.every_risk else document.reader
        data = report_data(
            period_parse(document.period), reader=reader, keep=True, public=document.is_public
        )
        if document.version.startswith("snapshot-") and (
            data.snapshot is None or document.version != published_version(data.snapshot)
        ):
            raise ValueError(
                "The quarter's published report, or a value restated since, is not the one this "
                "was queued for: it is queued again when next asked for."
            )
        documents_.update(percent=30)
        content = RENDER[document.kind](data)
        documents_.update(
            content=content,
            sha256=hashlib.sha256(content).hexdigest(),
            state=StoredDocument.State.DONE,
            percent=100,
            built_at=clock.now(),
        )
        if not document.version.startswith("snapshot-"):
            _drafts_superseded_by(document).delete()
    except Exception as error:
        logger.exception("Building %s failed", document)
        documents_.update(state=StoredDocument.State.FAILED, error=str(error)[:2000])
