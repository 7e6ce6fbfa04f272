"""The reporting app's tasks: building a quarter's documents (docs/decisions/0034)."""

from django_tasks import task

from scorecard import queue

from .models import StoredDocument


@task()
def build_document(*, document_pk: int) -> None:
    from .stored import document_build

    document_build(document_pk=document_pk)


@queue.on_abandoned(build_document)
def build_abandoned(kwargs: dict, reason: str, again: bool) -> None:
    documents = StoredDocument.objects.filter(pk=kwargs.get("document_pk"))
    if again:
        documents.update(state=StoredDocument.State.WAITING, percent=0)
    else:
        documents.update(state=StoredDocument.State.FAILED, error=reason)
