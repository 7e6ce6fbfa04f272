"""The interchange app's tasks: an import or export too large for the request
(docs/decisions/0032-jobs-on-django-tasks.md)."""

from django_tasks import task

from scorecard import queue

from .models import Job


@task()
def job_task(*, job_pk: int, commit: bool) -> None:
    from .services import job_run

    job = Job.objects.filter(pk=job_pk).first()
    if job is not None:
        job_run(job=job, commit=commit)


@queue.on_abandoned(job_task)
def job_abandoned(kwargs: dict, reason: str, again: bool) -> None:
    jobs = Job.objects.filter(pk=kwargs.get("job_pk"))
    if again:
        jobs.update(state=Job.State.WAITING, rows_done=0)
    else:
        jobs.update(state=Job.State.FAILED, error=reason)
