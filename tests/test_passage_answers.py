"""Answers the reader composes from passages the catalog does not cover: the line that says
it, quoted with where it stands, for a question about text as well as about a figure."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from conftest import make_settings, stated

from assistant.citations import CitationBook
from assistant.indexing import ensure_index
from assistant.passage_answers import PassageAnswers
from assistant.passages import Rarity
from assistant.query import QueryAnalysis
from assistant.service import Assistant
from assistant.topic_answers import asks_about_text
from index.types import Chunk

AGREEMENT = """Harbourside Enterprise Agreement 2025

Schedule 2 - Pay Rates

2.5% salary increase: From 1 July 2025
2.0% salary increase: From 1 July 2026

Grades are successively 20% wider than the grade below them.
"""
CATALOG = """Jobs and Descriptions
Survey Technician I
Entry-level survey work that records field measurements under close supervision.
Typically requires a high school diploma and 0-1 years of experience.
OCCU: 7712
Pay Grade: HS05
Survey Technician II
Full-performance survey work that leads small field crews.
OCCU: 7713
Pay Grade: HS07
"""


def indexed(factory: pytest.TempPathFactory, name: str, files: dict[str, str]) -> Assistant:
    """The assistant over these standards (file name -> text), with the fake embedder."""
    root = factory.mktemp(name)
    sources = root / "sources"
    sources.mkdir()
    for file_name, text in files.items():
        (sources / file_name).write_text(text, encoding="utf-8")
    settings = make_settings(root, sources=Path(sources))
    ensure_index(settings, progress=False)
    return Assistant.open(settings)


@pytest.fixture(scope="module")
def harbourside(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return indexed(tmp_path_factory, "harbourside", {"agreement.txt": AGREEMENT})


def test_a_question_about_text_with_pay_words_is_answered_by_its_line(
    harbourside: Assistant,
) -> None:
    answer = harbourside.ask("When is the 2.0% salary increase?")
    assert not answer.abstained
    assert "From 1 July 2026" in answer.text and answer.citations


def test_how_much_of_something_else_is_a_question_about_text(harbourside: Assistant) -> None:
    answer = harbourside.ask("How much wider is each grade than the grade below?")
    assert not answer.abstained
    assert "20% wider" in answer.text


@pytest.mark.parametrize(
    ("question", "about_text"),
    [
        ("How much wider is each grade than the one before?", True),
        ("how much general experience do you need for GS-5?", True),
        ("In the example, what defines how wide a grade is?", True),
        ("What operational divisions make up the sheriff's office?", True),
        ("Under which regulations is the entry salary set?", True),
        ("For a transfer, how close must the top salary steps be?", True),
        ("What does the pay plan consist of?", True),
        ("Whose approval is needed above grade 30?", True),
        ("How much does a Survey Technician I make?", False),
        ("Which grade makes the most?", False),
        ("how much is the salary for band 5?", False),
        ("What is the pay grade of Survey Technician II?", False),
    ],
)
def test_questions_about_text(question: str, about_text: bool) -> None:
    analysis = QueryAnalysis(question=question, keywords=(), intents=("salary",))
    assert asks_about_text(analysis) is about_text


def test_a_short_line_is_quoted_under_the_title_it_belongs_to() -> None:
    chunk = Chunk("c.txt#0", "c.txt", "Career Catalog", "Careers", "heading", CATALOG, 0, "h")
    answers = PassageAnswers(Rarity([chunk]), [chunk])
    book = CitationBook()
    quoted = answers.quote_sentence(chunk, "OCCU: 7713", book)
    assert quoted.startswith('Career Catalog, Careers, under "Survey Technician II" [1]:')
    assert quoted.endswith('"OCCU: 7713" [2]')
    assert [c.quote for c in book.citations] == ["Survey Technician II", "OCCU: 7713"]


SCHEDULE = """Harbourside Pay Schedule
HB 1Maximum pay point$61,549
HB 2Maximum pay point$71,549
HB 3Zone of discretion*$81,000 to $89,000
"""


def test_a_grade_asked_is_answered_by_its_own_line_or_not_at_all() -> None:
    chunk = Chunk(
        "s.txt#0", "s.txt", "Harbourside Pay Schedule", "Pay", "pay_table", SCHEDULE, 0, "h"
    )
    answers = PassageAnswers(Rarity([chunk]), [chunk])
    # The key may be glued to the next cell, as flattened tables write it.
    assert answers.keyed(chunk, "HB 2Maximum pay point$71,549", [("hb", "2")])
    assert not answers.keyed(chunk, "HB 3Zone of discretion*$81,000", [("hb", "2")])
    # A document that never writes the label with a value cannot be searched for it.
    other = Chunk("o.txt#0", "o.txt", "Other", "Pay", "pay_table", "Executive Level 1 $9", 0, "h")
    assert PassageAnswers(Rarity([other]), [other]).keyed(other, "Executive Level 1", [("el", "1")])


QUALIFICATIONS = """Harbour Group Standard

The following table shows the amounts of education and/or experience required.

HB-5 4-year course of study leading to a bachelor's degree 3 years, 1 year at HB-4
HB-7 1 full year of graduate level education 1 year at HB-5
"""


def test_a_table_row_is_read_with_the_line_that_introduces_its_table(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    files = {"group-standard.txt": QUALIFICATIONS, "agreement.txt": AGREEMENT}
    assistant = indexed(tmp_path_factory, "qualifications", files)
    answer = assistant.ask("how much experience do you need for HB-5?")
    assert not answer.abstained
    assert "3 years, 1 year at HB-4" in answer.text
    assert "graduate level" not in answer.text  # the row ends where HB-7's begins


SPEC = """CLASS CODE: 7001
PAY GRADE: 212

CLASS TITLE:HARBOR CLERK - SES

This is clerical harbor work involving the recording of vessel arrivals.

EXAMPLES OF WORK PERFORMED:

  - Records vessel arrivals and departures.
  - Prepares berth reports.
"""


@pytest.fixture(scope="module")
def harbor_clerk(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {"harbor-clerk.txt": SPEC, "agreement.txt": AGREEMENT}
    return indexed(tmp_path_factory, "spec", files)


def test_a_question_about_text_is_answered_by_the_line_of_what_it_asks(
    harbor_clerk: Assistant,
) -> None:
    answer = harbor_clerk.ask("What kind of work is the Harbor Clerk - SES?")
    first = answer.text.splitlines()[0]
    assert "clerical harbor work" in first, answer.text
    assert "Records vessel arrivals" in answer.text  # the list its "...:" line introduces


HARBOR_TEMPLATES = """Job Title Exempt / Non-exempt Personnel Program Grade
Harbor Advisor 4
Job code: 0554
Level code: P4
E HBR 27
Harbor Advisor 5
Job code: 0555
Level code: P5
E HBR 28
"""
HARBOR_PAY = """Harbor Pilot I (#HP01)
$31,546.00 Yearly Min / $39,000.00 Yearly Mid / $47,320.00 Yearly Max
"""


@pytest.fixture(scope="module")
def harbor(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {
        "harbor-templates.txt": HARBOR_TEMPLATES,
        "harbor-pilot.txt": HARBOR_PAY,
        "agreement.txt": AGREEMENT,
    }
    return indexed(tmp_path_factory, "harbor", files)


def test_no_dollar_salary_comes_with_the_grade_the_passages_state(harbor: Assistant) -> None:
    answer = harbor.ask("What's the salary range for Harbor Advisor 5?")
    assert answer.abstained
    assert "HBR 28" in stated(answer) and "HBR 27" not in stated(answer)


def test_pay_for_another_period_is_said_with_its_period(harbor: Assistant) -> None:
    answer = harbor.ask("What is the hourly rate for Harbor Pilot I?")
    assert answer.abstained
    assert "do not give an hourly salary" in answer.text
    assert "yearly range of $31,546.00 - $47,320.00" in answer.text


UNTITLED_SPEC = """Harbor District Class Specification 77Q

Class Code: 77Q
Category: Marine Operations

Performs entry level dock inspections under direct or close supervision.

Distinguishing Characteristics

Positions at this level review berth permits rather than inspecting vessels.
"""


def test_a_code_the_documents_title_names_picks_the_document_not_the_line(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """ "Class 77Q" in the question names the document (its title says "Class Code 77Q"):
    the question asks something of it, answered by the line that says it, not by the line
    that repeats the code."""
    files = {"harbor-district-class-code-77q.txt": UNTITLED_SPEC, "agreement.txt": AGREEMENT}
    assistant = indexed(tmp_path_factory, "untitled", files)
    answer = assistant.ask("Under what kind of supervision does class 77Q do dock inspections?")
    assert "under direct or close supervision" in answer.text, answer.text
    assert "Marine Operations" not in answer.text


def test_a_standard_without_qualifications_says_so_rather_than_quote_its_title(
    harbor_clerk: Assistant,
) -> None:
    """Outside a qualifications section, a line answers "what qualifications" only when it
    speaks of them; the class's title line does not."""
    answer = harbor_clerk.ask("What are the minimum qualifications for a Harbor Clerk - SES?")
    assert answer.abstained
    assert "does not describe the qualifications" in answer.text
    assert "CLASS TITLE" not in stated(answer)


AUDIT = """CLASS CODE: 9001
PAY GRADE: 31

CLASS TITLE: AUDIT SPECIALIST IV

This is managerial audit work.
"""
AUDIT_DATA = """CLASS CODE: 9002
SALARY RANGE: $6,120 - $8,874 monthly

CLASS TITLE: AUDIT DATA SPECIALIST IV

This is audit data work.
"""


def test_a_line_the_catalog_already_gave_does_not_hide_what_another_class_lacks(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """Both classes answer "Audit Specialist 4": the one with dollars, and the one whose
    standard gives only a grade, said so, not dropped for the other's salary line."""
    files = {"audit-specialist.txt": AUDIT, "audit-data-specialist.txt": AUDIT_DATA}
    answer = indexed(tmp_path_factory, "audit", files).ask(
        "What is the salary range for Audit Specialist 4?"
    )
    assert "$6,120 - $8,874" in answer.text
    assert "do not give a salary amount for Audit Specialist IV" in answer.text
    # and what the standard does give for it
    assert "lists it at Pay Grade 31" in answer.text
    assert "gives its class code 9001" in answer.text


WATER_AUDITOR_ROMAN = """State of Oregon
CLASS CODE: 7101
SALARY RANGE: $4,300 - $6,235 monthly

CLASS TITLE: WATER AUDITOR I

This is entry water audit work.
"""
WATER_AUDITOR_ARABIC = (
    WATER_AUDITOR_ROMAN.replace("Oregon", "Idaho")
    .replace("AUDITOR I", "AUDITOR 1")
    .replace("$4,300 - $6,235 monthly", "$32.00 - $46.40 hourly")
)


@pytest.fixture(scope="module")
def auditors(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {"oregon-auditor.txt": WATER_AUDITOR_ROMAN, "idaho-auditor.txt": WATER_AUDITOR_ARABIC}
    return indexed(tmp_path_factory, "auditors", files)


def test_a_title_written_as_one_standard_writes_it_answers_for_that_class_alone(
    auditors: Assistant,
) -> None:
    """ "Water Auditor I" is Oregon's title; Idaho writes "Water Auditor 1": it is named,
    not answered for."""
    answer = auditors.ask("What is the salary range for Water Auditor I?")
    assert "$4,300 - $6,235" in answer.text
    assert "$32.00" not in answer.text
    assert "Other standards have a class of this title: Water Auditor 1 (Idaho)" in answer.text


def test_a_title_written_neither_way_answers_for_both(auditors: Assistant) -> None:
    answer = auditors.ask("What is the salary range for water auditor one?")
    assert "$4,300 - $6,235" in answer.text and "$32.00 - $46.40" in answer.text


PILOT_STANDARD = """Harbor Pilot Series Qualification Standard

Harbor pilots guide vessels into port. There is no degree requirement for this series.

Minimum Qualifications

GRADE EDUCATION EXPERIENCE
HP-5 4-year course of study leading to a bachelor's degree 3 years
HP-7 1 full year of graduate level education 1 year at HP-5
"""


def test_a_line_outside_the_section_that_speaks_of_what_is_asked_stands_beside_it(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """ "Does it require a degree?": the sentence before the qualifications table says so."""
    files = {"harbor-pilot-standard.txt": PILOT_STANDARD, "agreement.txt": AGREEMENT}
    answer = indexed(tmp_path_factory, "pilot-standard", files).ask(
        "Does the harbor pilot series require a degree?"
    )
    assert "There is no degree requirement for this series." in answer.text, answer.text


# Layouts the catalog does not read, each answered from its lines (invented text, real shapes).
LISTING = """Trades Occupations - class codes, titles and grades

CP1 Carpenter I 3
CP2 Carpenter II 5 CPF Carpenter Foreman 8
EL1 Electrician I 4
EL2 Electrician II 6 ELF Electrician Foreman 9
"""
INDEX = """Classification Index - numbers and titles

Park Maintenance Aide
4411 Park Ranger
4412 Park Ranger Supervisor
Parking Enforcement Officer
"""
GROUPS = """Public Service Job Groups and Salaries

Job group A1

Entry grades. The salary scale for Job group A1 is Sh10,100 – Sh12,200.

Job group A2

Skilled staff. The salary scale for Job group A2 is Sh12,300 – Sh14,400.
"""
POINTS = """Master Pay Scale (MPS) - points before and from 1 July 2025

Point  30 June 2025  From 1 July 2025
22 45,100 46,450
21 43,460 44,765
20 41,900 43,150
"""
POSTING = """Groundskeeper - Job Description

Reports To

Site Supervisor

Supervises

None

Job Goal

To keep the grounds safe and tidy for visitors.
"""


@pytest.fixture(scope="module")
def layouts(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {"listing.txt": LISTING, "index.txt": INDEX, "groups.txt": GROUPS,
             "posting.txt": POSTING, "master-pay-scale.txt": POINTS}  # fmt: skip
    return indexed(tmp_path_factory, "layouts", files)


@pytest.mark.parametrize(
    ("question", "expected", "not_expected"),
    [
        ("What is the class code for Carpenter Foreman in the trades listing?", "CPF", None),
        ("class code for electrician II (trades)", "EL2", None),
        ("Which classification is number 4412?", "4412 Park Ranger Supervisor", "4411"),
        ("What is the salary scale for Job Group A2?", "Sh12,300 – Sh14,400", "Sh10,100"),
        ("job grp A1 salary scale", "Sh10,100 – Sh12,200", "Sh12,300"),
        ("Who does the Groundskeeper report to?", "Site Supervisor", None),
        ("What is Master Pay Scale point 21?", "21 43,460 44,765", "22 "),
    ],
)
def test_a_layout_the_catalog_does_not_read_is_answered_from_its_line(
    layouts: Assistant, question: str, expected: str, not_expected: str | None
) -> None:
    answer = layouts.ask(question)
    assert not answer.abstained, answer.text
    assert expected in answer.text
    if not_expected:
        assert not_expected not in answer.text


def test_a_job_group_no_line_states_is_not_answered_with_a_neighbours_pay(
    layouts: Assistant,
) -> None:
    answer = layouts.ask("What is the salary scale for Job Group A7?")
    assert answer.abstained, answer.text
    assert "Sh" not in answer.text


SERIES = """Office Aide I/II

OFFICE AIDE I: This is the entry level, responsible for sorting the mail.

OFFICE AIDE II: This is the journey level, responsible for keeping the records.

Salary: Office Aide I (#2700) $11.83-$14.44 hourly
Office Aide II (#2701) $12.88-$15.72 hourly
"""


@pytest.fixture(scope="module")
def series(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return indexed(tmp_path_factory, "aide-series", {"office-aide.txt": SERIES})


def test_a_level_asked_of_a_series_is_answered_by_its_own_lines(series: Assistant) -> None:
    answer = series.ask("what does an office aide II do?")
    assert "keeping the records" in answer.text
    assert "sorting the mail" not in answer.text
    coded = series.ask("class # for office aide II?")
    assert "2701" in coded.text and "2700" not in coded.text


VARIANTS = """Office Aide

Salary: Office Aide I (#2700)

$11.83-$14.44 hourly / $2,057-$2,511 monthly / Range: 4286

Office Aide II (#2701)

$12.88-$15.72 hourly / $2,239-$2,734 monthly / Range: 4456

Office Aide II-Restricted (#2705)

DEFINITION: Under general supervision, performs varied clerical work.
"""


@pytest.fixture(scope="module")
def variants(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    manifest = "office-aide.txt:\n  title: Office Aide I/II (with the Restricted variants)\n"
    files = {"office-aide.txt": VARIANTS, "manifest.yaml": manifest}
    return indexed(tmp_path_factory, "aide-variants", files)


def test_a_line_of_a_sibling_class_is_not_the_pay_of_the_class_asked(variants: Assistant) -> None:
    """The restricted variant's pay is not stated; the line of Office Aide II, whose title
    leaves out the word that makes it another class, does not give it."""
    answer = variants.ask("hourly pay for office aide II-restricted (#2705)?")
    assert answer.abstained
    assert "$12.88" not in stated(answer)
    assert "$12.88" in variants.ask("hourly pay for office aide II (#2701)?").text


FACTFILE = """Civil service factfile

Grades: clerical officer, staff officer, executive officer and administrative officer.

Salaries: Clerical officer:
£191.32 a week

Administrative officer / third secretary:
£15,836 to £27,991 a year
Source: Appointments Commission
Over 29,000 people work in the service, among them 11,000 clerical staff.
"""


@pytest.fixture(scope="module")
def factfile(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return indexed(tmp_path_factory, "factfile", {"factfile.txt": FACTFILE})


def test_figures_labelled_with_another_title_are_not_the_pay_of_the_class_asked(
    factfile: Assistant,
) -> None:
    answer = factfile.ask("staff officer salary?")
    assert answer.abstained
    assert "£15,836" not in stated(answer) and "£191.32" not in stated(answer)
    assert "£15,836" in factfile.ask("administrative officer salary?").text


def test_a_title_and_colon_over_figures_labels_them_for_its_own_class() -> None:
    from assistant.line_subjects import labelled_for_another
    from assistant.reader import Reading
    from index.types import Chunk

    quote = "Administrative officer / third secretary:\n£15,836 to £27,991 a year"
    chunk = Chunk(
        chunk_id="f#0", source="f.txt", doc_title="Civil service factfile", section="Salaries",
        section_kind="pay_table", text=quote, position=0, content_hash="0",
    )  # fmt: skip
    reading = Reading(chunk, quote, 1.0, 0.5, 0.5, True, 0)
    assert labelled_for_another(reading, ["staff", "officer"])
    assert not labelled_for_another(reading, ["administrativ", "officer"])
    assert not labelled_for_another(replace(reading, quote="£15,836 to £27,991"), ["staff"])


LINEWORKER_POSTING = """Apprentice Line Worker I-IV - Town of Kestrel, Texas
About the Job
*This posting encompasses all Apprentice levels in the Training Program from Level I-Level IV*
Pay will be based on level of certifications and hours obtained.
- Apprentice I: $44,990.00-$47,132.00
- Apprentice II: $55,680.00-$59,687.00
"""


def test_an_abstention_shows_the_passage_nearest_to_the_question(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """Whatever the reader makes of a layout, the user sees the passage that holds what was
    asked, quoted and cited, rather than only being told that no line states it."""
    assistant = indexed(
        tmp_path_factory, "posting", {"kestrel.txt": LINEWORKER_POSTING, "a.txt": AGREEMENT}
    )
    answer = assistant.ask("kestrel apprentice lineworker level 1 pay")
    assert "$44,990.00" in answer.text and "$47,132.00" in answer.text, answer.text
    assert any(c.source == "kestrel.txt" for c in answer.citations)
    # A passage that speaks of nothing asked is not shown.
    other = assistant.ask("What pension plan do gardeners get?")
    assert other.abstained and "$" not in other.text, other.text
