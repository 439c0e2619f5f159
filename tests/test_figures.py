"""Sentences about a class's figures, each cited from the line that states it (seed standards)."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from conftest import Seeds

from assistant.citations import CitationBook
from assistant.class_index import ClassIndex
from assistant.figures import CatalogFacts, column_asked, label, labels, names_pay_label
from assistant.query import QueryAnalysis, analyse
from assistant.retrieve import ChunkLibrary
from index.types import ClassRecord, Evidence

TX2 = "Certified Peer Support Specialist II"
TX1 = "Certified Peer Support Specialist I"
NY2 = "Certified Peer Specialist 2"
NY1 = "Certified Peer Specialist 1"
TX2_ROW = "CERTIFIED PEER SUPPORT SPECIALIST II\t4008\tA12\t$30,840 - $46,798"
TX2_RANGE = (
    "the salary range for Certified Peer Support Specialist II (Texas), $30,840 - $46,798 [1]."
)


@pytest.fixture
def facts(seeds: Seeds) -> CatalogFacts:
    return CatalogFacts(seeds.library, seeds.class_index)


def sentence(facts: CatalogFacts, seeds: Seeds, title: str, intent: str, question: str):
    book = CitationBook()
    text, answered = facts.catalog_sentence(
        seeds.record(title), intent, analyse(question, seeds.class_index), book
    )
    return text, answered, book


def test_facts_share_one_marker_for_one_line(facts: CatalogFacts, seeds: Seeds) -> None:
    book = CitationBook()
    assert facts.facts(seeds.record(TX2), book) == (
        "class code 4008, Salary Group A12, salary range $30,840 - $46,798 [1]"
    )
    assert [c.quote for c in book.citations] == [TX2_ROW]
    assert book.citations[0].chunk_id == "texas/certified-peer-support-specialist-ii.txt#2"


def test_facts_without_dollars_say_so_and_cite_the_level_label(
    facts: CatalogFacts, seeds: Seeds
) -> None:
    book = CitationBook()
    summary = facts.summary_sentence(seeds.record(NY2), book)
    assert summary == (
        "Certified Peer Specialist 2 (New York): class code 5574200, Grade 14, "
        "no salary amount given [1], supervisory level [2]."
    )
    assert book.citations[1].quote.startswith("Certified Peer Specialist 2: supervisory level")


def test_a_row_with_figures_the_catalog_did_not_read_is_shown(facts: CatalogFacts) -> None:
    row = "Database Analyst 0882 27/B 15% 5% 20%"
    evidence = (Evidence("title", "Rates", row), Evidence("code", "Rates", row))
    coded = ClassRecord(source="x.txt", title="Database Analyst", code="0882", evidence=evidence)
    assert facts.facts(coded, CitationBook()) == (
        f'class code 0882, no salary amount given; its row: "{row}" [1]'
    )
    # A row that says no more than the class and its code shows nothing more.
    bare = "Database Analyst 0882"
    plain = replace(coded, evidence=(Evidence("title", "Rates", bare),))
    assert facts.facts(plain, CitationBook()) == "class code 0882, no salary amount given [1]"


def test_a_grade_glued_to_its_title_is_quoted_in_its_row_not_restated(
    facts: CatalogFacts,
) -> None:
    row = "Graphic Designer4"
    evidence = (Evidence("title", "Grades", row), Evidence("pay_grade", "Grades", row))
    glued = ClassRecord(
        source="x.txt",
        title="Graphic Designer",
        pay_label="Grade",
        pay_grade="4",
        evidence=evidence,
    )
    book = CitationBook()
    assert facts.facts(glued, book).startswith('the grade its row gives ("Graphic Designer4")')
    question = analyse("what grade is the graphic designer", ClassIndex([glued]))
    text, answered = facts.catalog_sentence(glued, "pay_grade", question, CitationBook())
    assert answered and text.endswith('the grade its row gives: "Graphic Designer4" [1].')
    assert "Grade 4" not in text


def test_a_rate_with_its_condition_is_shown_with_the_other_rate(facts: CatalogFacts) -> None:
    row = "Pay: $23.10 Per Hour With CDL/$18.48 Per Hour Without CDL and Benefits"
    laborer = ClassRecord(
        source="x.txt",
        title="Laborer",
        salary_min="$23.10",
        evidence=(Evidence("salary", "Pay", row),),
    )
    assert f'("{row}")' in facts.facts(laborer, CitationBook())


def test_a_record_without_evidence_is_not_cited(facts: CatalogFacts) -> None:
    bare = ClassRecord(source="x.txt", title="Clerk", code="12", pay_grade="3")
    book = CitationBook()
    assert facts.cite(bare, "code", book) == ""
    assert facts.facts(bare, book) == "class code 12, Grade 3, no salary amount given"
    assert book.citations == []


def test_a_field_without_its_own_line_is_cited_from_the_title_line(facts: CatalogFacts) -> None:
    record = ClassRecord(
        source="x.txt",
        title="Clerk",
        code="12",
        evidence=(Evidence("other", "S", "first line"), Evidence("title", "S", "Clerk 12")),
    )
    book = CitationBook()
    assert facts.cite(record, "code", book) == "[1]"
    assert book.citations[0].quote == "Clerk 12"
    only = ClassRecord(source="x.txt", title="Clerk", evidence=(Evidence("other", "S", "a"),))
    facts.cite(only, "code", book)
    assert book.citations[-1].quote == "a"


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "what is the max salary for cpss ii",
            "The maximum salary for Certified Peer Support Specialist II (Texas) is $46,798 "
            "(salary range $30,840 - $46,798, Salary Group A12) [1].",
        ),
        (
            "starting salary cpss ii",
            "The minimum (starting) salary for Certified Peer Support Specialist II (Texas) is "
            "$30,840 (salary range $30,840 - $46,798, Salary Group A12) [1].",
        ),
        (
            "salary cpss ii",
            "The salary range for Certified Peer Support Specialist II (Texas) is "
            "$30,840 - $46,798, Salary Group A12 [1].",
        ),
        (  # both ends asked: the range
            "cpss ii salary min and max",
            "The salary range for Certified Peer Support Specialist II (Texas) is "
            "$30,840 - $46,798, Salary Group A12 [1].",
        ),
    ],
)
def test_salary_sentences(facts: CatalogFacts, seeds: Seeds, question: str, expected: str) -> None:
    text, answered, book = sentence(facts, seeds, TX2, "salary", question)
    assert (text, answered) == (expected, True)
    assert book.citations[0].quote == TX2_ROW


def test_no_dollar_salary_gives_the_grade_instead(facts: CatalogFacts, seeds: Seeds) -> None:
    text, answered, _ = sentence(facts, seeds, NY2, "salary", "salary of cps 2")
    assert (text, answered) == (
        "The sources do not give a salary amount for Certified Peer Specialist 2 (New York). "
        "The standard lists it at Grade 14 and gives its class code 5574200 [1].",
        False,
    )
    bare = ClassRecord(source="x.txt", title="Clerk")
    text, answered = facts.salary_sentence(
        bare, analyse("salary of a clerk", seeds.class_index), CitationBook()
    )
    assert (text, answered) == ("The sources do not give a salary amount for Clerk.", False)


def test_one_figure_is_no_range_its_line_says_what_it_is(facts: CatalogFacts, seeds: Seeds) -> None:
    line = "Salary Range: $13.00/hr - Training Rate (8 weeks) $15.36/hr - After training"
    one = replace(
        seeds.record(TX2),
        salary_min="$13.00",
        salary_max=None,
        evidence=(Evidence("salary", "Salary", line),),
    )
    for question in ("max pay of a cpss ii", "salary range of a cpss ii"):
        text, answered = facts.salary_sentence(
            one, analyse(question, seeds.class_index), CitationBook()
        )
        assert answered and "None" not in text and "range" not in text.split(":")[0]
        assert f'"{line}"' in text


def test_one_yearly_rate_given_with_its_hourly_equivalents_has_no_maximum(
    facts: CatalogFacts, seeds: Seeds
) -> None:
    line = "Salary: $53,400 annually ($25.67/hour, overtime $38.50/hour)"
    one = replace(
        seeds.record(TX2),
        salary_min="$53,400",
        salary_max=None,
        salary_period="year",
        evidence=(Evidence("salary", "Salary", line),),
    )
    question = analyse("salary range (minimum to maximum) of a cpss ii", seeds.class_index)
    text, answered = facts.salary_sentence(one, question, CitationBook())
    assert not answered and "one rate" in text and f'"{line}"' in text


@pytest.mark.parametrize(
    ("line", "low", "high", "written"),
    [
        (
            "Salary: R432 812.29 to R561 803.95 p.a. i.e. Task Grade 15",
            "R432 812.29",
            "R561 803.95",
            "R432 812.29 to R561 803.95 p.a.",
        ),
        (
            "Salary $73,939.00 to $96,116.00 Grade 11 to 11",
            "$73,939.00",
            "$96,116.00",
            "$73,939.00 to $96,116.00",
        ),
        (
            "Salary: $3,612.00 – $5,632.00 Monthly",
            "$3,612.00",
            "$5,632.00",
            "$3,612.00 – $5,632.00 Monthly",
        ),
        ("Pay: $20.75 – $28.05 (Hourly)", "$20.75", "$28.05", "$20.75 – $28.05 (Hourly)"),
        (
            "Hiring Range: $45,000-$53,000 DOE + Full Medical Coverage",
            "$45,000",
            "$53,000",
            "$45,000-$53,000 DOE",
        ),
        ("Pay: $18.00 - $21.00 per hour DOQ.", "$18.00", "$21.00", "$18.00 - $21.00 per hour DOQ"),
    ],
)
def test_a_range_is_given_as_its_line_writes_it_with_its_period_words_only(
    facts: CatalogFacts, seeds: Seeds, line: str, low: str, high: str, written: str
) -> None:
    record = replace(
        seeds.record(TX2),
        salary_min=low,
        salary_max=high,
        evidence=(Evidence("salary", "Salary", line),),
    )
    question = analyse("cpss ii salary", seeds.class_index)
    text, _ = facts.salary_sentence(record, question, CitationBook())
    assert re.search(rf"is {re.escape(written)}(,| \[1\])", text), text


def test_a_range_of_another_period_than_asked_is_given_as_its_line_writes_it(
    facts: CatalogFacts, seeds: Seeds
) -> None:
    line = "WAGE RANGE: $20-$30/hr, based on experience and qualifications"
    record = replace(
        seeds.record(TX2),
        salary_min="$20",
        salary_max="$30",
        salary_period="hour",
        evidence=(Evidence("salary", "Wage Range", line),),
    )
    question = analyse("annual salary of a cpss ii", seeds.class_index)
    text, answered = facts.salary_sentence(record, question, CitationBook())
    assert not answered and "they give an hourly range of $20-$30/hr [1]" in text


def test_grade_and_code_sentences(facts: CatalogFacts, seeds: Seeds) -> None:
    assert sentence(facts, seeds, NY2, "pay_grade", "grade of cps 2")[:2] == (
        "Certified Peer Specialist 2 (New York) is assigned to Grade 14 [1].",
        True,
    )
    assert sentence(facts, seeds, NY2, "code", "code of cps 2")[:2] == (
        "The class code of Certified Peer Specialist 2 (New York) is 5574200 [1].",
        True,
    )
    assert sentence(facts, seeds, NY2, "duties", "cps 2")[:2] == (
        "Certified Peer Specialist 2 (New York): class code 5574200, Grade 14, "
        "no salary amount given [1], supervisory level [2].",
        True,
    )


def test_missing_grade_and_code_are_said(facts: CatalogFacts, seeds: Seeds) -> None:
    bare = ClassRecord(source="x.txt", title="Clerk", jurisdiction="Ohio")
    analysis = analyse("clerk", seeds.class_index)
    assert facts.catalog_sentence(bare, "pay_grade", analysis, CitationBook()) == (
        "The sources do not give a grade or salary group for Clerk (Ohio).",
        False,
    )
    assert facts.catalog_sentence(bare, "code", analysis, CitationBook()) == (
        "The sources do not give a class code for Clerk (Ohio).",
        False,
    )


def test_a_grade_claimed_without_its_label_is_not_corrected(
    facts: CatalogFacts, seeds: Seeds
) -> None:
    record = ClassRecord(source="x.txt", title="PSS 4", jurisdiction="Ohio", pay_grade="PSS 4")
    same = analyse("which titles sit in PSS grade 4?", seeds.class_index)
    assert same.claimed_grades == ("4",)
    assert facts.premise_check(record, same, CitationBook()) is None
    other = analyse("is it grade 5?", seeds.class_index)
    assert (facts.premise_check(record, other, CitationBook()) or "").startswith("Correction")


def test_missing_grade_says_what_the_class_has(facts: CatalogFacts, seeds: Seeds) -> None:
    coded = ClassRecord(source="x.txt", title="Clerk", jurisdiction="Ohio", code="0619")
    analysis = analyse("clerk", seeds.class_index)
    sentence, found = facts.catalog_sentence(coded, "pay_grade", analysis, CitationBook())
    assert not found
    assert sentence.startswith("The sources do not give a grade or salary group for Clerk (Ohio).")
    assert "For this class they give: class code 0619" in sentence


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("can we hire a CPSS II at $47,500?", "No. $47,500 is above the maximum of "),
        ("can we hire a CPSS II at $46,798?", "Yes. $46,798 is the maximum of "),
        ("can we hire a CPSS II at $30,840?", "Yes. $30,840 is the minimum of "),
        ("may we pay a CPSS II $35,000?", "Yes. $35,000 is within "),
        ("CPSS II tops out at $46,798, right?", "Yes. $46,798 is the maximum of "),
        ("CPSS II tops out at $40,000, right?", "$40,000 is within "),
        ("CPSS II tops out at $69,800, right?", "Correction: $69,800 is above the maximum of "),
        ("given that a CPSS II starts at $20,000", "Correction: $20,000 is below the minimum of "),
        ("cpss ii at $35,000", "$35,000 is within "),
        ("cpss ii at $20,000", "$20,000 is below the minimum of "),
        ("cpss ii at $46,799", "$46,799 is above the maximum of "),
        ("cpss ii at $30,839.99", "$30,839.99 is below the minimum of "),
    ],
)
def test_amount_checks(facts: CatalogFacts, seeds: Seeds, question: str, expected: str) -> None:
    text, answered, _ = sentence(facts, seeds, TX2, "salary", question)
    assert answered
    assert text == expected + TX2_RANGE


def test_an_amount_without_dollar_sign_is_shown_with_one(facts: CatalogFacts, seeds: Seeds) -> None:
    analysis = analyse("salary cpss ii", seeds.class_index)
    text = facts.amount_check(seeds.record(TX2), "35,000", analysis, "[1]")
    assert text == "$35,000 is within " + TX2_RANGE


def test_an_amount_check_without_a_readable_range_gives_the_range(
    facts: CatalogFacts, seeds: Seeds
) -> None:
    record = ClassRecord(source="x.txt", title="Clerk", salary_min="$10", salary_max="varies")
    analysis = analyse("clerk at $12?", seeds.class_index)
    assert facts.amount_check(record, "$12", analysis, "[1]") == (
        "The salary range for Clerk is $10 - varies [1]."
    )


def test_a_false_premise_about_the_grade_is_corrected(facts: CatalogFacts, seeds: Seeds) -> None:
    record, book = seeds.record(NY1), CitationBook()
    wrong = analyse("given that CPS 1 is grade 12, what are the duties?", seeds.class_index)
    assert facts.premise_check(record, wrong, book) == (
        "Correction: the standard lists Certified Peer Specialist 1 (New York) at Grade 11, "
        'not 12: "Certified Peer Specialist 1, Grade 11 5574100" [1].'
    )
    right = analyse("given that CPS 1 is grade 11, what are the duties?", seeds.class_index)
    assert facts.premise_check(record, right, book) is None
    plain = analyse("what are the duties of CPS 1?", seeds.class_index)
    assert facts.premise_check(record, plain, book) is None
    lettered = analyse("given that CPSS II is group a10, what does it pay?", seeds.class_index)
    assert facts.premise_check(seeds.record(TX2), lettered, book) == (
        "Correction: the standard lists Certified Peer Support Specialist II (Texas) at "
        'Salary Group A12, not A10: "CERTIFIED PEER SUPPORT SPECIALIST II 4008 A12 $30,840 - '
        '$46,798" [2].'
    )
    same = analyse("given that CPSS II is group a12, what does it pay?", seeds.class_index)
    assert facts.premise_check(seeds.record(TX2), same, book) is None
    no_grade = ClassRecord(source="x.txt", title="Clerk")
    assert facts.premise_check(no_grade, wrong, book) is None


def test_classes_in_grades_only_when_more_than_a_listing_is_asked(
    facts: CatalogFacts, seeds: Seeds
) -> None:
    asked = analyse("what is the salary range for grade A12?", seeds.class_index)
    assert [r.title for r in facts.classes_in_grades(asked)] == [TX2]
    listing = analyse("which classes are in group A12?", seeds.class_index)
    assert facts.classes_in_grades(listing) == []
    no_grade = analyse("what is the salary range for CPSS II?", seeds.class_index)
    assert facts.classes_in_grades(no_grade) == []


def test_reverse_lookup_by_grade(facts: CatalogFacts, seeds: Seeds) -> None:
    book = CitationBook()
    lines, found = facts.reverse_lookup(
        analyse("which classes are in group A12?", seeds.class_index), book
    )
    assert lines == [
        "Salary Group A12 holds: Certified Peer Support Specialist II (Texas) [1], "
        "class code 4008 [1]."
    ]
    assert [r.title for r in found] == [TX2]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "which class starts at $30,840?",
            "$30,840 is the minimum of the salary range for Certified Peer Support Specialist II "
            "(Texas): $30,840 - $46,798, Salary Group A12, class code 4008 [1].",
        ),
        (
            "which class tops out at $39,571?",
            "$39,571 is the maximum of the salary range for Certified Peer Support Specialist I "
            "(Texas): $27,910 - $39,571, Salary Group A10, class code 4007 [1].",
        ),
        (
            "which class pays $99,000?",
            "No class in the indexed standards has a salary range that includes $99,000.",
        ),
    ],
)
def test_reverse_lookup_by_amount(
    facts: CatalogFacts, seeds: Seeds, question: str, expected: str
) -> None:
    lines, _ = facts.reverse_lookup(analyse(question, seeds.class_index), CitationBook())
    assert lines == [expected]


def test_an_amount_inside_ranges_lists_each_range(facts: CatalogFacts) -> None:
    assert facts.ranges_containing("$35,000", CitationBook()) == [
        "$35,000 is within the salary range for Certified Peer Support Specialist I (Texas), "
        "$27,910 - $39,571 [1].",
        "$35,000 is within the salary range for Certified Peer Support Specialist II (Texas), "
        "$30,840 - $46,798 [2].",
    ]
    assert facts.ranges_containing("35000", CitationBook())[0].startswith("$35000 is within")
    assert [line[:61] for line in facts.ranges_containing("$39,571", CitationBook())] == [
        "$39,571 is within the salary range for Certified Peer Support",
        "$39,571 is within the salary range for Certified Peer Support",
    ]
    assert len(facts.ranges_containing("$30,840", CitationBook())) == 2
    assert facts.ranges_containing("$27,909", CitationBook()) == [
        "No class in the indexed standards has a salary range that includes $27,909."
    ]
    assert facts.ranges_containing("$46,799", CitationBook())[0].startswith("No class")


def test_labels_and_pay_label_names(seeds: Seeds) -> None:
    tx2, ny2 = seeds.record(TX2), seeds.record(NY2)
    assert label(tx2) == "Certified Peer Support Specialist II (Texas)"
    assert label(ClassRecord(source="x.txt", title="Clerk")) == "Clerk"
    assert labels([tx2, ny2]) == (
        "Certified Peer Support Specialist II (Texas) and Certified Peer Specialist 2 (New York)"
    )
    assert names_pay_label(tx2, "What SALARY GROUP is the CPSS II in?")
    assert not names_pay_label(tx2, "What grade is the CPSS II in?")
    assert not names_pay_label(ClassRecord(source="x", title="Clerk"), "salary group?")


# A standard that states each figure on its own line: each fact must cite its own line.
CLERK = ClassRecord(
    source="x.txt",
    title="Clerk",
    jurisdiction="Ohio",
    code="12",
    pay_label="Grade",
    pay_grade="3",
    salary_min="$1,000",
    salary_max="$2,000",
    evidence=(
        Evidence("title", "S", "Clerk"),
        Evidence("code", "S", "Class Code: 12"),
        Evidence("pay_grade", "S", "Grade: 3"),
        Evidence("salary", "S", "$1,000 - $2,000"),
    ),
)
TYPIST = ClassRecord(
    source="x.txt",
    title="Typist",
    pay_grade="3",
    salary_max="$900",
    level_label="lead level",
    evidence=(Evidence("title", "S", "Typist"), Evidence("pay_grade", "S", "Typist, Grade 3")),
)


@pytest.fixture
def own_lines() -> CatalogFacts:
    return CatalogFacts(ChunkLibrary([]), ClassIndex([CLERK, TYPIST]))


def quotes(book: CitationBook) -> list[str]:
    return [c.quote for c in book.citations]


def test_each_fact_cites_the_line_that_states_it(own_lines: CatalogFacts) -> None:
    book = CitationBook()
    assert own_lines.facts(CLERK, book) == (
        "class code 12 [1], Grade 3 [2], salary range $1,000 - $2,000 [3]"
    )
    assert quotes(book) == ["Class Code: 12", "Grade: 3", "$1,000 - $2,000"]
    book = CitationBook()
    # a level label no passage states is left out; a missing salary is cited from the title
    assert own_lines.facts(TYPIST, book) == "Grade 3 [1], salary range $900 [2]"
    assert quotes(book) == ["Typist, Grade 3", "Typist"]


def test_sentences_cite_the_line_of_the_field_asked(own_lines: CatalogFacts, seeds: Seeds) -> None:
    analysis = analyse("clerk", seeds.class_index)
    for intent, quote in (("pay_grade", "Grade: 3"), ("code", "Class Code: 12")):
        book = CitationBook()
        own_lines.catalog_sentence(CLERK, intent, analysis, book)
        assert quotes(book) == [quote]
    book = CitationBook()
    # The grade, stated on a line of its own, is cited apart: every figure has its line.
    assert own_lines.salary_sentence(CLERK, analysis, book) == (
        "The salary range for Clerk (Ohio) is $1,000 - $2,000 [1], Grade 3 [2].",
        True,
    )
    assert quotes(book) == ["$1,000 - $2,000", "Grade: 3"]
    no_pay = ClassRecord(
        source="x.txt", title="Page", salary_min="$5", salary_max="$6", evidence=CLERK.evidence
    )
    assert own_lines.salary_sentence(no_pay, analysis, CitationBook()) == (
        "The salary range for Page is $5 - $6 [1].",
        True,
    )
    book = CitationBook()
    no_dollars = ClassRecord(source="x.txt", title="Aide", pay_grade="2", evidence=CLERK.evidence)
    own_lines.salary_sentence(no_dollars, analysis, book)
    assert quotes(book) == ["Grade: 3"]
    book = CitationBook()
    claimed = analyse("given that the clerk is grade 4 or grade 5", seeds.class_index)
    assert own_lines.premise_check(CLERK, claimed, book) == (
        'Correction: the standard lists Clerk (Ohio) at Grade 3, not 4, 5: "Grade: 3" [1].'
    )
    assert quotes(book) == ["Grade: 3"]


def test_several_amounts_are_each_checked(facts: CatalogFacts, seeds: Seeds) -> None:
    text, _, _ = sentence(
        facts, seeds, TX2, "salary", "can we hire a CPSS II at $35,000 or $47,500?"
    )
    assert text == (
        "Yes. $35,000 is within " + TX2_RANGE + " No. $47,500 is above the maximum of " + TX2_RANGE
    )


def test_an_unreadable_amount_gives_the_range(facts: CatalogFacts, seeds: Seeds) -> None:
    analysis = analyse("salary cpss ii", seeds.class_index)
    assert facts.amount_check(seeds.record(TX2), "about", analysis, "[1]") == (
        "The salary range for Certified Peer Support Specialist II (Texas) is "
        "$30,840 - $46,798 [1]."
    )


def test_reverse_lookup_lists_every_class_of_a_grade_with_its_lines(
    own_lines: CatalogFacts, seeds: Seeds
) -> None:
    book = CitationBook()
    analysis = QueryAnalysis("which classes are grade 3?", pay_grades=("3",))
    lines, found = own_lines.reverse_lookup(analysis, book)
    assert lines == ["Grade 3 holds: Clerk (Ohio) [1], class code 12 [2]; Typist [3]."]
    assert found == [CLERK, TYPIST]
    assert quotes(book) == ["Grade: 3", "Class Code: 12", "Typist, Grade 3"]


def test_reverse_lookup_keeps_every_grade_and_amount(facts: CatalogFacts, seeds: Seeds) -> None:
    both = QueryAnalysis("q", pay_grades=("A10", "A12"), amounts=("$30,840", "$35,000"))
    book = CitationBook()
    lines, found = facts.reverse_lookup(both, book)
    assert [r.title for r in found] == [TX1, TX2, TX2]
    assert lines == [
        "Salary Group A10 holds: Certified Peer Support Specialist I (Texas) [1], "
        "class code 4007 [1].",
        "Salary Group A12 holds: Certified Peer Support Specialist II (Texas) [2], "
        "class code 4008 [2].",
        "$30,840 is the minimum of the salary range for Certified Peer Support Specialist II "
        "(Texas): $30,840 - $46,798, Salary Group A12, class code 4008 [2].",
        "$35,000 is within the salary range for Certified Peer Support Specialist I (Texas), "
        "$27,910 - $39,571 [1].",
        "$35,000 is within the salary range for Certified Peer Support Specialist II (Texas), "
        "$30,840 - $46,798 [2].",
    ]


def test_a_range_open_at_one_end_counts_from_zero(own_lines: CatalogFacts) -> None:
    assert own_lines.ranges_containing("$0.50", CitationBook()) == [
        "$0.50 is within the salary range for Typist, $900 [1]."
    ]
    assert own_lines.ranges_containing("$1,500", CitationBook())[0].startswith(
        "$1,500 is within the salary range for Clerk (Ohio)"
    )


def test_amount_lines_cite_the_salary_line(own_lines: CatalogFacts) -> None:
    book = CitationBook()
    lines, _ = own_lines.reverse_lookup(QueryAnalysis("q", amounts=("$1,000", "$1,500")), book)
    assert lines == [
        "$1,000 is the minimum of the salary range for Clerk (Ohio): $1,000 - $2,000, Grade 3 "
        "[1], class code 12 [2].",
        "$1,500 is within the salary range for Clerk (Ohio), $1,000 - $2,000 [1].",
    ]
    assert quotes(book) == ["$1,000 - $2,000", "Class Code: 12"]


def test_a_range_with_only_a_minimum_holds_nothing_above_zero() -> None:
    floor_only = ClassRecord(source="x.txt", title="Page", salary_min="$0.25")
    facts = CatalogFacts(ChunkLibrary([]), ClassIndex([floor_only]))
    assert facts.ranges_containing("$0.50", CitationBook()) == [
        "No class in the indexed standards has a salary range that includes $0.50."
    ]


GRADE_9 = ClassRecord(
    source="gs.txt",
    title="Grade 9",
    pay_label="Grade",
    pay_grade="9",
    salary_min="62620",
    salary_max="81405",
    salary_period="year",
    pay_columns=(("Step 1", "62620"), ("Step 2", "64707"), ("Step 10", "81405")),
    evidence=(Evidence("salary", "S", "9 | 62620 | 64707 | 81405"),),
)


def test_a_step_asked_is_read_from_its_column() -> None:
    facts = CatalogFacts(ChunkLibrary([]), ClassIndex([GRADE_9]))
    analysis = QueryAnalysis("what is grade 9 step 10?", classes=(GRADE_9,))
    text, found = facts.salary_sentence(GRADE_9, analysis, CitationBook())
    assert found and text == (
        "Step 10 for Grade 9 is 81405 (yearly salary range 62620 - 81405, Grade 9) [1]."
    )
    assert column_asked(GRADE_9, "GS-9 step1 please") == ("Step 1", "62620")
    assert column_asked(GRADE_9, "what is the maximum for grade 9?") is None


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "Which job has class code 4008?",
            ['Class code 4008 is Certified Peer Support Specialist II (Texas): "CERTIFIED PEER '
             'SUPPORT SPECIALIST II 4008 A12 $30,840 - $46,798" [1].'],
        ),
        ("What is the salary range of class 4008?", None),  # the class's salary is asked
        ("Tell me about 4008", None),  # not which class
    ],
)  # fmt: skip
def test_the_class_a_code_names_is_given_with_its_code_line(
    facts: CatalogFacts, seeds: Seeds, question: str, expected: list[str] | None
) -> None:
    analysis = analyse(question, seeds.class_index)
    book = CitationBook()
    assert facts.named_by_code(analysis.classes, analysis, book) == expected


def test_the_last_word_of_a_pay_label_names_the_grade_when_no_pay_is_asked() -> None:
    ranged = ClassRecord(source="y.txt", title="Buyer", pay_label="Pay Range", pay_grade="16.5")
    coded = replace(ranged, pay_label="Pay Code", pay_grade="964")
    assert names_pay_label(ranged, "What pay range is the Buyer on?")
    assert names_pay_label(ranged, "which is on the higher range, Buyer or Clerk?")
    assert not names_pay_label(ranged, "What is the salary range for a Buyer?")
    assert not names_pay_label(coded, "What is the code of the Buyer?")
    assert names_pay_label(coded, "What pay code is the Buyer on?")


def test_a_grade_row_read_as_a_class_names_no_class(facts: CatalogFacts, seeds: Seeds) -> None:
    # "PSS 4" of a grade table ("GRADE PSS 4 $50,244 ..."): asked for its grade or for the
    # titles in it, the record says it is a grade, not that PSS 4 is assigned to PSS 4.
    row = ClassRecord(
        source="x.txt", title="PSS 4", pay_label="GRADE", pay_grade="PSS 4", evidence=CLERK.evidence
    )
    analysis = analyse("Which job titles sit in PSS grade 4?", seeds.class_index)
    text, answered = facts.catalog_sentence(row, "pay_grade", analysis, CitationBook())
    assert not answered and text.startswith("The standard lists PSS 4 as a grade, naming no class")
    graded = replace(row, title="Clerk", pay_grade="3")
    text, answered = facts.catalog_sentence(graded, "pay_grade", analysis, CitationBook())
    assert answered and "is assigned to GRADE 3" in text


@pytest.mark.parametrize(
    ("line", "written", "said"),
    [
        # the range as the source writes it, with the period words after it
        ("$1,000 – $2,000 Monthly", "$1,000 – $2,000 Monthly", False),
        # a line that says more of the pay than its range is quoted beside it
        (
            "SALARY RANGE: $1000 to $2000 per month (26 pay periods annually)",
            "$1000 to $2000 per month",
            True,
        ),
        ("Salary Range: $1,000 - $2,000", "$1,000 - $2,000", False),
        # a line whose figures are not the range's does not stand for it
        ("$1,500 - $2,500 monthly", "$1,000 - $2,000", False),
    ],
)
def test_the_range_is_given_as_its_line_writes_it(
    own_lines: CatalogFacts, seeds: Seeds, line: str, written: str, said: bool
) -> None:
    clerk = replace(CLERK, evidence=(*CLERK.evidence[:3], Evidence("salary", "S", line)))
    analysis = analyse("clerk salary", seeds.class_index)
    sentence, _ = own_lines.salary_sentence(clerk, analysis, CitationBook())
    assert sentence.startswith(f"The salary range for Clerk (Ohio) is {written} [1], Grade 3 [2]")
    quoted = f' ("{line}")' if said else ""
    assert f"salary range {written}{quoted} [" in own_lines.facts(clerk, CitationBook())


def test_one_rate_is_no_maximum(own_lines: CatalogFacts, seeds: Seeds) -> None:
    starting = Evidence("salary", "S", "Starting for Clerk – $18.19")
    clerk = replace(CLERK, salary_min="$18.19", salary_max=None, evidence=(starting,))
    for question, answered in (("clerk hourly rate", True), ("clerk maximum hourly rate", False)):
        analysis = analyse(question, seeds.class_index)
        sentence, said = own_lines.salary_sentence(clerk, analysis, CitationBook())
        assert said is answered
        assert '"Starting for Clerk – $18.19"' in sentence


def test_a_row_of_ranges_by_period_gives_the_others_beside_the_class_range(
    seeds: Seeds,
) -> None:
    """The class's hourly range, and the monthly and yearly ones its row's columns give."""
    row = "Min Hourly Max Hourly Min Monthly Max Monthly\n$16.24 $22.74 $2,814.88 $3,941.52"
    record = ClassRecord(
        source="k.txt",
        title="Poll Book Technician",
        salary_min="$16.24",
        salary_max="$22.74",
        salary_period="hour",
        evidence=(Evidence("salary", "S", row),),
        pay_columns=(
            ("Hourly", "$16.24 - $22.74"),
            ("Monthly", "$2,814.88 - $3,941.52"),
            ("Salary (yearly)", "$33,786.00 - $47,300.00"),
        ),
    )
    facts = CatalogFacts(ChunkLibrary([]), ClassIndex([record]))
    text, answered = facts.salary_sentence(
        record, analyse("poll book technician pay", seeds.class_index), CitationBook()
    )
    assert answered
    assert text == (
        "The hourly salary range for Poll Book Technician is $16.24 - $22.74 [1]; "
        "monthly $2,814.88 - $3,941.52, yearly $33,786.00 - $47,300.00."
    )
