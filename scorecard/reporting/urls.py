from django.urls import path, register_converter

from . import views


class QuarterConverter:
    """A quarter in a URL: "2017-18-Q2" (the key's "/" would split the path)."""

    regex = r"\d{4}-\d{2}-Q[1-4]"

    def to_python(self, value: str) -> str:
        return value[:4] + "/" + value[5:]

    def to_url(self, value: str) -> str:
        return value.replace("/", "-")


register_converter(QuarterConverter, "quarter")

app_name = "reporting"
urlpatterns = [
    path("", views.index, name="index"),
    path("performance/", views.performance_dashboard, name="performance_dashboard"),
    path("risks/", views.risk_dashboard, name="risk_dashboard"),
    path("wording/", views.wording_edit, name="wording_edit"),
    path("audit-committee/", views.audit_committee, name="audit_committee"),
    path("audit-committee.pdf", views.audit_committee_pdf, name="audit_committee_pdf"),
    path("audit-committee.docx", views.audit_committee_docx, name="audit_committee_docx"),
    path("<quarter:period>/lock/", views.period_lock, name="period_lock"),
    path("<quarter:period>/appendix/", views.appendix, name="appendix"),
    path("<quarter:period>/appendix.pdf", views.appendix_pdf, name="appendix_pdf"),
    path("<quarter:period>/cabinet-report/", views.cover, name="cover"),
    path("<quarter:period>/cabinet-report.docx", views.cover_docx, name="cover_docx"),
]
