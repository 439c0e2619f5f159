"""The extractive reader on passages written here: the line that states the field asked for the
class asked, and nothing from a neighbouring class, another level or another pay period."""

from __future__ import annotations

from dataclasses import replace

import pytest

from assistant.line_marks import gives_other_end
from assistant.passage_answers import PassageAnswers
from assistant.passage_layout import (
    gives_value,
    owner_line,
    pipe_header,
    plausible_for,
    span,
    states_field,
)
from assistant.passages import Rarity, stem
from assistant.reader import PassageReader, level_asked, question_words
from assistant.row_keys import has_row_key, row_keys
from index.types import Chunk

SCHEDULE = """Records Technician I (#RT1 )
$21.10-$26.40 hourly / $3,657.00-$4,576.00 monthly
Records Technician II (#RT2 )
$23.25-$29.10 hourly / $4,030.00-$5,044.00 monthly

Band 4

< 3 years' experience  £26,530
3+ years  £29,114
"""
LIST = """Job Title  Job Code  Salary Grade
Parks Aide 41000110 PK03
Parks Ranger 41000111 PK07
"""


def chunk(text: str, number: int = 0) -> Chunk:
    return Chunk(
        chunk_id=f"c{number}", source=f"doc{number}.txt", doc_title="County Pay Plan",
        section="Salaries", section_kind="pay_table", text=text, position=number,
        content_hash="h", jurisdiction="Lakeside County",
    )  # fmt: skip


def reader(*chunks: Chunk) -> PassageReader:
    return PassageReader(Rarity(chunks), chunks)


def test_a_pay_line_belongs_to_the_title_above_it_and_to_its_level() -> None:
    passage = chunk(SCHEDULE)
    subject = reader(passage).subject(["records", "technician"])
    best = reader(passage).read(subject, [passage], "salary", level=2)[0]
    assert best.states
    assert "$23.25-$29.10" in best.quote and "Records Technician II" in best.quote
    assert "$21.10" not in best.quote


def test_the_period_asked_must_be_one_the_line_gives() -> None:
    passage = chunk(SCHEDULE)
    subject = reader(passage).subject(["records", "technician"])
    yearly = reader(passage).read(subject, [passage], "salary", level=1, period="year")
    monthly = reader(passage).read(subject, [passage], "salary", level=1, period="month")
    assert not any(r.states for r in yearly)
    assert any(r.states and "$3,657.00" in r.quote for r in monthly)


def test_a_row_under_a_header_that_names_its_columns_states_its_bare_cells() -> None:
    assert states_field("grade", "Parks Ranger 41000111 PK07", "Job Title  Job Code  Salary Grade")
    assert not states_field("grade", "Parks Ranger 41000111 PK07")
    passage = chunk(LIST)
    subject = reader(passage).subject(["parks", "ranger"])
    best = reader(passage).read(subject, [passage], "grade")[0]
    assert best.quote.endswith("Parks Ranger 41000111 PK07")


def test_a_pay_table_row_is_keyed_by_the_grade_the_question_names() -> None:
    assert row_keys("What does an NHS Band 4 pay?") == [("band", "4")]
    assert row_keys("GS-9 step 1 in Buffalo") == [("gs", "9")]
    assert row_keys("how many steps in 2 years") == []
    # A letter is a grade only apart from its label ("PSS A"), never inside a word ("NASA").
    assert row_keys("NASA's posting at GS-09, or PSS A?") == [("gs", "09"), ("pss", "a")]
    assert row_keys("under Sec. 39.27.011") == []
    assert has_row_key("Band 4\n< 3 years' experience  £26,530", [("band", "4")])
    assert not has_row_key("Band 5\n£29,970", [("band", "4")])


@pytest.mark.parametrize(
    ("question", "key"),
    [("salary scale for Job Group B2", ("group", "b2")),  # a letter and a number
     ("job grp C4 salary", ("group", "c4")),  # a label typed short stands for its word
     ("step 1 for SG 33", ("sg", "33")),  # and the line may write it short too
     ("pay at spinal column point 3", ("scp", "3")),  # the table writes the label's initials
     ("hay A scp1 salary", ("scp", "1"))],  # a number glued to a label marks a key
)  # fmt: skip
def test_a_key_is_read_however_the_question_writes_it(question: str, key: tuple[str, str]) -> None:
    assert key in row_keys(question)


def test_initials_are_taken_only_from_a_grade_word_and_the_words_naming_it() -> None:
    assert row_keys("What's the top APS4 rate") == [("aps", "4")]
    assert row_keys("What does an NHS Band 4 pay?") == [("band", "4")]
    assert row_keys("covid19 rules") == []


def test_a_pipe_table_row_is_cited_with_the_header_of_its_table() -> None:
    text = "Pay rates\nPoint | Hay A | Hay B |\n---|---|---|\nSCP 1 | £1 | £2 |\nSCP 2 | £3 | £4 |"
    assert pipe_header(text, "SCP 2 | £3 | £4 |") == "Point | Hay A | Hay B |"
    assert pipe_header(text, "Pay rates") == ""


def test_levels_and_reverse_lookups_are_read_from_the_question() -> None:
    assert level_asked("records technician ii pay", ["record", "technician"]) == 2
    # "one" after "the ..." ending a clause stands for the job: no level.
    assert level_asked("pay on posting 6407 (the bus monitor one)", ["monitor"]) is None
    assert level_asked("bus monitor one pay", ["monitor"]) == 1
    assert gives_value("code", "Which class has class code 4268K1?")
    assert gives_value("code", "What position has ES Job ID 16342?")
    assert not gives_value("grade", "What salary grade number is Technician II (EC4) given?")
    assert gives_value("salary", "Which class has a maximum of $74,760?")


def test_an_hourly_rate_is_not_a_yearly_salary() -> None:
    assert plausible_for("hour", "$24.30 - $31.10")
    assert not plausible_for("hour", "$45,672 $54,837")
    assert plausible_for("year", "$45,672 $54,837")
    # A rate with no currency beside the month's and the year's ("Hourly | Monthly | Annual").
    row = "Operator I Basic | 21.1578 | $3,667.34 | $44,008.12 | - |"
    assert plausible_for("hour", row) and plausible_for("month", row)
    assert not plausible_for("hour", "Grade 14 | 2101 | $3,667.34 | $44,008.12 |")


def test_a_class_no_passage_names_finds_no_line() -> None:
    passage = chunk(SCHEDULE)
    subject = reader(passage).subject(["registered", "nurse"])
    readings = reader(passage).read(subject, [passage], "salary")
    assert all(r.coverage < 0.8 for r in readings)


# A flattened table whose header names the title column and one field column; each class's
# cells run down one per line, the grade unlabelled and its code labelled.
TEMPLATES = """Professional Job Standard
Job Title Exempt / Non-exempt Personnel Program Grade
Harbor Analyst 1
Job code: 7369
Level code: P1
NE HBR 20
Harbor Analyst 2
Job code: 7368
Level code: P2
NE HBR 21
"""
# A title line above "Label: value" lines: the title is not a label of the line below it.
TITLE_OVER_LABELS = """SURVEYOR I
DESCRIPTION OF WORK Grade: 85
CLASS CODE: Q1A1 SALARY RANGE: $2584 - $3463
SURVEYOR II
DESCRIPTION OF WORK Grade: 87
CLASS CODE: Q1A2 SALARY RANGE: $2861 - $3811
"""


def test_an_unlabelled_cell_under_a_title_and_grade_header_is_the_grade() -> None:
    passage = chunk(TEMPLATES)
    subject = reader(passage).subject(["harbor", "analyst"])
    stating = [r for r in reader(passage).read(subject, [passage], "grade", level=2) if r.states]
    assert stating and stating[0].quote.endswith("NE HBR 21")
    assert "NE HBR 20" not in stating[0].quote  # the cell above belongs to level 1
    # "Level code: P2" labels its own value; a title's level is not a cell either.
    assert not states_field("grade", "Level code: P2", "Job Title Personnel Program Grade")
    assert not states_field("grade", "Harbor Analyst 2", "Job Title Personnel Program Grade")


def test_a_title_line_above_labelled_lines_owns_them() -> None:
    passage = chunk(TITLE_OVER_LABELS)
    subject = reader(passage).subject(["surveyor"])
    stating = [r for r in reader(passage).read(subject, [passage], "salary", level=1) if r.states]
    assert stating and "$2584 - $3463" in stating[0].quote
    assert all("$2861" not in r.quote for r in stating)


def test_the_cell_above_a_title_is_not_the_first_half_of_it() -> None:
    block = ["E HBR 28", "Harbor Analyst Manager 3", "Job code: 0559", "E HBR 29"]
    assert owner_line(block, 3, "code", "") == "Harbor Analyst Manager 3"
    assert owner_line(["ENGINEERING", "TECHNICIAN II", "$31.06"], 2, "salary", "") == (
        "ENGINEERING\nTECHNICIAN II"
    )


def test_a_title_with_its_unlabelled_code_states_the_code() -> None:
    assert states_field("code", "HARBOR MAINTENANCE I H7D1XX")
    assert not states_field("code", "Harbor Analyst GS-12")  # a grade, not a code
    assert not states_field("code", "Harbor Analyst IV 2010")  # a year


def test_a_number_label_ending_in_a_hash_runs_into_its_value() -> None:
    assert states_field("code", "CURATOR Community Services - Harbour Park - Job #P1250e")
    assert states_field("code", "Position # 40112")
    assert not states_field("code", "Job # of openings: many")


def test_the_heading_above_a_passage_is_read_as_its_first_line() -> None:
    passage = Chunk(
        chunk_id="c0", source="doc0.txt", doc_title="Harbor Maintenance Series",
        section="HARBOR MAINTENANCE I H7D1XX > Concept of Class", section_kind="other",
        text="This class describes harbor maintenance work.", position=0, content_hash="h",
        jurisdiction="Lakeside County",
    )  # fmt: skip
    subject = reader(passage).subject(["harbor", "maintenance"])
    stating = [r for r in reader(passage).read(subject, [passage], "code", level=1) if r.states]
    assert [r.quote for r in stating] == ["HARBOR MAINTENANCE I H7D1XX"]


def test_a_recurring_cell_is_quoted_from_its_own_title() -> None:
    text = "Harbor Analyst 5\nE HBR 28\nHarbor Manager 1\nJob code: 5991\nE HBR 28"
    assert (
        span(text, "Harbor Manager 1", "E HBR 28") == "Harbor Manager 1\nJob code: 5991\nE HBR 28"
    )
    assert span(text, "Nowhere", "E HBR 28") == "E HBR 28"


def test_words_for_what_is_wanted_or_the_kind_of_document_are_not_the_subject() -> None:
    passage = chunk("Parks Ranger\nThis announcement keeps a pool of applicants.\nJob Number\n4410")
    words = "what education does the parks ranger announcement ask for".split()
    assert reader(passage).subject(words) == ["park", "ranger"]


def test_a_list_under_a_lead_in_that_names_a_grade_is_that_grades() -> None:
    text = (
        "To qualify for GS-09, you must have:\n"
        "a) One year of experience equivalent to the GS-07 level:\n"
        "- Assisting in developing models;\n"
        "OR\n"
        "b) Completed all requirements for a master's degree in an appropriate field\n"
        "To qualify for GS-11, you must have:\n"
        "b) Completed 3 full academic years of graduate education\n"
    )
    answers = PassageAnswers(Rarity([chunk(text)]), [chunk(text)])
    line = "b) Completed all requirements for a master's degree in an appropriate field"
    reading = reader(chunk(text)).read(["master"], [chunk(text)], None)[0]
    assert reading.quote == line
    assert answers.topics._lead_in(reading, [("gs", "9")]) == "To qualify for GS-09, you must have:"


def test_a_stem_is_the_same_for_every_form_of_a_word() -> None:
    forms = ["qualify", "qualifies", "qualified", "qualifying"]
    assert {stem(w) for w in forms} == {"qualifi"}
    assert stem("salary") == stem("salaries") and stem("pay") == "pay"


def test_a_value_belongs_to_the_title_below_it_where_the_list_puts_values_first() -> None:
    codes_first = ["Class No.", "Class Title", "4409", "4410", "Dock Clerk", "4411", "Dock Hand"]
    assert owner_line(codes_first, 3, "code", "") == "Dock Clerk"
    assert owner_line(codes_first, 5, "code", "") == "Dock Hand"
    titles_first = ["Dock Clerk", "4410", "Dock Hand", "4411"]
    assert owner_line(titles_first, 1, "code", "") == "Dock Clerk"
    assert owner_line(titles_first, 3, "code", "") == "Dock Hand"


def test_a_line_that_gives_only_the_start_of_a_range_is_no_maximum() -> None:
    assert gives_other_end("maximum", "Level 10 (Gazetted Officers): Starts at ₹56100 -")
    assert gives_other_end("maximum", "Starting Salary - Step A $61,314.24")
    assert not gives_other_end("maximum", "Maximum $91,199")


def test_a_title_read_with_the_value_below_it_owns_the_lines_after_that_value() -> None:
    block = ["Clerk II:\n$3,181.13 – $3,866.68 / Month", "$18.35 – $22.30 / Hour"]
    assert owner_line(block, 1, "salary", "") == "Clerk II:"


def test_a_grade_followed_by_its_step_after_a_comma_is_stated() -> None:
    assert states_field("grade", "Salary: $46,487 Grade 9, Step 1")
    assert not states_field("grade", "the grades 1, 7 and 8 are closed")


def test_a_pay_matrix_level_joined_by_a_hyphen_is_a_grade() -> None:
    assert states_field("grade", "classification ... and pay matrix level (Level-5).")
    assert states_field("grade", "Professor : Academic Level-13A Rs. 1,31,400/-")
    assert not states_field("grade", "an entry-level-5 trainee")


def test_a_title_noun_is_no_question_word() -> None:
    # "pay rate for a Maintenance Worker II": the subject keeps "worker", which its level follows.
    words = question_words()
    assert "worker" not in words and "pay" in words
    assert level_asked("pay rate for a maintenance worker ii", ["maintenanc", "worker"]) == 2


def test_who_is_seeking_says_how_a_post_is_offered_not_what_it_is() -> None:
    # "the keepers the City of Tucson is seeking": the subject is the keepers at the zoo.
    passage = chunk("Grade 915 Salary Range: $14.10 - $22.47 per hour\n")
    words = ["keepers", "tucson", "is", "seeking", "at", "reid", "park", "zoo"]
    assert stem("seeking") not in reader(passage).subject(words)
    assert {"seeking", "recruiting", "advertised"} <= question_words()
    assert "hires" not in question_words()  # "the new hires" are who is asked about
    # "what does the gallery assistant mainly do": how much of the work, not what it is.
    assert {"mainly", "primarily", "mostly"} <= question_words()


def test_two_letters_typed_the_wrong_way_round_are_the_indexed_word() -> None:
    passage = chunk("Ferry Crew Cleaner/Relief\nCloses\n26 Mar 2020\n")
    assert reader(passage).subject(["releif"]) == [stem("relief")]
    # A word that no swap of two letters makes a word of the passages stays as typed.
    assert reader(passage).subject(["reelfi"]) == [stem("reelfi")]


def test_a_note_in_a_document_s_title_heads_none_of_its_figures() -> None:
    def states(title: str, text: str) -> bool:
        passage = replace(chunk(text), doc_title=title, section=title, section_kind="heading")
        subject = reader(passage).subject(["harbor", "pilot"])
        return any(r.states for r in reader(passage).read(subject, [passage], "salary"))

    # "(job code and union; holds no pay)" describes the document: "18531" is its code.
    assert not states("Harbor Pilot - class specification (job code; holds no pay)", CODED)
    # A title that names its figures as pay heads them.
    assert states("Harbor Pilot - Salary Schedule", "Harbor Pilot 52136 61400")


CODED = "Harbor Pilot\n\n18531 (WFSE Campuswide)\n\nPilots vessels in the inner harbor.\n"


def test_a_value_labelled_with_a_word_asked_is_what_it_asks() -> None:
    from assistant.class_headings import ClassHeadings
    from assistant.query import QueryAnalysis
    from assistant.reader import Reading
    from assistant.topic_answers import TopicAnswers

    passage = replace(
        chunk(
            "JOB TITLE: Harbor Pilot\n\nHOURS: Full time 37.5hpw\n\n"
            "The Harbor Pilot supports the Harbor Master at the Harbor Pilot station.\n"
        ),
        doc_title="Harbor Pilot - vacancy",
    )
    topics = TopicAnswers(reader(passage), lambda _: [passage], ClassHeadings(lambda _: [passage]))
    question = "what hours does the harbor pilot work"
    analysis = QueryAnalysis(question=question, keywords=("hours", "harbor", "pilot", "work"))
    subject = reader(passage).subject(["harbor", "pilot"])
    # The sentence names the class twice over; the "HOURS:" line holds what is asked.
    sentence = Reading(passage, passage.text.splitlines()[4], 1.0, 1.0, 0.0, False, 0)
    hours = Reading(passage, "HOURS: Full time 37.5hpw", 1.0, 0.0, 0.0, False, 0)
    assert topics._by_asked_words([sentence, hours], analysis, subject)[0] is hours
