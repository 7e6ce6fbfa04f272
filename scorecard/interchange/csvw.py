"""Open data that tools can read (decision 0041): CSV on the Web metadata (W3C CSVW) for each
published quarter's files and for the "all quarters" files, and the all-quarters rows.

Every column is described once here: its name, datatype, what it means and, for figures, its
unit; the licence is the Open Government Licence v3.0. The rows are open data's own
(`open_data.open_rows`), so the all-quarters file says exactly what each quarter's files say.
"""

from scorecard.organisation.selectors import organisation_settings_get

from . import open_data

OGL = "http://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
CSVW = "http://www.w3.org/ns/csvw"

STRING, DECIMAL, INTEGER = "string", "decimal", "integer"
YES_NO = {"base": "boolean", "format": "Yes|No"}
PERIOD = {"base": "string", "format": r"\d{4}/\d{2}(-Q[1-4]|-M\d{2})?"}
IN_UNIT = "In the row's unit (the unit column): percent, number, pounds and so on."

# name -> (datatype, description)
COLUMNS = {
    "period": (PERIOD, "The quarter the row was published for, e.g. 2017/18-Q2."),
    "code": (STRING, "The indicator's code, stable from quarter to quarter."),
    "title": (STRING, "The indicator's (or risk's) title as published."),
    "priority": (STRING, "The Corporate Plan priority the indicator measures."),
    "directorate_code": (STRING, "The directorate responsible (its short code)."),
    "directorate_name": (STRING, "The directorate responsible."),
    "unit": (STRING, "The unit of value and target, e.g. %, number, £."),
    "polarity": (STRING, "Which way is better: higher, lower or on target."),
    "state": (STRING, "The status engine's state: rated, data only, no target, not due, "
                      "awaiting data."),
    "rating": (STRING, "The colour shown: green, amber or red (empty when not rated)."),
    "rating_period": (PERIOD, "The period the colour was given in (earlier when carried)."),
    "value": (DECIMAL, "The published value. " + IN_UNIT),
    "target": (DECIMAL, "The target it was rated against. " + IN_UNIT),
    "rated_against": (STRING, "What the colour was measured against, as printed."),
    "direction": (STRING, "Direction of travel against the previous period: improving, "
                          "no_change or deteriorating."),
    "direction_last_year": (STRING, "Direction of travel against the same period last year."),
    "last_updated": (PERIOD, "The period of the latest value."),
    "next_due": (PERIOD, "The period the next value is due for."),
    "commentary": (STRING, "The council's commentary as published (empty when marked internal)."),
    "improvement_actions": (STRING, "What the council is doing to improve, as published."),
    "data_quality": (STRING, "provisional, estimated, final or restated."),
    "rating_carried": (YES_NO, "Yes: the colour is carried from an earlier quarter."),
    "update_late": (YES_NO, "Yes: the update was due and late when the quarter was published."),
    "reference": (STRING, "The risk's reference."),
    "register": (STRING, "The register the risk is reported on."),
    "category": (STRING, "The risk's category."),
    "likelihood": (INTEGER, "Likelihood score (1 is least likely)."),
    "impact": (INTEGER, "Impact score (1 is least harm)."),
    "score": (INTEGER, "Likelihood multiplied by impact."),
    "band_label": (STRING, "The band the score falls in."),
    "previous_score": (INTEGER, "The score at the end of the previous quarter."),
    "movement": (STRING, "Since the previous quarter: up, down, same or new."),
    "area": (STRING, "The risk area it belongs to."),
    "is_open": (YES_NO, "No: the risk was closed in the quarter."),
    "is_new": (YES_NO, "Yes: the risk was identified in the quarter."),
}  # fmt: skip

PRIMARY_KEYS = {"indicators": ["code"], "risks": ["reference"]}


def _columns(fields: list[str]) -> list[dict]:
    columns = []
    for name in fields:
        datatype, description = COLUMNS[name]
        columns.append(
            {
                "name": name,
                "titles": name,
                "datatype": datatype,
                "dc:description": description,
                "required": name in ("period", "code", "reference"),
            }
        )
    return columns


def metadata(*, tables: dict[str, str], title: str, all_quarters: bool) -> dict:
    """The CSVW metadata document describing `tables` (dataset -> its CSV's URL, relative to
    the metadata's own address)."""
    council = organisation_settings_get().name
    described = []
    for dataset, url in tables.items():
        name, fields = open_data.DATASETS[dataset]
        fields = (["period"] if all_quarters else []) + fields
        keys = (["period"] if all_quarters else []) + PRIMARY_KEYS[dataset]
        described.append(
            {
                "url": url,
                "dc:title": name,
                "tableSchema": {"columns": _columns(fields), "primaryKey": keys},
            }
        )
    return {
        "@context": [CSVW, {"@language": "en"}],
        "dc:title": f"{council}: {title}",
        "dc:publisher": council,
        "dc:license": {"@id": OGL},
        "dialect": {"encoding": "utf-8", "header": True},
        "tables": described,
    }


def all_quarters_rows(dataset: str) -> tuple[list[str], list[dict]]:
    """Every published quarter's rows of `dataset`, oldest quarter first, with its period."""
    fields = ["period", *open_data.DATASETS[dataset][1]]
    rows = []
    for snapshot in reversed(list(open_data.open_snapshots().select_related("scorecard"))):
        for row in open_data.open_rows(snapshot=snapshot, dataset=dataset):
            rows.append({"period": snapshot.period, **row})
    return fields, rows
