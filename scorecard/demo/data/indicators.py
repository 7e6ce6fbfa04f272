"""The demo council's indicators in its own words: why each is measured, how it is calculated,
where the figure comes from, and the officer's commentary and improvement actions on its latest
value (the loader, `scorecard.demo.performance`, writes the figures).

INDICATORS: code -> (why we measure it, definition, data source, latest commentary, improvement
actions). A definition or source given in the catalogue is kept; the five red indicators of the
report quarter take their commentary from `performance.RED_COMMENTARY`.
"""

# fmt: off
INDICATORS = {
    # --- Open for Business ---------------------------------------------------------------------
    "OFB01": (
        "Output per head is the broadest measure of the county's economy and of the productivity gap with the rest of the region that the Corporate Plan aims to close.",
        "Gross Value Added at current basic prices divided by the resident population, for the calendar year.",
        "",
        "GVA per head rose to £23,400 in 2016, up 4% on the year before, but the gap with the regional average has not narrowed. Published by ONS in December each year; shown for context.",
        ""),
    "OFB02": (
        "Employment is the clearest sign that growth is reaching residents, and the rate is a headline measure in the Strategic Economic Plan.",
        "Residents aged 16-64 in employment as a percentage of all residents aged 16-64, rolling 12 months.",
        "",
        "The employment rate averaged 78.3% over July to September, up from 76.1% in the first quarter and above the 76% target. The dip in June was a sampling effect and did not last.",
        ""),
    "OFB03": (
        "A rise in out-of-work benefit claims is an early warning of pressure on household incomes and on council services.",
        "Working-age residents claiming out-of-work benefits as a percentage of the working-age population.",
        "",
        "Steady at 6.1% for the fourth quarter running. Universal Credit reaches the county in 2018, when the series will break and will need care in reading.",
        ""),
    "OFB04": (
        "Young people out of work early in life earn less for years afterwards; the figure shows whether the youth employment work is reaching those who need it.",
        "Residents aged 16-24 claiming Jobseeker's Allowance or the unemployment element of Universal Credit, as a percentage of residents aged 16-24.",
        "",
        "Unchanged at 1.4%, well below the regional rate. The numbers are small (about 900 young people), so a few claims either way move the figure.",
        ""),
    "OFB05": (
        "The condition of the A roads affects journey times, safety and the cost of future repairs; keeping it stable is the aim of the highways asset management plan.",
        "Percentage of the principal road network where maintenance should be considered (red condition), from machine surveys of one direction of every A road.",
        "",
        "4.6% of A roads were in red condition in the 2016/17 survey, up from 4.2% and worse than the 4.0% target. The wet winter of 2015/16 did lasting damage to the surface of the rural A roads.",
        "Surface dressing programme moved to the A roads with the steepest decline; results of the 2017/18 survey due in March."),
    "OFB06": (
        "How residents judge the roads is one of the things they care about most, and it is compared directly with other highway authorities.",
        "Percentage of respondents satisfied with the condition of road surfaces, from the annual National Highways and Transport public satisfaction survey.",
        "",
        "Satisfaction fell to 29.8% in the 2016 survey from 33.1%, below the 35% target and in line with the fall seen nationally. Potholes were the most common complaint.",
        "Pothole repairs publicised through the 'Fixing Midshire' campaign; results from the 2017 survey expected in December."),
    "OFB07": (
        "Fast broadband lets businesses grow anywhere in the county and residents use online services; the council has invested £22 million to extend it.",
        "Premises able to receive broadband of at least 24 Mbps, as a percentage of all premises, from the programme's coverage model.",
        "Superfast Midshire programme coverage model",
        "Coverage reached 95.8% at the end of September, up from 95.3% in June, ahead of the 93% target. Phase two cabinets in the west went live over the summer.",
        ""),
    "OFB08": (
        "New firms create most new jobs; the start-up support service is funded to help 60 a quarter.",
        "Businesses that began trading in the quarter after receiving at least 12 hours of support from the Growth Hub.",
        "Midshire Growth Hub client records",
        "57 new businesses started with Growth Hub support, one fewer than last quarter and three short of the target of 60. Summer is usually quieter for start-up workshops.",
        "Two extra start-up workshops booked for October and November in the market towns."),
    "OFB09": (
        "Schemes delivered late cost more and hold up the growth they were built to support.",
        "Major highway schemes (over £1 million) reaching their construction milestones by the date in the capital programme, as a percentage of schemes due in the year to date.",
        "Capital programme monitoring",
        "92.7% of scheme milestones were met on time, close to last quarter's 92.8% and above the 90% target. The only slippage was the Eastfield junction, held up by utility diversions.",
        ""),
    "OFB10": (
        "Apprenticeships give young people a route into skilled work and help local employers fill skills gaps.",
        "Apprenticeship starts by residents of the county in the rolling twelve months, from the Department for Education's data.",
        "Department for Education, apprenticeship starts",
        "1,045 apprenticeship starts in the latest twelve months, down from 1,056 and 5% short of the target of 1,100. Employers are still adjusting to the apprenticeship levy.",
        "Levy transfer scheme to help small firms use large employers' unspent levy; apprenticeship fair in February."),
    "OFB11": (
        "Timely planning decisions give applicants certainty and keep the council out of the government's designation regime.",
        "County matter and council development applications decided within 13 weeks (or an agreed extension), as a percentage of all decided.",
        "Planning application records",
        "92.7% of applications were decided in time, up from 92.2%. All but one of the late decisions had an extension of time agreed with the applicant.",
        ""),
    "OFB12": (
        "Converting enquiries into investment is how the Invest in Midshire service shows its value; a target will be set once a year's data is in.",
        "Inward investment enquiries that led to a firm decision to invest in the county, as a percentage of enquiries closed in the quarter.",
        "Invest in Midshire enquiry records",
        "18% of enquiries closed this quarter were converted, up from 16.8% in the first quarter of recording. Two logistics firms confirmed sites near the A45.",
        ""),
    "OFB13": (
        "The Growth Fund is expected to create 600 jobs over four years; this shows whether it is on course.",
        "Jobs created and filled by businesses receiving Growth Fund grants, verified six months after the grant.",
        "Growth Fund monitoring returns",
        "", ""),
    "OFB14": (
        "Reliable buses keep people in work and education, especially in rural areas without other transport.",
        "Timing points on subsidised and commercial bus routes departed between one minute early and five minutes late, as a percentage of observations.",
        "Bus operators' automatic vehicle location data",
        "80.8% of buses ran on time, a little better than 80.6% last quarter but still short of the 85% target. Roadworks on the Northgate corridor caused most of the delays.",
        "Timetables on the Northgate routes adjusted for the roadworks; operators' reliability reviewed at the quarterly bus partnership."),
    # --- Children and Families ----------------------------------------------------------------
    "CF01": (
        "GCSE results shape young people's choices at 16 and are one of the main ways parents and Ofsted judge the county's schools.",
        "Pupils at the end of Key Stage 4 achieving five or more GCSEs at A*-C including English and mathematics, as a percentage of pupils at the end of Key Stage 4.",
        "",
        "51.2% of pupils achieved five good GCSEs including English and maths in 2016, down from 57.1% and short of the 60% target. The new, harder specifications explain part of the fall.",
        "School improvement advisers working with the twelve secondary schools below the floor standard; maths leaders' network relaunched."),
    "CF02": (
        "Post-16 attainment opens the way to university and skilled work and shows the strength of sixth forms and colleges.",
        "Average point score per A-level entry for students at the end of Key Stage 5 in state-funded schools and colleges.",
        "",
        "The average point score per A-level entry rose to 31.3 in 2016 from 27.3, just above the target of 31. The biggest improvement was in the two new sixth-form academies.",
        ""),
    "CF03": (
        "Children adopted quickly have the best chance of a settled family life; delay is measured by the national adoption scorecard.",
        "Children adopted in the year who moved in with their adoptive family within 21 months of entering care, as a percentage of all children adopted, three-year average.",
        "",
        "47.9% of children adopted moved in with their family within 21 months, down from 49.2% and well short of the 55% target. Several older children with long care histories were adopted this year, which is good news for them but lowers the figure.",
        "Early permanence planning for every child under two entering care; family finding started at the second review."),
    "CF04": (
        "The rate shows demand on child protection services and is compared with similar councils; it is not rated, as neither a high nor a low figure is good in itself.",
        "Children subject to a child protection plan at the end of the quarter, per 10,000 children aged under 18.",
        "Children's social care case records",
        "41.0 children per 10,000 were on a plan at the end of September, little changed from 40.8 in June and below the statistical neighbours' average of 44.",
        ""),
    "CF05": (
        "The number of children in care drives both the placements the council must find and the largest part of the children's budget.",
        "Children looked after at the end of the month, per 10,000 children aged under 18.",
        "Children's social care case records",
        "52.0 children per 10,000 were in care on average over July to September, down from 53.0 in the first quarter as more children returned home under supervision orders.",
        ""),
    "CF06": (
        "Schools converting to academies change the council's role and its funding; progress is rated against the plan agreed with the Regional Schools Commissioner.",
        "Maintained schools that have converted or have an academy order, as a percentage of schools maintained in April 2016.",
        "Department for Education academy conversion data",
        "28.5% of schools had converted or had an order, against 29.0% reported in June after one order was withdrawn. Three conversions are waiting for land transfers.",
        "Land transfer agreements for the three waiting schools prioritised by Legal Services."),
    "CF07": (
        "Children referred again soon after their case was closed may not have received the right help the first time.",
        "Referrals to children's social care within 12 months of a previous referral, as a percentage of all referrals in the month.",
        "Children's social care case records",
        "Re-referrals rose to an average of 23.1% over July to September from 22.6% in the first quarter, above the 22% target, and reached 23.8% in September.",
        "Audit of September's re-referrals to see whether cases were closed too early; step-down to early help checked at closure."),
    "CF08": (
        "Timely assessments mean children get the help they need without delay; the 45-day limit is set in Working Together.",
        "Single assessments completed within 45 working days of the referral, as a percentage of assessments completed in the quarter.",
        "Children's social care case records",
        "80.8% of assessments were completed within 45 working days, down from 81.6% in the first quarter and short of the 85% target. Agency turnover in the South assessment team caused most of the delay.",
        "Weekly tracking of every assessment past day 35; two permanent social workers start in the South team in November."),
    "CF09": (
        "Care leavers in education or work are more likely to do well as adults; the council is their corporate parent.",
        "Care leavers aged 19-21 in education, employment or training, as a percentage of care leavers aged 19-21 the council is in touch with.",
        "Children's social care case records",
        "56.6% of care leavers were in education, employment or training, up slightly from 56.4% and above the 55% target. Eight started apprenticeships with the council this summer.",
        ""),
    "CF10": (
        "Parents want their children in good schools, and the share in good or outstanding schools is a headline test of the education system.",
        "Pupils in schools judged good or outstanding at their latest Ofsted inspection, as a percentage of all pupils in state-funded schools.",
        "Ofsted, school inspection outcomes",
        "87.5% of pupils attend a good or outstanding school, slightly down from 88.1% after one large secondary was judged to require improvement; still above the 85% target.",
        ""),
    "CF11": (
        "Early help stops problems growing into crises that need social care, and it is central to the Improvement Plan.",
        "Early help assessments completed by the council and partner agencies in the quarter.",
        "Early help module of the case management system",
        "464 early help assessments were completed, up from 453 and above the target of 450. Schools completed more than a third of them.",
        ""),
    "CF12": (
        "Young people not in education, employment or training at 16-17 are at greater risk of long-term unemployment.",
        "Residents aged 16-17 not in education, employment or training, as a percentage of those whose activity is known.",
        "Department for Education, NEET and participation returns",
        "3.9% of 16-17 year olds were not in education, employment or training, the same as last quarter and better than the 4% target.",
        ""),
    "CF13": (
        "Frequent moves damage children's sense of security and their education; stability is a measure of placement quality.",
        "Children looked after at the end of the quarter who have had three or more placements in the previous twelve months, as a percentage of all children looked after.",
        "Children's social care case records",
        "10.5% of children in care had three or more placements in the year, unchanged from June and just above the 10% target. Most moves followed the ending of emergency placements.",
        "Placement stability meetings for every child on their second move; more support for foster carers caring for teenagers."),
    "CF14": (
        "Families should not wait too long for an agreed plan of support for a child with special educational needs.",
        "Education, Health and Care plans issued within 20 weeks of the request for assessment (excluding exceptions), as a percentage of plans issued.",
        "Special educational needs case records",
        "57.0% of new plans were issued within 20 weeks, down from 58.0% and short of the 60% target. Health advice is the most common cause of delay.",
        "Six-week response standard for health advice agreed with the clinical commissioning group from November."),
    "CF15": (
        "Library use shows how well the service is reaching residents as branches move to community management.",
        "Physical visits to council and community-managed libraries in the quarter, per 1,000 population.",
        "Library door counters",
        "855 visits per 1,000 residents, up from 848 last quarter but short of the 900 target. The summer reading challenge brought in more families than last year.",
        "Extended opening at the four busiest libraries from January; events programme promoted through schools."),
    "CF16": (
        "Vacancies drive caseloads and reliance on agency staff; the figure is watched by the Improvement Board.",
        "Vacant children's social worker posts (not filled by a permanent employee) as a percentage of all established posts, at the end of the quarter.",
        "HR establishment records",
        "14.0% of social worker posts were vacant at the end of September, down from 14.8% as the first recruits from the overseas campaign arrived. A target will be set in April.",
        ""),
    "CF17": (
        "Children placed near home can stay at their school and keep in touch with family and friends.",
        "Children looked after placed within 20 miles of their home address, as a percentage of all children looked after.",
        "Children's social care case records",
        "", ""),
    # --- The Environment ----------------------------------------------------------------------
    "ENV01": (
        "Less waste means lower disposal costs and less harm to the environment.",
        "Household waste collected by the district councils and received at recycling centres in the quarter, in kilograms per head of population.",
        "WasteDataFlow",
        "111.5 kg of household waste per person this quarter, about the same as the first quarter and down from 117.8 kg a year earlier. Below the 115 kg target.",
        ""),
    "ENV02": (
        "Recycling saves landfill tax and is a national measure of waste performance.",
        "Household waste sent for reuse, recycling or composting as a percentage of all household waste.",
        "WasteDataFlow",
        "42.8% of household waste was reused, recycled or composted, down from 43.2% and short of the 45% target. Green waste tonnages fell after a dry August.",
        "Contamination campaign with the district councils; trial of mixed plastics collection in two districts."),
    "ENV03": (
        "Landfill is the most expensive and least sustainable way to dispose of waste.",
        "Municipal waste sent to landfill as a percentage of all municipal waste managed.",
        "WasteDataFlow",
        "19.4% of waste went to landfill, down from 19.9% and under the 20% target. Landfill will fall sharply once the Energy from Waste plant opens.",
        ""),
    "ENV04": (
        "The council has committed to cut carbon from its own buildings by 3% a year, which also cuts energy bills.",
        "Carbon dioxide emissions from energy used in council buildings in the year, in tonnes, using the government's conversion factors.",
        "Energy supplier billing data",
        "Emissions from council buildings fell to 20,370 tonnes in 2017/18, down 8% on the year and below the 21,000-tonne target, helped by the sale of eleven older buildings.",
        ""),
    "ENV05": (
        "LED street lights use half the energy of the old lamps and need less maintenance.",
        "Street lights converted to LED as a percentage of all council-owned street lights.",
        "Street lighting asset register",
        "41.2% of street lights have been converted, up from 41.0%. Progress slowed over the summer while the contractor reorganised its teams, but we remain ahead of the 40% target.",
        ""),
    "ENV06": (
        "Quick repairs prevent potholes getting worse and reduce claims against the council.",
        "Potholes repaired within 28 days of being reported, as a percentage of potholes repaired in the month.",
        "Highways works management system",
        "85.5% of potholes were repaired within 28 days over July to September, slightly down from 85.9% and short of the 90% target. July's figure of 82.9% reflected a backlog from the June storms.",
        "Extra repair gang in the north of the county until December; reporting app linked directly to the works management system."),
    "ENV07": (
        "Rights of way are how many residents enjoy the countryside; their condition is checked each year.",
        "Sample of public rights of way surveyed in the year that are signed, free of obstruction and easy to use, as a percentage of those surveyed.",
        "Rights of way condition survey",
        "66.5% of rights of way surveyed were easy to use, up a little from 66.1% but short of the 70% target. Overgrown vegetation was the most common problem.",
        "Volunteer ranger groups clearing the most-used paths; landowners reminded of their duties before the growing season."),
    "ENV08": (
        "Each completed scheme reduces the risk of flooding to homes and businesses.",
        "Flood risk management schemes completed in the year, from the council's capital programme and joint schemes with the Environment Agency.",
        "Capital programme monitoring",
        "", ""),
    # --- Health and Well-being ----------------------------------------------------------------
    "HW01": (
        "Supporting older people to live at home for longer is central to the Corporate Plan, and permanent placements are the largest part of the adult social care budget.",
        "", "", "", ""),
    "HW02": (
        "Paid work gives adults with a learning disability income, independence and social contact, and is a national outcome measure.",
        "", "", "", ""),
    "HW03": (
        "The number of older people receiving services shows demand on adult social care as the population ages; it is not rated.",
        "Residents aged 65 and over receiving long-term support at the end of the quarter, per 1,000 residents aged 65 and over.",
        "Adult social care case management system",
        "98.0 per 1,000 older residents were receiving long-term support, up slightly from 97.5 in June as winter planning moved more people onto packages earlier.",
        ""),
    "HW04": (
        "Direct payments give people choice and control over their support.",
        "Service users receiving direct payments as a percentage of people receiving community-based services.",
        "",
        "26.6% of people using community services had a direct payment, down from 26.9% and short of the 28% target. Take-up among older people remains low.",
        "Personal assistant register launched in October; support planners trained to offer direct payments at every review."),
    "HW05": (
        "Self-directed support means people know their budget and help decide how it is spent.",
        "People receiving community services through self-directed support (a personal budget or direct payment) as a percentage of all people receiving community services.",
        "",
        "97.9% of people received self-directed support, up from 95.1% after the review team cleared the remaining older care plans. Above the 95% target.",
        ""),
    "HW06": (
        "Admissions to care homes are a measure of how well community services keep older people independent.",
        "Council-supported permanent admissions of people aged 65 and over to residential and nursing care in the year, per 100,000 residents aged 65 and over.",
        "",
        "630 admissions per 100,000 older people in 2017/18, almost the same as 630.4 the year before and 5% above the target of 600. The panel review of new placements started too late in the year to show.",
        "Weekly panel review of new permanent placements; reablement offered to everyone discharged from hospital before a placement is considered."),
    "HW07": (
        "It shows whether reablement after a hospital stay helps older people to stay at home.",
        "Older people discharged from hospital into reablement who were still at home 91 days later, as a percentage of those discharged into reablement.",
        "",
        "84.5% of older people were still at home 91 days after reablement, the same as last quarter and above the 82% target.",
        ""),
    "HW08": (
        "Short-term support should leave people needing less long-term care; it is a national measure of reablement.",
        "People who completed short-term support in the period and needed no further support or support at a lower level, as a percentage of all who completed it.",
        "",
        "70.3% of people needed no or less support after reablement, down from 71.5% and short of the 74% target. More people arrived from hospital with complex needs.",
        "Therapy-led reablement assessments from November; outcomes reviewed case by case with the hospital discharge teams."),
    "HW09": (
        "A settled home is one of the outcomes that matters most to adults with a learning disability and their families.",
        "Adults aged 18-64 with a learning disability known to the council who live in their own home or with their family, as a percentage of all such adults.",
        "",
        "82.4% of adults with a learning disability live in their own home or with family, steady on 82.5% and above the 80% target. Six more people moved into supported living.",
        ""),
    "HW10": (
        "Delays in leaving hospital harm older people's recovery and block beds for others; the measure is part of the Better Care Fund.",
        "Average daily number of delayed transfers of care attributable to social care (or jointly), per 100,000 residents aged 18 and over.",
        "NHS England, delayed transfers of care statistics",
        "3.15 delayed days a day per 100,000 adults, almost unchanged from 3.14 and 5% above the 3.0 target. Delays waiting for home care in the rural districts are the main cause.",
        "Trusted assessors in all three hospitals from November; 30 step-down beds commissioned for people waiting for home care."),
    "HW11": (
        "Child deaths are rare and each is reviewed; the rate is watched for any pattern and compared nationally.",
        "Deaths of children and young people aged 1-19, per 100,000 residents of that age, three-year rolling average.",
        "Public Health Outcomes Framework",
        "16.5 deaths per 100,000 children and young people in 2014-16, down from 17.2. The Child Death Overview Panel found no new pattern.",
        ""),
    "HW12": (
        "Smoking is the largest preventable cause of death and illness in the county.",
        "Adults who say they smoke, as a percentage of adults aged 18 and over, from the Annual Population Survey.",
        "Public Health Outcomes Framework",
        "14.5% of adults smoke, down from 15.4% a year earlier and now under the 15% target. Rates remain nearly twice as high among routine and manual workers.",
        ""),
    "HW13": (
        "Health Checks find heart disease, stroke and diabetes risks early, and offering them is a duty of the council.",
        "Eligible residents aged 40-74 offered an NHS Health Check in the year to date, as a percentage of the year's eligible population, profiled by quarter.",
        "GP practice returns",
        "97.9% of the eligible residents due an invitation were offered a Health Check, up from 95.7%. Three practices that had stopped inviting have restarted.",
        ""),
    "HW14": (
        "Completing treatment without returning shows the drug service is helping people recover.",
        "Opiate users who left treatment successfully and did not return within six months, as a percentage of all opiate users in treatment.",
        "National Drug Treatment Monitoring System",
        "6.6% of opiate users completed treatment successfully, slightly down from 6.7% and short of the 7% target. The new provider is still settling its recovery model.",
        "Improvement plan agreed with the provider; peer mentors recruited for each treatment hub."),
    "HW15": (
        "Excess weight in childhood tends to continue into adult life and is a major cause of future ill health.",
        "Children in Year 6 measured as overweight or obese, as a percentage of children measured, from the National Child Measurement Programme.",
        "National Child Measurement Programme",
        "34.3% of Year 6 children were overweight or obese in 2016/17, up from 34.0% and above the 32% target. The rate in the most deprived areas is nearly ten points higher.",
        "Daily mile in 100 primary schools; healthy weight service for families recommissioned from April."),
    "HW16": (
        "Prompt enquiries protect adults at risk; the measure is new and a target will follow a year's data.",
        "Section 42 safeguarding enquiries concluded within 28 days of the concern being raised, as a percentage of enquiries concluded in the quarter.",
        "Adult social care case management system",
        "72.0% of safeguarding enquiries were concluded within 28 days, up from 66.4% in the first quarter of recording, as the new screening process took effect.",
        ""),
    "HW17": (
        "Carers save the health and care system billions; an assessment is their route to support.",
        "Carers known to the council who had an assessment or review in the last twelve months, as a percentage of all carers known to the council.",
        "Adult social care case management system",
        "", ""),
    "HW18": (
        "Work supports recovery for people with mental health problems and is a national outcome measure.",
        "Adults aged 18-69 in contact with secondary mental health services who are in paid employment, as a percentage of all such adults.",
        "",
        "12.4% of adults in contact with secondary mental health services were in paid work, up from 12.1% and above the 12% target. The employment support workers in community teams are making a difference.",
        ""),
    "HW19": (
        "Physical activity lowers the risk of many illnesses; the measure was added with the new Corporate Plan.",
        "Adults doing at least 150 minutes of moderate physical activity a week, as a percentage of adults aged 19 and over.",
        "Sport England Active Lives survey",
        "57.0% of adults were active for 150 minutes a week, up from 54.3% last quarter, a seasonal rise as people exercise more in summer. A target will be set when the full year is in.",
        ""),
    # --- Running the council ------------------------------------------------------------------
    "RC01": (
        "How residents feel about where they live reflects many council services together and is a headline measure of the Corporate Plan.",
        "Respondents very or fairly satisfied with their local area as a place to live, as a percentage of all respondents, from the summer survey.",
        "", "", ""),
    "RC02": (
        "Every member of staff should have a yearly review of their work and development; completion is a sign of good management.",
        "", "HR system, performance review records", "", ""),
    "RC03": (
        "The Transformation Programme carries most of the savings in the medium-term financial plan.",
        "", "Transformation Programme savings tracker", "", ""),
    "RC04": (
        "Absence costs money and puts pressure on colleagues; it is compared with other councils.",
        "Working days lost to sickness absence in the quarter per full-time equivalent employee, excluding schools.",
        "HR and payroll system",
        "2.10 days were lost per employee this quarter, the same as the first quarter and just above the 2.0 target. Stress-related absence rose in frontline services.",
        "Stress risk assessments for teams with the highest absence; managers' training on early return to work."),
    "RC05": (
        "Council tax pays for a large part of the council's services; the collection rate shows whether income is on track.",
        "Council tax collected in the quarter by the district councils as a percentage of the full year's amount due, the council's share.",
        "District council collection returns",
        "25.2% of the year's council tax was collected in the quarter, slightly up from 25.1% and ahead of the 24.5% profile.",
        ""),
    "RC06": (
        "Paying suppliers promptly supports local businesses and is part of the council's commitments to small firms.",
        "Undisputed invoices paid within 30 days of receipt, as a percentage of all undisputed invoices paid in the month.",
        "Finance system",
        "92.7% of invoices were paid within 30 days over July to September, up from 91.2% in the first quarter, with a best month of 95.5% in August.",
        ""),
    "RC07": (
        "Answering requests on time is a legal duty and a sign of an open council.",
        "Freedom of Information and Environmental Information requests answered within 20 working days, as a percentage of requests due in the quarter.",
        "Information requests case system",
        "92.7% of requests were answered in time, a little lower than 93.3% last quarter but well above the 90% target despite a 12% rise in requests.",
        ""),
    "RC08": (
        "Timely replies to complaints show residents that the council listens, and late replies lead to complaints to the Ombudsman.",
        "Stage one complaints responded to within 20 working days, as a percentage of stage one complaints closed in the quarter.",
        "Complaints case system",
        "80.8% of complaints were answered within 20 working days, down from 81.1% and short of the 85% target. Adult social care complaints took longest.",
        "Complaints champion named in each directorate; weekly list of complaints nearing their deadline sent to heads of service."),
    "RC09": (
        "The Hub is the front door for most residents who contact the council by phone.",
        "Calls to the Midshire Hub answered within 20 seconds, as a percentage of calls offered in the month.",
        "Contact centre telephony system",
        "82.4% of calls were answered within 20 seconds over July to September, about the same as the first quarter and above the 80% target. September was the best month at 84.9%.",
        ""),
    "RC10": (
        "Online transactions are cheaper and more convenient for most residents, and channel shift carries part of the Transformation Programme's savings.",
        "Transactions completed online as a percentage of transactions completed by all channels, for the services in the digital programme.",
        "Customer relationship management system",
        "51.5% of transactions were completed online, up from 50.9%, helped by online booking for recycling centre permits.",
        ""),
    "RC11": (
        "Capital receipts fund the capital programme and reduce borrowing.",
        "Receipts from the sale of surplus land and buildings completed in the financial year.",
        "Finance system, capital receipts",
        "£5.05 million was received from asset sales in 2016/17, up from £4.49 million and just over the £5 million target. The sale of the former depot at Hillside completed in March.",
        ""),
    "RC12": (
        "Turnover shows how well the council keeps its staff; some turnover is healthy, so it is not rated.",
        "Leavers in the last twelve months as a percentage of average headcount, excluding schools.",
        "HR system",
        "11.0% of staff left in the last twelve months, the same as June. Turnover among children's social workers remains more than twice the council average.",
        ""),
    "RC13": (
        "Residents who feel informed are more likely to use services well and trust the council.",
        "Respondents who feel very or fairly well informed about the services the council provides, from the residents' survey.",
        "", "", ""),
    "RC14": (
        "Agency staff cost more than employees; the share of the pay bill shows progress in recruiting permanent staff.",
        "Spending on agency staff as a percentage of the total pay bill in the quarter, excluding schools.",
        "Finance system and payroll",
        "Agency spend fell to 6.5% of the pay bill from 6.9%, as twelve agency social workers took permanent contracts. A target will be set with the 2018/19 budget.",
        ""),
    "RC15": (
        "Staff who feel valued are more likely to stay and do their best work.",
        "Respondents to the staff survey who agree that they feel valued at work.",
        "Staff survey",
        "", ""),
    # --- retired at the refresh ---------------------------------------------------------------
    "X01": (
        "Feeling safe is a basic outcome of care and support.",
        "Adult social care users who say they feel as safe as they want, from the annual Adult Social Care Survey.",
        "",
        "72.1% of people using services said they feel safe, up from 68.6% and above the 70% target. Retired at the refresh; safeguarding is now measured by HW16.",
        ""),
    "X02": (
        "Youth clubs were part of the old plan's offer for young people.",
        "Young people aged 13-19 attending council-run youth clubs at least once in the quarter.",
        "Youth service attendance registers",
        "2,375 young people attended a youth club, up from 2,340 but short of the 2,500 target. Retired at the refresh as clubs transfer to community groups.",
        "Transfer of the remaining clubs to community groups supported by the youth service."),
    "X03": (
        "Road casualties were a target in the old plan's environment priority.",
        "People killed or seriously injured in road traffic collisions on roads in the county in the quarter, reported by the police.",
        "Police STATS19 collision data",
        "84 people were killed or seriously injured, two fewer than last quarter but above the 80 target. Retired at the refresh; casualties are now reported to the road safety partnership.",
        "Route safety scheme on the A612; motorcycle safety campaign with the fire and rescue service."),
    "X04": (
        "Energy use in council buildings drove energy costs in the old plan.",
        "Electricity and gas used in council buildings in the quarter, in megawatt hours.",
        "Energy supplier billing data",
        "8,730 MWh used, down from 8,964 MWh as the Hillside depot closed. Retired at the refresh in favour of carbon emissions (ENV04).",
        ""),
    "X05": (
        "Book issues were the old measure of library use.",
        "Books and audiobooks issued by council libraries in the quarter, including renewals.",
        "Library management system",
        "609,000 issues this quarter, up slightly from 606,252 but well short of the 700,000 target as more people borrow e-books. Retired at the refresh in favour of library visits (CF15).",
        "E-book lending promoted alongside printed stock; issues reported to the library board for information."),
}
# fmt: on
