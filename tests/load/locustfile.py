"""Simulated council staff and councillors. Staff browse the dashboards, registers, indicators
and risks, and submit their quarterly update (a value with commentary) through the real form,
CSRF token and all; councillors download the published pack. Run by tests/load/run.py, which
passes the plan and the folder for the records.

Each confirmed submission is appended to the user's record file, so that the checker can prove
afterwards that none was lost.
"""

import itertools
import json
import os
import random
import re
from http.cookiejar import DefaultCookiePolicy
from pathlib import Path

import requests.cookies
import requests.sessions
from locust import HttpUser, between, task

PLAN = json.loads(Path(os.environ["LOAD_PLAN"]).read_text())
RECORDS = Path(os.environ["LOAD_RECORDS"])
# Production sessions use Secure cookies; the load test plays the TLS-terminating proxy
# (X-Forwarded-Proto) on loopback, so the client must send them over plain HTTP.
BEHIND_PROXY = os.environ.get("LOAD_BEHIND_PROXY") == "1"
NEXT_ACCOUNT = itertools.count()

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
VERSION = re.compile(r'name="version" value="(\d+)"')
ERROR = re.compile(r'<ul class="govuk-list govuk-error-summary__list">(.*?)</ul>', re.DOTALL)


def _problem(response) -> str:
    """The status and the page's first error message, for the failure report."""
    found = ERROR.search(response.text or "")
    message = re.sub(r"\s+", " ", found.group(1)).strip() if found else "no error message"
    return f"status {response.status_code} at {response.url}: {message}"


class LoopbackProxyPolicy(DefaultCookiePolicy):
    def return_ok_secure(self, cookie, request):
        return True


class LoopbackProxyJar(requests.cookies.RequestsCookieJar):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.set_policy(LoopbackProxyPolicy())


if BEHIND_PROXY:
    # requests builds a fresh jar for every request and redirect from these names, so the
    # policy must be on every jar, not only on the session's.
    requests.cookies.RequestsCookieJar = LoopbackProxyJar
    requests.sessions.RequestsCookieJar = LoopbackProxyJar


class CouncilStaff(HttpUser):
    weight = 4
    wait_time = between(0.5, 2)

    def on_start(self):
        self.account = PLAN["accounts"][next(NEXT_ACCOUNT)]
        self.submitted = 0
        self.step = int(self.account["username"].rsplit("-", 1)[1])
        self.record_file = RECORDS / f"{self.account['username']}.jsonl"
        if BEHIND_PROXY:
            self.client.cookies.set_policy(LoopbackProxyPolicy())
            self.client.headers["X-Forwarded-Proto"] = "https"
        if self.account["session"]:
            self.client.cookies.set("sessionid", self.account["session"])
            return
        self._post_form(
            "/sign-in/",
            {"username": self.account["username"], "password": PLAN["password"]},
            name="sign in",
            expect=lambda r: "/sign-in/" not in r.url,
        )

    def _csrf_and_version(self, response) -> tuple[str, str]:
        token = CSRF.search(response.text)
        version = VERSION.search(response.text)
        return (token.group(1) if token else ""), (version.group(1) if version else "0")

    def _referer(self, path: str) -> str:
        scheme = "https" if BEHIND_PROXY else "http"
        return f"{scheme}://{self.host.split('://', 1)[1]}{path}"

    def _post_form(self, path, data, *, name, expect, extra=None):
        with self.client.get(path, name=f"{name} (form)", catch_response=True) as form:
            token, version = self._csrf_and_version(form)
            if not token:
                form.failure(f"no CSRF token on {path}")
                return None
        data = {**data, "csrfmiddlewaretoken": token, **(extra(version) if extra else {})}
        headers = {"Referer": self._referer(path)}
        with self.client.post(
            path, data=data, headers=headers, name=name, catch_response=True
        ) as response:
            if response.status_code != 200 or not expect(response):
                response.failure(f"{name} not confirmed: {_problem(response)}")
                return None
            return response

    def _browse(self, path: str, name: str) -> None:
        """A page read: it must answer 200 and not send the person back to sign in."""
        with self.client.get(path, name=name, catch_response=True) as response:
            if response.status_code != 200 or "/sign-in/" in response.url:
                response.failure(f"{name}: {_problem(response)}")

    # One round of a person's visit. Each user starts at a different step, so even a short
    # run reaches every page.
    def journey(self):
        indicator = random.choice(PLAN["indicators"])
        risk = random.choice(PLAN["risks"])
        return [
            ("/reports/performance/", "performance dashboard"),
            ("/scorecard/", "indicator list"),
            (f"/scorecard/indicators/{indicator}/", "indicator page"),
            (None, "submit update"),
            ("/reports/risks/", "risk dashboard"),
            ("/risks/", "risk register"),
            (f"/risks/{risk}/", "risk page"),
            ("/scorecard/my-updates/", "my updates"),
        ]

    @task
    def next_step(self):
        path, name = self.journey()[self.step % 8]
        self.step += 1
        if path is None:
            self.submit_quarterly_update()
        else:
            self._browse(path, name)

    def submit_quarterly_update(self):
        self.submitted += 1
        code, username = self.account["indicator_code"], self.account["username"]
        value = str(random.randint(1, 5000))
        commentary = f"{username} update {self.submitted}: demand steady this quarter."
        path = f"/scorecard/indicators/{self.account['indicator_id']}/values/{PLAN['period_slug']}/"
        confirmed = self._post_form(
            path,
            {
                "value": value,
                "commentary": commentary,
                "improvement_actions": "",
                "data_quality": "final",
                "action": "submit",
            },
            name="submit update",
            expect=lambda r: (
                "/scorecard/my-updates/" in r.url
                and f"{code} " in r.text
                and "submitted for approval." in r.text
            ),
            extra=lambda version: {"version": version},
        )
        if confirmed is not None:
            record = {
                "username": username,
                "indicator_id": self.account["indicator_id"],
                "value": value,
                "commentary": commentary,
            }
            with self.record_file.open("a") as file:
                file.write(json.dumps(record) + "\n")


class Councillor(HttpUser):
    """A Cabinet member on publication day: downloads the published pack (PDF), stored once."""

    weight = 1
    wait_time = between(0.5, 2)

    def on_start(self):
        if BEHIND_PROXY:
            self.client.cookies.set_policy(LoopbackProxyPolicy())
            self.client.headers["X-Forwarded-Proto"] = "https"
        self.client.cookies.set("sessionid", PLAN["councillor_session"])

    @task
    def download_published_pack(self):
        if not PLAN["published_slug"]:
            return
        path = f"/reports/{PLAN['published_slug']}/appendix.pdf"
        with self.client.get(path, name="published pack PDF", catch_response=True) as response:
            if response.status_code != 200 or "/sign-in/" in response.url:
                response.failure(f"published pack PDF: {_problem(response)}")
            elif not response.content.startswith(b"%PDF"):
                # Being built (the first minute after publication): the page says so.
                response.success()


class PublicReader(HttpUser):
    """A resident or journalist on the public site: no account, no cookie; reads the published
    quarter's pages and asks again with the page's ETag, as a browser or a CDN does (a 304)."""

    weight = 1
    wait_time = between(0.5, 2)
    INDICATOR = re.compile(r'href="(/public/[^"]+/indicators/[^"]+/)"')

    @task
    def read_the_published_quarter(self):
        if not PLAN["published_slug"]:
            return
        quarter = f"/public/{PLAN['published_slug']}/"
        pages = [("/public/", "public index"), (quarter, "public quarter page")]
        pages.append((f"{quarter}risks/", "public risks page"))
        etags = {}
        for path, name in pages:
            with self.client.get(path, name=name, catch_response=True) as response:
                if response.status_code != 200:
                    response.failure(f"{name}: {_problem(response)}")
                    return
                etags[path] = response.headers.get("ETag", "")
                found = self.INDICATOR.search(response.text)
            if found:
                self._read(found.group(1), "public indicator page")
        with self.client.get(
            quarter, name="public quarter page, revalidated",
            headers={"If-None-Match": etags[quarter]}, catch_response=True,
        ) as response:  # fmt: skip
            if response.status_code != 304:
                response.failure(f"not revalidated: status {response.status_code}")

    def _read(self, path: str, name: str) -> None:
        with self.client.get(path, name=name, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"{name}: {_problem(response)}")
