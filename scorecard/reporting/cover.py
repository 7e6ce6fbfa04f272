"""The Cabinet cover report: wording an administrator edits, filled from a snapshot's figures.

The wording is a small template: `{{ green }}` prints a figure, `{% if refreshed %}` and
`{% for name in red_updated_names %}` choose and repeat text. Rendered in Jinja's sandbox, so an
edited wording can print figures but touch nothing else, with a budget of text and loop turns
(`wording_sandbox.py`), so it cannot build a huge text or loop for minutes on every rendering. The rendered text becomes blocks:
"# " a title, "## " a heading, "- " a list item, anything else a paragraph (blank lines
separate paragraphs).

Pure module: no Django import.
"""

from __future__ import annotations

from dataclasses import dataclass

from jinja2 import StrictUndefined, TemplateError

from scorecard.core.figures import plural
from scorecard.rendering.markdown import md

from .summary import number_word
from .wording_sandbox import BoundedSandbox, WordingTooLarge


def number(value: int) -> str:
    """A whole number with thousands separators: 1,310."""
    return f"{value:,}"


DEFAULT_WORDING = """\
# Balanced Scorecard Performance and Corporate Risk Update

## Recommendation

1. The Cabinet Member with Responsibility for Transformation and Commissioning recommends that Cabinet:

{% set letters = ["(a)", "(b)", "(c)"] if refreshed else ["", "(a)", "(b)"] %}
{% if refreshed %}
- (a) notes the refresh of the Corporate Balanced Scorecard to reflect the new Corporate Plan;
{% endif %}
- {{ letters[1] }} receives the latest update of the Corporate Balanced Scorecard for {{ period_label }}, {% if green %}noting the {{ plural(green, "indicator") }} rated 'green'{% else %}noting that no indicator is rated 'green'{% endif %}{% if red_updated %}, and considers actions being taken to improve performance for the {{ plural(red_updated, "indicator") }} rated 'red' where there has been an update in {{ period_label }}{% endif %}; and
- {{ letters[2] }} notes the latest refresh of the Corporate Risk Register{% if risk_areas %} including actions to mitigate the {{ plural(risk_areas | length, "risk area") }} rated 'red'{% endif %}.

## Corporate Balanced Scorecard

2. The Corporate Balanced Scorecard is the means of understanding progress against the Council's Corporate Plan. The Scorecard contains a range of indicators linked to key priorities and themes. Many measures are long-term and may be affected by a wide range of factors, some of which are outside the direct control of the Council.

3. The attached Appendix contains an overview of performance for {{ period_label }}. Currently {{ plural(indicator_total, "indicator is", "indicators are") }} reported in the Scorecard. {{ "None of these is" if not green else number(green) ~ " of these " ~ ("is" if green == 1 else "are") }} rated 'green' representing good performance or progress, and {{ "none is" if not red else number(red) ~ (" is" if red == 1 else " are") }} rated 'red'.{% if red == 1 %} It {{ "has" if red_updated else "has not" }} had a performance update in {{ period_label }}{% elif red %} Of these {{ number(red) }}, {{ plural(red_updated, "has", "have") if red_updated else "none has" }} had a performance update in {{ period_label }}{% endif %}{% if red and red_updated %}, detailed within the attached Appendix. {{ "The indicator" if red_updated == 1 else "The " ~ number(red_updated) ~ " indicators" }} assessed as 'red' following an update this quarter {{ "is" if red_updated == 1 else "are" }}:{% elif red %}.{% endif %}

{% for name in red_updated_rated %}
- {{ name }}{{ "." if loop.last else "" }}
{% endfor %}

## Corporate Risk Register

4. The Corporate Risk Register provides a mechanism for collating and reporting risks that could affect the delivery of corporate objectives. All the major risks identified by individual Directorates and major projects are held in one electronic risk register. A scoring system is used to rate individual risks. This allows risks to be ranked and provides a view of the highest risks identified across the organisation. At the end of {{ period_label }} there {{ "was" if risk_total == 1 else "were" }} {{ plural(risk_total, "individual risk") }} entered in the risk register, {{ "none of which was" if not risk_red else "of which " ~ number(risk_red) ~ (" was" if risk_red == 1 else " were") }} rated high ('red').

5. The attached Appendix provides an overview of risks identified at the end of {{ period_label }}, and more detail about the highest risks. As individual risks recorded in the risk register are much more specific than generic corporate risks, they have been grouped for the purposes of reporting here.{% if not risk_red %} No risk is rated 'red' at the end of {{ period_label }}.{% elif risk_areas %} {{ "The highest risk falls" if risk_red == 1 else "The " ~ number(risk_red) ~ " highest risks can be grouped" }} into {{ plural(risk_areas | length, "risk area") }}:{% endif %}

{% for area in risk_areas %}
- {{ area.name }} – {{ area.description }}{{ "." if loop.last else "" }}
{% endfor %}

6. The Appendix provides more detail about these risks and details of the steps in place to mitigate them.

## Legal, Financial and HR Implications

7. Any Legal, Financial or HR implications arising from the performance reported here will be addressed as part of the programme of work on those specific areas. The Council's risk management processes include a focus on specific Legal, Financial and HR risks arising from its work. These risks and the action to address them are detailed in risk registers held across the organisation.

## Privacy and Public Health Impact Assessments

8. There are no Privacy or Public Health implications from this report. Where performance data indicates there may be Public Health implications these will be reviewed as part of the performance monitoring cycle.

## Equality and Diversity Implications

9. Any Equality and Diversity implications arising from the performance reported here will be addressed as part of the programme of work on those specific areas.

## Supporting Information

- Appendix - {{ period_label }} Balanced Scorecard Performance Summary Dashboard Report and Corporate Risk Dashboard
"""

SAMPLE_FACTS = {
    "period": "2017/18-Q2",
    "period_label": "Quarter Two 2017/18",
    "indicator_total": 73,
    "green": 25,
    "amber": 20,
    "red": 9,
    "not_rated": 19,
    "red_updated": 2,
    "red_updated_names": ["First indicator", "Second indicator"],
    "red_updated_rated": [
        "First indicator: 82.0% against a target of 90.0%",
        "Second indicator: 1,310 against a target of 1,200",
    ],
    "red_carried": 7,
    "rated_this_quarter": 46,
    "carried": 8,
    "awaiting": 3,
    "late": 3,
    "refreshed": True,
    "risk_total": 160,
    "risk_red": 9,
    "risk_bands": {"red": 9, "amber": 60, "green": 91},
    "risk_areas": [{"name": "An area", "description": "what it is about", "risks": 9}],
}


@dataclass(frozen=True)
class Block:
    kind: str  # title, heading, item, paragraph
    text: str


def _environment() -> BoundedSandbox:
    """A new environment for each rendering: it counts that rendering's work."""
    env = BoundedSandbox(
        trim_blocks=True, lstrip_blocks=True, undefined=StrictUndefined, autoescape=False
    )
    env.globals["number_word"] = number_word
    env.globals["plural"] = plural
    env.globals["number"] = number
    return env


def render_text(wording: str, facts: dict) -> str:
    try:
        return _environment().from_string(wording).render(**facts)
    except RecursionError:
        raise WordingTooLarge("the wording calls itself too deeply") from None


def to_blocks(text: str) -> list[Block]:
    blocks, paragraph = [], []

    def flush():
        if paragraph:
            blocks.append(Block("paragraph", " ".join(paragraph)))
            paragraph.clear()

    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            flush()
        elif line.startswith("## "):
            flush()
            blocks.append(Block("heading", line[3:].strip()))
        elif line.startswith("# "):
            flush()
            blocks.append(Block("title", line[2:].strip()))
        elif line.startswith("- "):
            flush()
            blocks.append(Block("item", line[2:].strip()))
        else:
            paragraph.append(line)
    flush()
    return blocks


def cover_blocks(wording: str | None, facts: dict) -> list[Block]:
    """The cover report's blocks: the wording (or the default) filled from the figures. A saved
    wording checked with sample figures may still ask too much of a quarter's real ones: then
    the standard wording is used, saying why, rather than no report at all."""
    try:
        return to_blocks(render_text(wording or DEFAULT_WORDING, facts))
    except WordingTooLarge as error:
        note = Block(
            "paragraph",
            f"The council's own wording could not be used ({error}): this is the standard wording.",
        )
        return [note, *to_blocks(render_text(DEFAULT_WORDING, facts))]


def template_problem(wording: str) -> str:
    """Why an edited wording cannot be used, or "" when it renders with real-looking figures."""
    if not wording.strip():
        return "Enter the wording of the report."
    try:
        render_text(wording, SAMPLE_FACTS)
    except WordingTooLarge as error:
        return f"The wording asks for too much work: {error}."
    except TemplateError as error:
        return f"The wording cannot be filled in: {error}. Check the {{{{ placeholders }}}}."
    return ""


def as_markdown(blocks: list[Block]) -> str:
    out = []
    for block in blocks:
        prefix = {"title": "# ", "heading": "## ", "item": "- ", "paragraph": ""}[block.kind]
        out.append(prefix + md(block.text))
    return "\n\n".join(out) + "\n"
