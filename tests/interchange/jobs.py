"""Jobs for the URL walk (tests/test_access_every_url.py): an import waiting for its columns to be
matched, and a finished export, both belonging to the administrator."""

from scorecard.interchange import services


def admin_import_job(admin):
    data = b"kpi_ref,description,this_quarter\nCS01,Call handling,95.9\n"
    return services.import_job_create(user=admin, data=data, filename="hart.csv")


def admin_export_job(admin):
    job = services.export_job_create(user=admin, fmt="csv")
    return services.job_run(job=job)
