"""Lists and tables flattened one cell a paragraph: a key and its value alternating with no
header ("0-4 years on license" / "8.50% of base salary"), a header over rows keyed by codes
and no pay ("Grade" / "Position" / "M_B" / "Dean"), and a list whose lead-in sits in the
paragraph above it ("Cadets will receive the following percentage ...:" / "• 2nd year 75%").
Ordinals are read as words and as figures alike. The pages are written here."""

from __future__ import annotations

import pytest
from test_passage_answers import indexed

from assistant.passages import stem
from assistant.service import Assistant
from index.reflow import alternating_pairs_joined, rejoin_cell_lines

SUPPLEMENT = "\n\n".join(
    [
        "Local Supplement",
        "Licensed employees",
        "0-4 years on license",
        "8.50% of base salary",
        "5-9 years on license",
        "9.50% of base salary",
        "10-14 years on license",
        "10.50% of base salary",
        "30+ years on license",
        "16.00% of base salary",
        "Non-licensed employees:",
        "10.77% of base salary",
    ]
)

GRADES = "\n\n".join(
    [
        "2.1.1. Managerial:",
        "Grade",
        "Position",
        "M_B",
        "Dean",
        "M_A",
        "Department Head",
        "2.1.2. Research:",
        "Grade",
        "Position",
        "R_L_B",
        "Senior Research Fellow",
        "R_A_C",
        "Research Fellow",
        "R_A_B",
        "Research Assistant I",
    ]
)

CADETS = (
    (
        "(1) Cadets\n\nThe College may employ eligible persons as cadets on a fixed-term basis. "
        "Cadets will receive the following percentage of the applicable rate specified in "
        "Schedule 1:\n"
    )
    + """
• 1st year 60%
• 2nd year 75%
• 3rd year 85%.
"""
)

MANIFEST = """
supplement.txt:
  title: Fernvale Schools local supplement by years on license
  jurisdiction: Fernvale Public Schools
grades.txt:
  title: Employee grading policy - grade codes and positions
  jurisdiction: Kestrel Bay College
cadets.txt:
  title: Kestrel Bay College enterprise agreement, Schedule 1 Part C - cadet rates
  jurisdiction: Kestrel Bay College
"""


def test_a_list_of_keys_and_values_a_paragraph_each_is_read_a_pair_a_line() -> None:
    joined = alternating_pairs_joined(SUPPLEMENT)
    assert "0-4 years on license\t8.50% of base salary" in joined
    assert "30+ years on license\t16.00% of base salary" in joined
    # Not a pair of the list: a label and its value of another frame stay as they are.
    assert "Non-licensed employees:\n\n10.77% of base salary" in joined
    # Two pairs are no list; lines of one frame are rows already.
    two = "\n\n".join(SUPPLEMENT.split("\n\n")[2:6])
    assert alternating_pairs_joined(two) == two
    rows = "Grade 1 $20,000\n\nGrade 2 $21,000\n\nGrade 3 $22,000\n\nGrade 4 $23,000"
    assert alternating_pairs_joined(rows) == rows


def test_a_header_over_rows_keyed_by_codes_is_a_table_without_pay() -> None:
    joined = rejoin_cell_lines(GRADES)
    assert "Grade\tPosition\nM_B\tDean\nM_A\tDepartment Head" in joined
    assert "R_L_B\tSenior Research Fellow" in joined
    # Words are no codes: a header over word cells alone is no table.
    words = "\n\n".join(["Grade", "Position", "Dean", "Head", "Fellow", "Chair"])
    assert rejoin_cell_lines(words) == words
    # Codes under a column of another name may be cells of rows read out of line.
    other = "\n\n".join(["Head of Institution", "Scale", "D8", "President", "D7", "Chancellor"])
    assert rejoin_cell_lines(other) == other


def test_a_span_asked_is_a_rows_key_written_as_its_own() -> None:
    from assistant.row_keys import spans_asked, writes_a_span

    spans = spans_asked("local supplement 5-9 yrs on license")
    assert spans == ["5-9"]
    assert writes_a_span("5 - 9 years on license\t9.50%", spans)
    assert not writes_a_span("15-19 years on license\t11.50%", spans)
    assert writes_a_span("30+ years on license", spans_asked("and at 30+ years?"))
    assert spans_asked("the 2019-20 schedule, step 5") == []
    # A year of service asked by its ordinal, and the rows keyed by a year or from a year on.
    assert spans_asked("crossing guard pay in 4th year") == ["4"]
    assert spans_asked("pay in the fourth year") == spans_asked("pay in year 4") == ["4"]
    assert writes_a_span("• Year 4: $20.50 per hour", ["4"])
    assert not writes_a_span("• Year 1: $17 per hour", ["4"])
    assert writes_a_span("• Years 5 and beyond: $22 per hour", ["7"])
    assert not writes_a_span("• Years 5 and beyond: $22 per hour", ["4"])


def test_a_row_keyed_by_a_year_of_service_is_ordered_by_it() -> None:
    from assistant.row_keys import year_of_row

    assert year_of_row("• Year 4: $20.50 per hour") == 4
    assert year_of_row("• Years 5 and beyond: $22 per hour") == 5.5  # past year 5
    assert year_of_row("Substitute guards will make $17 per hour") is None
    assert year_of_row("The 2024 year pay rises by 3%") is None


def test_ordinals_are_read_as_words_and_as_figures() -> None:
    assert stem("second") == stem("2nd")
    assert stem("Third") == stem("3rd")


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return indexed(
        tmp_path_factory,
        "paragraph-cells",
        {
            "supplement.txt": SUPPLEMENT,
            "grades.txt": GRADES,
            "cadets.txt": CADETS,
            "manifest.yaml": MANIFEST,
        },
    )


def test_the_value_of_a_key_asked_is_its_pair(pages: Assistant) -> None:
    answer = pages.ask("fernvale schools local supplement 5-9 yrs on license")
    assert not answer.abstained
    assert "9.50% of base salary" in answer.text
    assert "8.50%" not in answer.text


def test_a_code_of_the_table_names_its_position(pages: Assistant) -> None:
    answer = pages.ask("kestrel bay college grade R_L_B is what job")
    assert not answer.abstained
    assert "Senior Research Fellow" in answer.text
    answer = pages.ask("kestrel bay college senior research fellow grade code")
    assert not answer.abstained
    assert "R_L_B" in answer.text
    # A verb that ties the code to its class names neither ("goes with", "is used for").
    reader = pages.composer.passages.reader
    assert reader.subject(["goes", "research", "fellow"]) == reader.subject(["research", "fellow"])
    assert reader.subject(["used", "fellow"]) == reader.subject(["fellow"])


def test_a_list_item_is_named_by_the_lead_in_above_its_paragraph(pages: Assistant) -> None:
    answer = pages.ask(
        "What percentage of the Schedule 1 rate does a second-year cadet receive at Kestrel Bay?"
    )
    assert not answer.abstained
    assert "2nd year 75%" in answer.text
