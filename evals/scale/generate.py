"""A seeded generator of realistic classification standards and a QA set read from its facts.

Each standard describes one series of 2-4 levels in one jurisdiction, in one of several layouts
(a state table with salary groups and annual ranges, a civil-service series with grades and no
pay, a county page per level with hourly pay, a monthly pay table). Series names are drawn from
one pool, so the same titles recur across jurisdictions, and some spell everyday words ("FOR").
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

import yaml

_FIELDS = (
    "Audit Budget Facilities Library Transit Payroll Environmental Forensic Wildlife Housing "
    "Procurement Records Claims Benefits Revenue Parks Fleet Laboratory Licensing Tax Election "
    "Court Probation Juvenile Emergency Nutrition Veterans Workforce Water Energy Fisheries "
    "Highway Bridge Aviation Insurance Pension Grants Contract Tourism Archives Museum"
).split()
_MIDDLES = (
    "Outreach Operations Compliance Program Services Systems Field Quality Resource Training "
    "Information Case Policy Safety Maintenance Planning Data Evidence Intake Eligibility"
).split()
_HEADS = (
    "Specialist Analyst Technician Officer Coordinator Inspector Assistant Representative "
    "Investigator Supervisor Aide Clerk Planner Examiner Consultant Advisor Manager Auditor"
).split()
_STATES = (
    "Washington Oregon Ohio Texas Nevada Arizona Kansas Iowa Maine Vermont Georgia Alabama "
    "Kentucky Montana Utah Idaho Colorado Florida Virginia Indiana Michigan Wisconsin Missouri "
    "Nebraska"
).split()
_PLACES = (
    "Riverbend Lakemont Cedar Falls Millbrook Stonehaven Oakridge Fairview Brookfield Westport "
    "Ashford Glenwood Pinecrest Harborview Elmhurst Northgate Silverton"
).split()
_DUTIES = (
    "reviews {field} files and prepares reports on findings",
    "coordinates {field} activities with other units and outside agencies",
    "answers questions from the public about {field} requirements",
    "maintains records and databases of {field} transactions",
    "inspects sites and documents conditions for the {field} program",
    "trains and guides staff in {field} procedures",
    "drafts correspondence and summaries of {field} cases",
    "monitors deadlines and follows up on open {field} matters",
    "analyses trends in {field} data and recommends changes",
    "represents the unit at meetings about {field} policy",
)
_QUALIFICATIONS = (
    "Graduation from an accredited college with a bachelor's degree and {years} years of "
    "experience in {field} work.",
    "Graduation from high school or equivalent and {years} years of experience in {field} or a "
    "related field; college coursework may substitute for experience.",
    "Possession of a valid driver's license and {years} years of {field} experience.",
)
_ROMAN = ("I", "II", "III", "IV")
# Random draws of a code before one more digit is used: 100 taken codes in a row happen only
# once nearly all codes of that length are, so smaller corpora are generated as before.
_CODE_TRIES = 100
LAYOUTS = ("state_table", "civil_service", "county_hourly", "monthly_table")


@dataclass(frozen=True)
class GeneratedClass:
    """One class (level) as the generator wrote it: the facts the QA set asks about."""

    source: str
    title: str
    jurisdiction: str
    series: str
    level: int
    code: str
    pay_label: str | None
    pay_grade: str | None
    salary_min: str | None
    salary_max: str | None
    period: str | None  # "year", "hour", "month"; None when the standard states no pay


@dataclass
class GeneratedCorpus:
    folder: Path
    classes: list[GeneratedClass] = field(default_factory=list)

    @property
    def documents(self) -> int:
        return len({c.source for c in self.classes})


@dataclass(frozen=True)
class QACase:
    """A question about one class with the figures its exact answer states, and no others."""

    question: str
    title: str
    jurisdiction: str
    expected: tuple[str, ...]
    kind: str  # "salary" or "code"


def generate_corpus(folder: Path, documents: int, seed: int = 13) -> GeneratedCorpus:
    """Write `documents` standards (and their manifest) into folder; the facts written."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    corpus = GeneratedCorpus(folder)
    jurisdictions = [*_STATES, *(f"City of {p}" for p in _PLACES)]
    used: dict[str, set[str]] = {j: set() for j in jurisdictions}
    codes: set[str] = set()
    manifest: dict[str, dict[str, str]] = {}
    for number in range(documents):
        jurisdiction = jurisdictions[number % len(jurisdictions)]
        series = _series_name(rng, used[jurisdiction])
        layout = LAYOUTS[rng.randrange(len(LAYOUTS))]
        levels = rng.randint(2, 4)
        classes = _classes(rng, series, jurisdiction, layout, levels, codes)
        slug = "-".join(series.lower().split())
        place = "-".join(jurisdiction.lower().split())
        source = f"{place}/{slug}-{number}.txt"
        classes = [_with_source(c, source) for c in classes]
        text = _WRITERS[layout](rng, series, jurisdiction, classes)
        (folder / place).mkdir(exist_ok=True)
        (folder / source).write_text(text, encoding="utf-8")
        manifest[source] = {"jurisdiction": jurisdiction, "title": f"{series} Series"}
        corpus.classes += classes
    (folder / "manifest.yaml").write_text(yaml.safe_dump(manifest, sort_keys=False), "utf-8")
    return corpus


def qa_cases(corpus: GeneratedCorpus, count: int = 30, seed: int = 13) -> list[QACase]:
    """Salary and code questions about classes drawn at random; a title that several
    jurisdictions use is asked with its jurisdiction ("in Ohio"), else without."""
    rng = random.Random(seed)
    holders: dict[str, set[str]] = {}
    for record in corpus.classes:
        holders.setdefault(record.title, set()).add(record.jurisdiction)
    chosen = rng.sample(corpus.classes, min(count, len(corpus.classes)))
    cases = []
    for number, record in enumerate(chosen):
        where = f" in {record.jurisdiction}" if len(holders[record.title]) > 1 else ""
        if record.salary_min and record.salary_max and number % 3 != 2:
            question = f"What is the salary range for {record.title}{where}?"
            figures = (record.salary_min, record.salary_max)
            cases.append(QACase(question, record.title, record.jurisdiction, figures, "salary"))
        else:
            question = f"What is the class code of {record.title}{where}?"
            cases.append(
                QACase(question, record.title, record.jurisdiction, (record.code,), "code")
            )
    return cases


def _series_name(rng: random.Random, taken: set[str]) -> str:
    while True:
        words = [rng.choice(_FIELDS)]
        if rng.random() < 0.6:
            words.append(rng.choice(_MIDDLES))
        words.append(rng.choice(_HEADS))
        name = " ".join(words)
        if name not in taken:
            taken.add(name)
            return name


def _classes(
    rng: random.Random,
    series: str,
    jurisdiction: str,
    layout: str,
    levels: int,
    codes: set[str],
) -> list[GeneratedClass]:
    roman = layout in ("state_table", "monthly_table") or rng.random() < 0.3
    period = {"state_table": "year", "county_hourly": "hour", "monthly_table": "month"}
    base = {
        "year": rng.randrange(28, 70) * 1000,
        "hour": rng.randrange(15, 40),
        "month": rng.randrange(24, 60) * 100,
    }
    grade_start = rng.randrange(5, 20)
    result = []
    for level in range(1, levels + 1):
        code = _unique_code(rng, codes, 7 if layout == "civil_service" else 4)
        title = f"{series} {_ROMAN[level - 1] if roman else level}"
        salary_min = salary_max = None
        unit = period.get(layout)
        if unit is not None:
            low = base[unit] * (1 + 0.12 * (level - 1))
            high = low * 1.45
            salary_min, salary_max = _money(low, unit), _money(high, unit)
        label, grade = {
            "state_table": ("Salary Group", f"A{grade_start + 2 * level}"),
            "civil_service": ("Grade", str(grade_start + 3 * level)),
            "county_hourly": ("Pay Range", str(grade_start + level)),
            "monthly_table": ("Grade", f"G{grade_start + level}"),
        }[layout]
        result.append(
            GeneratedClass(
                "",
                title,
                jurisdiction,
                series,
                level,
                code,
                label,
                grade,
                salary_min,
                salary_max,
                unit,
            )
        )
    return result


def _unique_code(rng: random.Random, codes: set[str], digits: int) -> str:
    """A code of `digits` digits that no class has yet, or of more digits once those are all
    but taken: 10,000 standards hold more classes than there are four-digit codes."""
    while True:
        for _ in range(_CODE_TRIES):
            code = str(rng.randrange(10 ** (digits - 1), 10**digits))
            if code not in codes:
                codes.add(code)
                return code
        digits += 1


def _money(value: float, period: str) -> str:
    if period == "hour":
        return f"${value:,.2f}"
    return f"${round(value):,}"


def _with_source(record: GeneratedClass, source: str) -> GeneratedClass:
    from dataclasses import replace

    return replace(record, source=source)


def _body(rng: random.Random, series: str, classes: list[GeneratedClass]) -> list[str]:
    field_word = series.split()[0]
    duties = rng.sample(_DUTIES, 5)
    by_level = []
    for record in classes:
        picked = rng.sample(_DUTIES, 3)
        by_level += [
            record.title,
            "",
            " ".join(d.format(field=field_word.lower()).capitalize() + "." for d in picked),
            "",
        ]
    return [
        "GENERAL DESCRIPTION",
        "",
        f"Performs {field_word.lower()} work of varying difficulty as a {series}. Work involves "
        f"{rng.choice(_DUTIES).format(field=field_word.lower())}, and "
        f"{rng.choice(_DUTIES).format(field=field_word.lower())}. Works under general "
        "supervision with latitude for independent judgment.",
        "",
        "EXAMPLES OF WORK PERFORMED",
        "",
        *[d.format(field=field_word.lower()).capitalize() + ".\n" for d in duties],
        "MINIMUM QUALIFICATIONS",
        "",
        rng.choice(_QUALIFICATIONS).format(years=rng.randint(1, 5), field=field_word.lower()),
        "",
        "KNOWLEDGE, SKILLS, AND ABILITIES",
        "",
        f"Knowledge of {field_word.lower()} laws, rules and procedures. Skill in the use of a "
        "computer and in written communication. Ability to explain rules to the public.",
        "",
        "ILLUSTRATIVE DUTIES",
        "",
        *by_level,
    ]


def _state_table(
    rng: random.Random, series: str, jurisdiction: str, classes: list[GeneratedClass]
) -> str:
    top = classes[-1]
    lines = [
        f"State of {jurisdiction}",
        "",
        f"{top.title}",
        "",
        f"Salary Group: {top.pay_grade}",
        f"Class Code: {top.code}",
        "",
        "CLASS TITLE\tCLASS CODE\tSALARY GROUP\tANNUAL SALARY RANGE",
        *[
            f"{c.title.upper()}\t{c.code}\t{c.pay_grade}\t{c.salary_min} - {c.salary_max}"
            for c in classes
        ],
        "",
        *_body(rng, series, classes),
    ]
    return "\n".join(lines)


def _civil_service(
    rng: random.Random, series: str, jurisdiction: str, classes: list[GeneratedClass]
) -> str:
    lines = [
        f"{jurisdiction} Department of Civil Service",
        "",
        "Classification Standard",
        "",
        f"Occ. Code {classes[0].code}",
        "",
        *[f"{c.title}, Grade {c.pay_grade}\t{c.code}" for c in classes],
        "",
        "Brief Description of Class Series",
        "",
        f"{series}s perform {series.split()[0].lower()} work for state agencies.",
        "",
        "Distinguishing Characteristics",
        "",
        *[
            f"{c.title}: {('entry', 'full performance', 'supervisory', 'managerial')[i]} level; "
            f"{rng.choice(_DUTIES).format(field=series.split()[0].lower())}.\n"
            for i, c in enumerate(classes)
        ],
        *_body(rng, series, classes),
    ]
    return "\n".join(lines)


def _county_hourly(
    rng: random.Random, series: str, jurisdiction: str, classes: list[GeneratedClass]
) -> str:
    lines = [
        f"{jurisdiction} Human Resources",
        "",
        f"{series} Series",
        "",
        "Class Title\tJob Code\tPay Range\tHourly Rate",
        *[f"{c.title}\t{c.code}\t{c.pay_grade}\t{c.salary_min} - {c.salary_max}" for c in classes],
        "",
        "Definitions",
        "",
        *[
            f"{c.title}: {rng.choice(_DUTIES).format(field=series.split()[0].lower())}.\n"
            for c in classes
        ],
        *_body(rng, series, classes),
    ]
    return "\n".join(lines)


def _monthly_table(
    rng: random.Random, series: str, jurisdiction: str, classes: list[GeneratedClass]
) -> str:
    lines = [
        f"{jurisdiction} Classification Plan",
        "",
        f"{series} Series",
        "",
        "Classification\tCode\tGrade\tMonthly Salary",
        *[f"{c.title}\t{c.code}\t{c.pay_grade}\t{c.salary_min} - {c.salary_max}" for c in classes],
        "",
        *_body(rng, series, classes),
    ]
    return "\n".join(lines)


_WRITERS = {
    "state_table": _state_table,
    "civil_service": _civil_service,
    "county_hourly": _county_hourly,
    "monthly_table": _monthly_table,
}
