"""A confidential risk never reaches people who may not see it: dashboards, every pack format,
the cover report, exports, open data and the API, checked by the risk's title.

CFC04 sits on Children's register. Once confidential, `risk_access` gives it to administrators,
auditors, its owner and members of Children's only: the reader and the editor (Adult Services)
may not see it, a person with no role sees no report at all, and the public never.
"""

import io
import json
import re
import subprocess
import zipfile

import pytest
from django.core.management import call_command
from docx import Document

from scorecard.core.periods import parse
from scorecard.organisation.choices import Role
from scorecard.organisation.models import User
from scorecard.organisation.services import membership_create
from scorecard.reporting.services import period_lock_and_publish
from scorecard.risks.models import Risk
from scorecard.risks.services.risks import risk_update

pytestmark = pytest.mark.django_db

TITLE = "Not enough placements for looked-after children"


def shows(text: str) -> bool:
    """Does `text` name CFC04 by its title (the demo's larger registers repeat it, followed by
    "(further area N)", for other risks that are not confidential)?"""
    return re.search(re.escape(TITLE) + r"(?!\s*\(further)", text) is not None


Q2, Q3 = "2017/18-Q2", "2017/18-Q3"


@pytest.fixture
def council(demo_council):
    """The demo council with CFC04 confidential, and people in every position to it."""
    risk = Risk.objects.select_related("register__directorate").get(title=TITLE)
    risk = risk_update(risk=risk, is_confidential=True)
    people = dict(demo_council)
    people["norole"] = User.objects.create_user("norole", password="x")
    people["auditor"] = User.objects.create_user("auditor", password="x")
    membership_create(person=people["auditor"], role=Role.AUDITOR)
    people["childrens"] = User.objects.create_user("childrens", password="x")
    membership_create(
        person=people["childrens"],
        role=Role.DIRECTORATE_EDITOR,
        directorate=risk.register.directorate,
    )
    people["risk"] = risk
    return people


SEES = ["admin", "auditor", "childrens"]
DOES_NOT_SEE = ["reader", "editor"]


def _page(client, person, url, params=None):
    client.force_login(person)
    response = client.get(url, params or {})
    client.logout()
    return response


@pytest.mark.parametrize("period", [Q2, Q3])  # published before it was confidential; live
def test_the_risk_dashboard_shows_a_confidential_risk_only_to_those_who_may_see_it(
    client, council, period
):
    for name in SEES + DOES_NOT_SEE:
        response = _page(client, council[name], "/reports/risks/", {"period": period})
        assert response.status_code == 200
        shown = shows(response.content.decode())
        assert shown == (name in SEES), f"{name} {period}"


def test_a_person_with_no_role_reads_no_report(client, council):
    for url in ["/reports/", "/reports/risks/", "/reports/performance/",
                "/reports/2017-18-Q2/appendix/", "/reports/2017-18-Q2/appendix.pdf",
                "/reports/2017-18-Q2/cabinet-report/", "/reports/2017-18-Q2/cabinet-report.docx"]:  # fmt: skip
        response = _page(client, council["norole"], url)
        assert response.status_code == 403, url
        assert not shows(response.content.decode(errors="replace"))


def _pdf_text(content: bytes, tmp_path) -> str:
    """The PDF's words on one line, a table cell's line break after a hyphen joined up."""
    path = tmp_path / "pack.pdf"
    path.write_bytes(content)
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return " ".join(text.split()).replace("- ", "-")


def test_a_quarter_published_with_a_confidential_risk_keeps_it_from_readers_in_every_format(
    client, council, tmp_path
):
    snapshot = period_lock_and_publish(
        period=parse(Q3),
        by=council["admin"],
        gaps_reason="Published early to test confidentiality.",
    )
    frozen = snapshot.risks.get(risk=council["risk"])
    assert frozen.is_confidential  # the snapshot keeps the row's confidentiality

    for name in ["admin", "reader", "editor"]:
        html = _page(client, council[name], "/reports/2017-18-Q3/appendix/").content.decode()
        assert shows(html) == (name == "admin"), name
    for name in ["admin", "reader"]:
        pdf = _page(client, council[name], "/reports/2017-18-Q3/appendix.pdf").content
        assert shows(_pdf_text(pdf, tmp_path)) == (name == "admin"), name
        cover = _page(client, council[name], "/reports/2017-18-Q3/cabinet-report/")
        assert not shows(cover.content.decode()) or name == "admin"
        docx = _page(client, council[name], "/reports/2017-18-Q3/cabinet-report.docx").content
        text = "\n".join(p.text for p in Document(io.BytesIO(docx)).paragraphs)
        assert not shows(text) or name == "admin"


def _report(*args) -> str:
    out = io.StringIO()
    call_command("report", "--period", Q3, *args, stdout=out)
    return out.getvalue()


def test_the_report_command_writes_confidential_risks_only_for_a_person_who_may_see_them(council):
    period_lock_and_publish(
        period=parse(Q3),
        by=council["admin"],
        gaps_reason="Published early to test confidentiality.",
    )
    for fmt in ["md", "json"]:
        assert not shows(_report("--format", fmt))  # the public version
        assert not shows(_report("--format", fmt, "--user", "reader"))
        assert shows(_report("--format", fmt, "--user", "admin"))
    references = [r["reference"] for r in json.loads(_report("--format", "json"))["risks"]["risks"]]
    assert council["risk"].reference not in references and references


def test_open_data_never_holds_a_confidential_risk(client, council):
    period_lock_and_publish(
        period=parse(Q3),
        by=council["admin"],
        gaps_reason="Published early to test confidentiality.",
    )
    for period in ["2017-18-Q2", "2017-18-Q3"]:
        for extension in ["csv", "json"]:
            response = client.get(f"/open-data/{period}/risks.{extension}")
            assert response.status_code == 200
            text = response.content.decode()
            assert council["risk"].reference not in text.replace('"', ",").split(","), period
            assert "Children at risk of harm not identified" in text  # not confidential


def test_exports_and_the_api_hold_a_confidential_risk_only_for_those_who_may_see_it(
    client, council
):
    from scorecard.interchange.services import export_data

    for name in SEES + DOES_NOT_SEE:
        archive = zipfile.ZipFile(io.BytesIO(export_data(user=council[name], fmt="csv")))
        text = "".join(archive.read(n).decode("utf-8-sig") for n in archive.namelist())
        assert shows(text) == (name in SEES), name
        register = {"register": council["risk"].register.name}  # fewer risks than a page
        response = _page(client, council[name], "/api/v1/risks/", register)
        assert response.status_code == 200 and response.json()["next"] is None
        assert shows(response.content.decode()) == (name in SEES), name
