"""A question that names a document is answered from it, even where the search, drawn to the
classes of other documents, found none of its passages. The standards are written here."""

from __future__ import annotations

import pytest
import yaml
from test_listed_rates import RATES
from test_passage_answers import indexed

from assistant.answer import _kinds_of_place
from assistant.label_answers import labelled_by, names_more_than_the_class
from assistant.passages import stems
from assistant.query import analyse
from assistant.quotes import key_row
from assistant.scope import field_words
from assistant.service import Assistant
from index.store import ScoredChunk
from index.types import Chunk

WASTEWATER = """SLUDGE TREATMENT PLANT OPERATOR I/II

Sludge Treatment Plant Operator I Hourly salary: $30.1000 - $36.2000
Sludge Treatment Plant Operator II Hourly salary: $33.4000 - $40.5000

DEFINITION
Operates the city's sludge treatment plant.
"""
POSTING = """Treatment Plant Operator

PRIMARY REASON FOR THE CLASSIFICATION
Operates the water treatment plant of a small rural system.

DISTINGUISHING FEATURES
Holds a state certification of level C or above.
"""


BASIN = """FILTER TREATMENT PLANT OPERATOR

Filter Treatment Plant Operator Hourly salary: $28.0000 - $31.0000
"""


@pytest.fixture(scope="module")
def plants(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {"harbour-city-sludge-plant-operator.txt": WASTEWATER,
             "basin-filter-treatment-plant-operator.txt": BASIN,
             "prairie-waterworks-treatment-plant-operator.txt": POSTING}  # fmt: skip
    return indexed(tmp_path_factory, "named-documents", files)


def test_a_named_document_is_read_when_the_search_found_only_others(plants: Assistant) -> None:
    question = "What is the pay in the prairie waterworks posting?"
    analysis = plants.composer.name_documents(analyse(question, plants.class_index))
    assert set(analysis.naming.named) == {"prairie-waterworks-treatment-plant-operator.txt"}
    # The search found only passages of other documents (drawn to their classes).
    others = [
        ScoredChunk(chunk, 1.0)
        for chunk in plants.composer.library.chunks
        if not chunk.source.startswith("prairie")
    ]
    draft = plants.composer.compose(analysis, others)
    assert draft.abstained
    assert not any(pay in draft.text for pay in ("$30.1000", "$33.4000", "$28.0000"))
    assert {c.source for c in draft.citations} == {
        "prairie-waterworks-treatment-plant-operator.txt"
    }


CLERK = """Local 9 - Records Clerk 5

Revision Date: March 1990
Hay Point Range: 225-270

Positions at this level keep the records of a unit.
"""


@pytest.fixture(scope="module")
def clerk(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return indexed(tmp_path_factory, "labelled-line", {"records-clerk-5.txt": CLERK})


def test_a_line_labelled_with_the_questions_words_answers_it(clerk: Assistant) -> None:
    answer = clerk.ask("What is the Hay point range for Records Clerk 5?")
    assert not answer.abstained and "225-270" in answer.text
    other = clerk.ask("hay point range for records clerk 4?")
    assert other.abstained  # Records Clerk 5's line is not Records Clerk 4's


def test_a_label_of_a_field_is_left_to_the_field_reader() -> None:
    # The question gives the grade; the "Pay Grade" line restates it, it does not answer.
    assert not labelled_by("Pay Grade", stems("salary for accounting specialist pay grade 118"))
    assert not labelled_by("Class Code", stems("class code for a library assistant"))
    assert labelled_by("PAYBAND LEVEL", stems("what payband level does the benchmark cover"))


def test_a_label_naming_the_class_and_its_level_names_no_field() -> None:
    # "- Operator II: state Grade 2 ... certificate" is the class's item, not its salary.
    subject = ["water", "treatment", "operator"]
    assert not names_more_than_the_class("Operator II", subject)
    assert names_more_than_the_class("Operator Allowance", subject)
    assert names_more_than_the_class("Hay Point Range", ["record", "clerk"])


VACANCY = """Vacancy Details

Announcement Number:
RV-2024-17
Position Title:
Harbour Records Analyst
Series/Grade:
GS - 0301 11
Work Schedule:
Full-time
"""


@pytest.fixture(scope="module")
def vacancy(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return indexed(tmp_path_factory, "label-above", {"records-analyst-vacancy.txt": VACANCY})


def test_a_label_above_its_value_answers_a_question_written_with_its_words(
    vacancy: Assistant,
) -> None:
    answer = vacancy.ask("What is the announcement number for the Harbour Records Analyst job?")
    assert not answer.abstained and "RV-2024-17" in answer.text
    grade = vacancy.ask("what series and grade is the harbour records analyst job")
    assert not grade.abstained and "GS - 0301 11" in grade.text


PENSION = """Riverside Council pay and pensions

Staff pay 6.5% of their salary into the pension scheme.
This employee contribution is matched by an employer contribution which is currently 14.2%.
"""


@pytest.fixture(scope="module")
def pension(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return indexed(tmp_path_factory, "rate-asked", {"riverside-pensions.txt": PENSION})


def test_a_question_about_a_rate_is_answered_by_the_line_giving_its_percentage(
    pension: Assistant,
) -> None:
    answer = pension.ask("what pension contribution does riverside council make as employer?")
    assert not answer.abstained and "14.2%" in answer.text


POSTING_WITH_A_DIFFERENTIAL = (
    "Transit Driver\n\nOperates a minibus to transport the general public.\n"
    "Additional Differential - The base rate of pay for this position is $18.33 per hour; "
    "however, is eligible to earn a $2.50 differential, making the current rate of pay $20.83 "
    "per hour.\n"
)


@pytest.fixture(scope="module")
def driver(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {"harbour-transit-driver.txt": POSTING_WITH_A_DIFFERENTIAL}
    return indexed(tmp_path_factory, "premise", files)


def test_a_false_premise_on_a_class_the_catalog_lacks_is_answered_from_its_line(
    driver: Assistant,
) -> None:
    answer = driver.ask("The base rate for a Transit Driver is $20.83 an hour, right?")
    assert not answer.abstained and "$18.33" in answer.text


def test_a_tag_asking_yes_or_no_is_no_word_of_the_subject() -> None:
    from assistant.query import normalise_question

    assert "right" not in normalise_question("The driver earns $20.83 an hour, right?").split()
    assert "correct" not in normalise_question("Band 3 starts at £24,937, correct?").split()
    assert "right" in normalise_question("What does a right of way agent earn?").split()


GROUNDS = (
    "JOB TITLE: Grounds Keeper I-III\nREPORTS TO: Grounds Supervisor\n"
    "SALARY RANGE: Starting for Grounds Keeper I - $15.10\n"
    "Starting for Grounds Keeper II - $15.90\nStarting for Grounds Keeper III - $16.75\n"
    "SUMMARY\nThe grounds keeper mows lawns and trims hedges of the district's schools.\n"
)


@pytest.fixture(scope="module")
def grounds(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return indexed(tmp_path_factory, "no-such-level", {"grounds-keeper.txt": GROUNDS})


def test_a_level_the_standard_does_not_have_is_asked_back(grounds: Assistant) -> None:
    answer = grounds.ask("what does grounds keeper IV start at")
    assert answer.abstained
    assert "no such level of Grounds Keeper" in answer.text
    # No level's rate is given as the fourth's: only the nearest level's line, named as its.
    assert not any(pay in answer.text for pay in ("$15.10", "$15.90"))
    assert 'Grounds Keeper III: "Starting for Grounds Keeper III - $16.75"' in answer.text


# Two employers whose places share a word ("Health"): one named in full by the question, the
# other only by the words of what it asks ("registered nurses").
PAY_SYSTEMS = """Pay Systems and Tables

Employees under Title 38 special salary rates are paid on the GS pay plan.
Physicians are paid on the GP pay plan.
"""
NURSES_NEWS = """Pay equity agreement for nurses

Registered nurses will earn $69,566 to $99,630 a year under the settlement.
"""
EMPLOYERS = {
    "pay-systems.txt": {
        "title": "Pay Systems and Tables - Title 38 special salary rates",
        "jurisdiction": "Department of Health Services, Northbridge Health Service",
    },
    "nurses-news.txt": {
        "title": "Pay equity agreement for senior and registered nurses",
        "jurisdiction": "Harbour Health (national public health employer, Harbourland)",
    },
}


@pytest.fixture(scope="module")
def employers(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {"pay-systems.txt": PAY_SYSTEMS, "nurses-news.txt": NURSES_NEWS}
    return indexed(
        tmp_path_factory, "employers", {**files, "manifest.yaml": yaml.safe_dump(EMPLOYERS)}
    )


def test_an_employer_named_in_full_is_not_answered_from_another(employers: Assistant) -> None:
    question = (
        "What are the Northbridge Health Service Title 38 special salary rates for registered"
        " nurses?"
    )
    analysis = employers.composer.name_documents(analyse(question, employers.class_index))
    assert set(analysis.naming.named) == {"pay-systems.txt"}
    answer = employers.ask(question)
    assert all(c.source != "nurses-news.txt" for c in answer.citations), answer.text
    assert "$69,566" not in answer.text


def test_the_other_employer_named_in_full_is_still_its_own(employers: Assistant) -> None:
    answer = employers.ask("What will registered nurses at Harbour Health earn per year?")
    assert "$69,566" in answer.text


SUPPORT = """The following requirements are used to determine minimum qualifications.
General Experience (for GS-5 positions): Three years of progressively responsible experience,
1 year of which was equivalent to at least GS-4, is qualifying for GS-5 level positions.
"""
AFFAIRS = """Public affairs specialists plan the support services of field offices.
GRADE EDUCATION EXPERIENCE
GS-5 4-year course of study leading to a bachelor's degree 3 years, 1 year at least GS-4
"""
TITLED = (
    "harbour/support-services-specialist.txt:\n"
    "  title: Harbour Support Services Specialist (qualifications)\n"
    "harbour/public-affairs-specialist.txt:\n"
    "  title: Harbour Public Affairs Specialist (qualifications)\n"
)


@pytest.fixture(scope="module")
def specialists(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {
        "support-services-specialist.txt": SUPPORT,
        "public-affairs-specialist.txt": AFFAIRS,
        "manifest.yaml": TITLED.replace("harbour/", ""),
    }
    return indexed(tmp_path_factory, "titled-specialists", files)


def test_a_line_of_another_titled_standard_does_not_answer(specialists: Assistant) -> None:
    # The question names the support services standard by its title: the public affairs
    # standard's degree line is another class's.
    answer = specialists.ask(
        "What bachelor's degree substitutes for experience for a support services specialist?"
    )
    assert answer.abstained
    assert "bachelor's degree" not in answer.text.split("The passage nearest")[0]
    # Asked of the class whose standard writes it, the same line answers.
    affairs = specialists.ask(
        "What bachelor's degree substitutes for experience for a public affairs specialist?"
    )
    assert not affairs.abstained and "bachelor's degree" in affairs.text


QUALIFICATIONS = """The following table shows the amounts of education and/or experience required.

GS-5 4-year course of study leading to a bachelor's degree 3 years None
GS-9 master's or equivalent graduate degree


2 full years of progressively higher level graduate education

None 1 year equivalent to at least GS-7
GS-11 Ph.D. or equivalent doctoral degree
None 1 year equivalent to at least GS-9
"""


def test_a_grade_row_is_read_across_the_passages_it_is_cut_into() -> None:
    # "What is the salary for a GS-9 position under the ... standard?" abstains with what the
    # standard says of GS-9: its row, over the lines and passages its table was cut into.
    cut = QUALIFICATIONS.index("2 full years")
    first, second = (
        Chunk(f"q{n}", "q.txt", "Qualification Standard", "", "", text, n, "h")
        for n, text in enumerate((QUALIFICATIONS[:cut], QUALIFICATIONS[cut:]))
    )
    chunk, row = key_row([second, first], [("gs", "9")]) or (None, "")
    assert chunk is first and row.startswith("GS-9 master's")
    assert row.endswith("1 year equivalent to at least GS-7")
    assert key_row([first, second], [("gs", "12")]) is None


# A resolution that labels its class's FLSA status, beside a description that writes "FLSA" in
# capitals among its first lines: "FLSA" asks the status, it does not name the description.
RESOLUTION = """RESOLUTION NO. 051-06
A RESOLUTION OF THE PORT OF ALDERBROOK ADOPTING THE JOB DESCRIPTION FOR HARBOR CLERK

JOB DESCRIPTION
Job Title: Harbor Clerk
FLSA: Non-Exempt
Reports To: Harbor Master
"""
DESCRIPTION = """Dock Director
POSITION DESCRIPTION
FLSA EXEMPT

Directs the docks of the port.
"""


@pytest.fixture(scope="module")
def port(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {"harbor-clerk-resolution.txt": RESOLUTION, "dock-director.txt": DESCRIPTION}
    return indexed(tmp_path_factory, "port", files)


@pytest.mark.parametrize(
    "question",
    [
        "What is the FLSA status of the Harbor Clerk in resolution 051-06?",
        "What is the FLSA status of the Harbor Clerk?",
    ],
)
def test_the_flsa_status_is_the_line_that_labels_it(port: Assistant, question: str) -> None:
    # "status" is what "FLSA: Non-Exempt" states, though the line never writes the word.
    answer = port.ask(question)
    assert not answer.abstained
    assert "FLSA: Non-Exempt" in answer.text


def test_the_words_that_label_values_or_open_rows_are_field_words() -> None:
    text = "FLSA: Non-Exempt\nReports To: Harbor Master\nDock Clerk I 687 712 739\nDirects docks."
    chunk = Chunk("r.txt#0", "r.txt", "Resolution 051-06", "Job", "other", text, 0, "0")
    assert field_words([chunk]) == {"flsa", "report", "to", "dock", "clerk"}


# A state DOT's rates that never write "DOT" (RATES), another state's DOT release, and a
# posting whose pay line writes "DOE" (which "does", stemmed, spells).
RELEASE = """The Georgia DOT is hiring Survey Aides across the state.

BENEFITS:

• $31,200 a year
"""
DRIVER = "Drivers carry students.\nSalary placement range DOE: $18.59 to $22.07 per hour.\n"
PLACES = {
    "rates.txt": {
        "title": "Survey rates",
        "jurisdiction": "State of Montana (Department of Transportation)",
    },
    "release.txt": {"title": "Job fair release", "jurisdiction": "State of Georgia"},
    "driver.txt": {"title": "Driver", "jurisdiction": "Phoenix Elementary School District"},
}


@pytest.fixture(scope="module")
def places(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {"rates.txt": RATES, "release.txt": RELEASE, "driver.txt": DRIVER}
    return indexed(tmp_path_factory, "places", {**files, "manifest.yaml": yaml.safe_dump(PLACES)})


def test_a_document_of_another_place_than_the_question_names_is_not_named(
    places: Assistant,
) -> None:
    # "dot" spells the Georgia release's "DOT", but the question asks of Montana, whose
    # Department of Transportation it spells too; "does" is no "DOE".
    question = "how much does montana dot pay a survey aide II"
    analysis = places.composer.name_documents(analyse(question, places.class_index))
    assert analysis.naming is not None and set(analysis.naming.named) <= {"rates.txt"}
    answer = places.ask(question)
    assert not answer.abstained
    assert "$19.75" in answer.text
    assert {c.source for c in answer.citations} == {"rates.txt"}
    asked = places.composer.name_documents(
        analyse("what does a survey aide I make", places.class_index)
    )
    assert asked.naming is not None and "doe" not in asked.naming.words


def test_the_kind_of_place_a_name_is_leaves_the_subject_with_it(places: Assistant) -> None:
    # "City of Corinth": "city" is part of the place's name, not of the class asked about.
    question = "starting pay per hour for a Survey Aide II in the City of Montana crew"
    assert _kinds_of_place(question, {"montana"}) == {"citi"}
    assert _kinds_of_place(question, {"crew"}) == set()
