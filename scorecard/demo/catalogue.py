"""The demo council's indicator catalogue: what each indicator is and how it stood in Quarter
Two 2017/18, the quarter of the source Cabinet report.

`outcome` is what the demo means the status engine to find (the loader writes values and
targets that lead there; the engine decides): G, A, R rated in the indicator's latest due
quarter; D data only; NT a value but no target; AW due but no value (awaiting data); ND not due
yet and never rated. Annual indicators not due in Quarter Two carry the rating of their last
due quarter. Titles, units and ASCOF values follow real published scorecards (see BRIEF.md 5 and
tests/data/realdata/ascof).
"""

from dataclasses import dataclass, field

# The source report's quarter and the first quarter of the demo's history.
REPORT_PERIOD = "2017/18-Q2"
NEXT_PERIOD = "2017/18-Q3"
FIRST_YEAR = 2015  # 2015/16
REFRESH_PERIOD = "2017/18-Q2"  # the scorecard refresh to the new Corporate Plan

OLD_PLAN = (
    "FutureFit Corporate Plan 2013-2017",
    [
        ("ECON", "Economy and jobs"),
        ("CYP", "Children and young people"),
        ("ENVT", "Environment and transport"),
        ("HEALTH", "Health and care"),
        ("EFF", "An efficient council"),
    ],
)
NEW_PLAN = (
    "Shaping Midshire: Corporate Plan 2017-2022",
    [
        ("OFB", "Open for Business"),
        ("CF", "Children and Families"),
        ("ENV", "The Environment"),
        ("HW", "Health and Well-being"),
        ("RC", "Running the council"),
    ],
)
# The old plan's priority for each new one, unless an indicator says otherwise.
OLD_PRIORITY = {"OFB": "ECON", "CF": "CYP", "ENV": "ENVT", "HW": "HEALTH", "RC": "EFF"}

PCT, NUM, RATE, GBP, DAYS = "percentage", "number", "rate", "currency", "days"
HI, LO, NONE = "higher", "lower", "none"
Q, Y = "quarterly", "annual"


@dataclass(frozen=True)
class Spec:
    code: str
    title: str
    directorate: str
    priority: str  # a NEW_PLAN priority code
    unit: str
    decimals: int
    polarity: str
    frequency: str
    target: float | None  # the 2017/18 target (yearly, or the full-year total when year to date)
    outcome: str
    due_quarter: int = 4
    definition: str = ""
    data_source: str = ""
    rule: dict | None = None
    old_priority: str = ""  # when it sat under another priority before the refresh
    new: bool = False  # added at the refresh
    retired: bool = False  # retired at the refresh
    ratio_denominator: int = 0  # a ratio of counts (numerator / denominator x 100)
    year_to_date: bool = False  # summed quarters rated against a cumulative target
    contextual: bool = False
    extra: dict = field(default_factory=dict)


def S(*args, **kwargs) -> Spec:  # noqa: N802 - a short constructor for a long table
    return Spec(*args, **kwargs)


ASCOF = "NHS Digital, Adult Social Care Outcomes Framework (ASCOF)"
SURVEY = "Midshire Viewpoint residents' survey"

CATALOGUE = [
    # --- Open for Business ------------------------------------------------------------------
    S("OFB01", "Economic growth (Gross Value Added per head)", "EI", "OFB", GBP, 0, HI, Y, None,
      "D", contextual=True, data_source="Office for National Statistics, regional GVA"),
    S("OFB02", "Working-age adults in employment", "EI", "OFB", PCT, 1, HI, Q, 76.0, "G",
      data_source="ONS Annual Population Survey"),
    S("OFB03", "People on out-of-work benefits", "EI", "OFB", PCT, 1, LO, Q, None, "D",
      contextual=True, data_source="DWP benefit claimants"),
    S("OFB04", "16-24 year olds claiming Jobseeker's Allowance", "EI", "OFB", PCT, 1, LO, Q, None,
      "D", contextual=True, data_source="ONS claimant count"),
    S("OFB05", "Condition of principal (A class) roads: where maintenance should be considered",
      "EI", "OFB", PCT, 1, LO, Y, 4.0, "R", due_quarter=4, old_priority="ENVT",
      data_source="SCANNER road condition survey"),
    S("OFB06", "Satisfaction with the condition of roads", "EI", "OFB", PCT, 1, HI, Y, 35.0, "R",
      due_quarter=3, old_priority="ENVT", data_source="National Highways and Transport survey"),
    S("OFB07", "Premises with access to superfast broadband", "EI", "OFB", PCT, 1, HI, Q, 93.0,
      "G"),
    S("OFB08", "New businesses supported to start up", "EI", "OFB", NUM, 0, HI, Q, 60, "A"),
    S("OFB09", "Major highway schemes delivered on time", "EI", "OFB", PCT, 1, HI, Q, 90.0, "G"),
    S("OFB10", "Apprenticeship starts", "EI", "OFB", NUM, 0, HI, Q, 1100, "A"),
    S("OFB11", "County planning applications decided in time", "EI", "OFB", PCT, 1, HI, Q, 90.0,
      "G"),
    S("OFB12", "Inward investment enquiries converted", "EI", "OFB", PCT, 1, HI, Q, None, "NT",
      new=True),
    S("OFB13", "Jobs created through the Growth Fund", "EI", "OFB", NUM, 0, HI, Q, 150, "AW",
      new=True),
    S("OFB14", "Bus services running on time", "EI", "OFB", PCT, 1, HI, Q, 85.0, "A",
      old_priority="ENVT"),
    # --- Children and Families ----------------------------------------------------------------
    S("CF01", "Pupils achieving 5 A*-C at GCSE including English and Maths", "CFC", "CF", PCT, 1,
      HI, Y, 60.0, "R", due_quarter=3, data_source="Department for Education"),
    S("CF02", "A-level attainment: average point score per entry", "CFC", "CF", NUM, 1, HI, Y,
      31.0, "G", due_quarter=3, data_source="Department for Education"),
    S("CF03", "Children adopted within 21 months of entering care", "CFC", "CF", PCT, 1, HI, Y,
      55.0, "R", due_quarter=1, data_source="Adoption scorecard"),
    S("CF04", "Children with a child protection plan per 10,000", "CFC", "CF", RATE, 1, NONE, Q,
      None, "D", contextual=True),
    S("CF05", "Children looked after per 10,000", "CFC", "CF", RATE, 1, NONE, Q, None, "D",
      contextual=True),
    S("CF06", "Schools' progress to academy status", "CFC", "CF", PCT, 1, HI, Q, None, "A",
      rule={"type": "manual"}),
    S("CF07", "Re-referrals to children's social care within 12 months", "CFC", "CF", PCT, 1, LO,
      Q, 22.0, "A"),
    S("CF08", "Single assessments completed within 45 working days", "CFC", "CF", PCT, 1, HI, Q,
      85.0, "A"),
    S("CF09", "Care leavers in education, employment or training", "CFC", "CF", PCT, 1, HI, Q,
      55.0, "G"),
    S("CF10", "Pupils in good or outstanding schools", "CFC", "CF", PCT, 1, HI, Q, 85.0, "G"),
    S("CF11", "Early help assessments completed", "CFC", "CF", NUM, 0, HI, Q, 450, "G"),
    S("CF12", "Young people not in education, employment or training (NEET)", "CFC", "CF", PCT,
      1, LO, Q, 4.0, "G"),
    S("CF13", "Looked-after children with three or more placements in the year", "CFC", "CF",
      PCT, 1, LO, Q, 10.0, "A"),
    S("CF14", "Education, Health and Care plans issued within 20 weeks", "CFC", "CF", PCT, 1, HI,
      Q, 60.0, "A"),
    S("CF15", "Library visits per 1,000 population", "CFC", "CF", RATE, 0, HI, Q, 900, "A",
      old_priority="ECON"),
    S("CF16", "Children's social worker vacancy rate", "CFC", "CF", PCT, 1, LO, Q, None, "NT",
      new=True),
    S("CF17", "Children in care placed within 20 miles of home", "CFC", "CF", PCT, 1, HI, Q, 80.0,
      "AW", new=True),
    # --- The Environment ----------------------------------------------------------------------
    S("ENV01", "Household waste collected per head (kg)", "EI", "ENV", NUM, 1, LO, Q, 115.0, "G"),
    S("ENV02", "Household waste reused, recycled or composted", "EI", "ENV", PCT, 1, HI, Q, 45.0,
      "A"),
    S("ENV03", "Municipal waste sent to landfill", "EI", "ENV", PCT, 1, LO, Q, 20.0, "G"),
    S("ENV04", "Carbon emissions from council buildings (tonnes CO2)", "COACH", "ENV", NUM, 0, LO,
      Y, 21000, "G", due_quarter=2, old_priority="EFF"),
    S("ENV05", "Street lights converted to LED", "EI", "ENV", PCT, 1, HI, Q, 40.0, "G"),
    S("ENV06", "Potholes repaired within 28 days", "EI", "ENV", PCT, 1, HI, Q, 90.0, "A"),
    S("ENV07", "Public rights of way open and easy to use", "EI", "ENV", PCT, 1, HI, Y, 70.0, "A",
      due_quarter=2),
    S("ENV08", "Flood risk management schemes completed", "EI", "ENV", NUM, 0, HI, Y, 6, "ND",
      due_quarter=4, new=True),
    # --- Health and Well-being ----------------------------------------------------------------
    S("HW01", "Older People Funded in Permanent Care Home placements", "ASC", "HW", NUM, 0, LO, Q,
      1150, "R",
      definition="Older people (65+) whose permanent residential or nursing care home placement "
      "is funded by the council at the end of the quarter.",
      data_source="Adult social care case management system; see also ASCOF 2A(2)"),
    S("HW02", "Adults with a learning disability in paid employment", "ASC", "HW", PCT, 1, HI, Q,
      7.0, "R", ratio_denominator=1343,
      definition="Adults aged 18-64 with a learning disability known to the council who are in "
      "paid employment, as a percentage of all such adults (ASCOF 1E).", data_source=ASCOF),
    S("HW03", "Residents aged 65+ receiving a service (per 1,000)", "ASC", "HW", RATE, 1, NONE, Q,
      None, "D", contextual=True),
    S("HW04", "Service users with a direct payment", "ASC", "HW", PCT, 1, HI, Q, 28.0, "A",
      data_source=ASCOF + " 1C(2A)"),
    S("HW05", "People using social care who receive self-directed support", "ASC", "HW", PCT, 1,
      HI, Q, 95.0, "G", data_source=ASCOF + " 1C(1A)"),
    S("HW06", "Permanent admissions of older people to care homes per 100,000 aged 65+", "ASC",
      "HW", RATE, 1, LO, Y, 600.0, "A", due_quarter=1, data_source=ASCOF + " 2A(2)"),
    S("HW07", "Older people at home 91 days after discharge into reablement", "ASC", "HW", PCT, 1,
      HI, Q, 82.0, "G", data_source=ASCOF + " 2B(1)"),
    S("HW08", "Short-term support followed by no or lower-level support", "ASC", "HW", PCT, 1, HI,
      Q, 74.0, "A", data_source=ASCOF + " 2D"),
    S("HW09", "Adults with a learning disability living in their own home or with family", "ASC",
      "HW", PCT, 1, HI, Q, 80.0, "G", data_source=ASCOF + " 1G"),
    S("HW10", "Delayed transfers of care attributable to social care, per 100,000", "ASC", "HW",
      RATE, 2, LO, Q, 3.0, "A"),
    S("HW11", "Mortality rate of children and young people (per 100,000)", "PH", "HW", RATE, 1,
      NONE, Y, None, "D", contextual=True, due_quarter=3),
    S("HW12", "Smoking prevalence in adults", "PH", "HW", PCT, 1, LO, Y, 15.0, "G",
      due_quarter=2),
    S("HW13", "Eligible residents offered an NHS Health Check", "PH", "HW", PCT, 1, HI, Q, 95.0,
      "G"),
    S("HW14", "Successful completions of drug treatment", "PH", "HW", PCT, 1, HI, Q, 7.0, "A"),
    S("HW15", "Excess weight in 10-11 year olds", "PH", "HW", PCT, 1, LO, Y, 32.0, "A",
      due_quarter=3),
    S("HW16", "Safeguarding adults enquiries completed within 28 days", "ASC", "HW", PCT, 1, HI,
      Q, None, "NT", new=True),
    S("HW17", "Carers receiving an assessment or review", "ASC", "HW", PCT, 1, HI, Q, 60.0, "AW",
      new=True),
    S("HW18", "Adults in contact with secondary mental health services in paid employment",
      "ASC", "HW", PCT, 1, HI, Q, 12.0, "G", data_source=ASCOF + " 1F"),
    S("HW19", "Adults physically active for 150 minutes a week", "PH", "HW", PCT, 1, HI, Q, None,
      "NT", new=True),
    # --- Running the council ------------------------------------------------------------------
    S("RC01", "Satisfaction with the local area as a place to live", "COACH", "RC", PCT, 1, HI, Y,
      85.0, "R", due_quarter=2, data_source=SURVEY),
    S("RC02", "Performance Reviews completed", "COACH", "RC", PCT, 1, HI, Y, None, "R",
      due_quarter=2, rule={"type": "thresholds", "green": "95", "amber": "90"},
      definition="Staff with a completed annual Performance Review by 30 September."),
    S("RC03", "Financial savings achieved (Transformation Programme)", "COACH", "RC", GBP, 0, HI,
      Q, 12_000_000, "R", year_to_date=True,
      definition="Savings delivered by the Transformation Programme in the year to date, in "
      "pounds, against the profiled savings target."),
    S("RC04", "Sickness absence: days lost per full-time employee", "COACH", "RC", DAYS, 2, LO, Q,
      2.0, "A"),
    S("RC05", "Council tax collected in the quarter", "COACH", "RC", PCT, 1, HI, Q, 24.5, "G"),
    S("RC06", "Invoices paid within 30 days", "COACH", "RC", PCT, 1, HI, Q, 90.0, "G"),
    S("RC07", "Freedom of Information requests answered within 20 working days", "COACH", "RC",
      PCT, 1, HI, Q, 90.0, "G"),
    S("RC08", "Complaints responded to within 20 working days", "COACH", "RC", PCT, 1, HI, Q,
      85.0, "A"),
    S("RC09", "Calls to the Midshire Hub answered within 20 seconds", "COACH", "RC", PCT, 1, HI, Q,
      80.0, "G"),
    S("RC10", "Transactions completed online", "COACH", "RC", PCT, 1, HI, Q, 50.0, "G"),
    S("RC11", "Capital receipts from the sale of surplus assets", "COACH", "RC", GBP, 0, HI, Y,
      5_000_000, "G", due_quarter=4),
    S("RC12", "Staff turnover", "COACH", "RC", PCT, 1, NONE, Q, None, "D", contextual=True),
    S("RC13", "Residents who feel informed about council services", "COACH", "RC", PCT, 1, HI, Y,
      60.0, "ND", due_quarter=4, new=True, data_source=SURVEY),
    S("RC14", "Agency staff spend as a share of the pay bill", "COACH", "RC", PCT, 1, LO, Q, None,
      "NT", new=True),
    S("RC15", "Staff who feel valued at work", "COACH", "RC", PCT, 1, HI, Y, 65.0, "ND",
      due_quarter=4, new=True),
    # --- retired at the refresh (history kept) ------------------------------------------------
    S("X01", "Adult social care users who say they feel safe", "ASC", "HW", PCT, 1, HI, Q, 70.0,
      "G", retired=True, data_source=ASCOF + " 4A"),
    S("X02", "Young people attending youth clubs", "CFC", "CF", NUM, 0, HI, Q, 2500, "A",
      retired=True),
    S("X03", "People killed or seriously injured on the roads", "EI", "ENV", NUM, 0, LO, Q, 80,
      "A", retired=True),
    S("X04", "Energy used in council buildings (MWh)", "COACH", "RC", NUM, 0, LO, Q, 9000, "G",
      retired=True),
    S("X05", "Library books issued", "CFC", "CF", NUM, 0, HI, Q, 700_000, "R", retired=True),
]  # fmt: skip

LIVE = [spec for spec in CATALOGUE if not spec.retired]
