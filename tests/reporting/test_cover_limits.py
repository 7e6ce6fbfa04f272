"""The cover wording an administrator edits is a template filled on every rendering of the report:
it may not build a huge text or loop for minutes. Each hostile wording is refused in a moment,
within a few megabytes, with a plain message, and never saved; the standard wording and loops
over a quarter's real lists still fill in."""

import time
import tracemalloc

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from scorecard.reporting import cover, services
from scorecard.reporting.models import ReportWording
from tests.interchange.conftest import small_council

TOO_MUCH = "The wording asks for too much work"

HOSTILE = {
    "a 100 MB text": '{{ "x" * 100000000 }}',
    "a 100 MB text kept, not printed": '{% set s = "x" * 100000000 %}Fine.',
    "100 million turns of one loop": "{% for i in range(100000000) %}{% endfor %}",
    "100 million turns of two loops": (
        "{% for i in range(10000) %}{% for j in range(10000) %}{% endfor %}{% endfor %}"
    ),
    "a loop over a long text": '{% for c in "x" * 150000 %}{% endfor %}',
    "joining a text to itself": '{% set a = "x" * 100000 %}{{ a ~ a ~ a }}',
    "a text kept by a block": (
        '{% set a = "x" * 100000 %}{% set b %}{% for i in range(100) %}{{ a }}{% endfor %}'
        "{% endset %}Fine."
    ),
    "a list of texts joined": '{% set l = ["x" * 10000] * 10000 %}{{ l | join }}',
    "a huge power": "{{ 9 ** 999999 }}",
    "a huge width": '{{ "%099999999d" % 1 }}',
    "a macro calling itself twice": (
        "{% macro m(n) %}{% if n %}{{ m(n - 1) }}{{ m(n - 1) }}{% endif %}{% endmacro %}{{ m(40) }}"
    ),
    "a macro calling itself forever": "{% macro m(n) %}{{ m(n + 1) }}{% endmacro %}{{ m(1) }}",
    "a wording of a million characters": "Fine. " * 200_000,
}
UNAVAILABLE = {
    "a width in str.format": '{{ "{:>100000000}".format(1) }}',
    "padding a text": '{{ "x".center(100000000) }}',
    "the center filter": '{{ "x" | center(100000000) }}',
    "replacing in a text": '{{ ("x" * 100000).replace("x", "yyyy") }}',
    "a namespace doubled in a loop": (
        '{% set ns = namespace(s="x") %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}'
        "{% endfor %}"
    ),
    "a list grown in a loop": "{% set l = [] %}{% for i in range(40) %}{{ l.append(i) }}{% endfor %}",
    "lorem ipsum": "{{ lipsum(100000) }}",
}


@pytest.mark.parametrize("wording", HOSTILE.values(), ids=HOSTILE.keys())
def test_a_wording_asking_too_much_is_refused_quickly_and_in_little_memory(wording):
    tracemalloc.start()
    started = time.perf_counter()
    try:
        problem = cover.template_problem(wording)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert problem.startswith(TOO_MUCH), problem
    assert time.perf_counter() - started < 3
    assert peak < 20 * 1024 * 1024 - len(wording) * 4  # the wording's own text aside


@pytest.mark.parametrize("wording", UNAVAILABLE.values(), ids=UNAVAILABLE.keys())
def test_what_could_grow_a_text_is_not_offered(wording):
    assert cover.template_problem(wording).startswith("The wording cannot be filled in")


def test_the_standard_wording_and_real_loops_still_fill_in():
    assert cover.template_problem(cover.DEFAULT_WORDING) == ""
    facts = cover.SAMPLE_FACTS | {"red_updated_rated": [f"Indicator {n}" for n in range(2000)]}
    blocks = cover.cover_blocks(
        "{% for name in red_updated_rated %}\n- {{ name }}\n{% endfor %}"
        "\n\n{{ plural(green, 'indicator') }} of {{ number(1310) }}; {{ 'x' * 40 }}",
        facts,
    )
    assert [b.text for b in blocks[:2]] == ["Indicator 0", "Indicator 1"]
    assert blocks[-1].text == f"25 indicators of 1,310; {'x' * 40}"


def test_a_saved_wording_too_big_for_a_quarters_figures_falls_back_to_the_standard_one():
    """Checked with sample figures when saved, it loops over the real list, far longer."""
    wording = (
        "{% for a in red_updated_rated %}{% for b in red_updated_rated %}{% endfor %}{% endfor %}"
    )
    assert cover.template_problem(wording) == ""
    facts = cover.SAMPLE_FACTS | {"red_updated_rated": ["Indicator"] * 1000}
    blocks = cover.cover_blocks(wording, facts)
    assert blocks[0].text.startswith("The council's own wording could not be used (the wording's")
    assert blocks[1] == cover.Block(
        "title", "Balanced Scorecard Performance and Corporate Risk Update"
    )


@pytest.mark.django_db
def test_the_wording_page_refuses_a_hostile_wording_and_keeps_the_saved_one(client):
    admin = small_council()["admin"]
    services.report_wording_update(text="# Cabinet update\n\n{{ green }} green.", by=admin)
    with pytest.raises(ValidationError) as refused:
        services.report_wording_update(text=HOSTILE["a 100 MB text"], by=admin)
    assert refused.value.message_dict["text"][0].startswith(TOO_MUCH)
    client.force_login(admin)
    page = client.post(
        reverse("reporting:wording_edit"), {"text": HOSTILE["100 million turns of two loops"]}
    ).content.decode()
    assert "asks for too much work: the wording&#39;s loops and calls run more than" in page
    assert ReportWording.objects.get().text == "# Cabinet update\n\n{{ green }} green."
