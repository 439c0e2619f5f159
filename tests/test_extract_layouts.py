"""The layout rules of index.extract and index.flat_tables, each on small snippets of the shape
it reads (and not)."""

from __future__ import annotations

from index.catalog import parse_standard
from index.cells import reads_as_title
from index.class_facts import label_line_facts, uncoloned_code_facts
from index.extract import (
    at_grade_classes,
    coded_prose_classes,
    header_row_classes,
    headline_code_classes,
    numbered_list_classes,
    one_class_title,
    paragraphs_of,
    title_last_classes,
    titled_grade_classes,
)
from index.flat_tables import (
    column_major_classes,
    glued_code_classes,
    run_on_table_classes,
    spaced_code_rows,
)
from index.load import guess_title
from index.titled_blocks import (
    coded_title_classes,
    colon_title_classes,
    defined_heading_classes,
    labelled_block_classes,
    titled_key_value_classes,
    titled_rate_classes,
)
from index.types import SourceDocument


def _document(text: str, title: str) -> SourceDocument:
    return SourceDocument(source="x.txt", title=title, text=text, content_hash="0", format="txt")


# --- what a title looks like -----------------------------------------------------------------


def test_reads_as_title_takes_class_titles() -> None:
    assert reads_as_title("Harbor Pilot III")
    assert reads_as_title("Records and/or Forms Clerk 2")
    assert reads_as_title("Water Plant Operator - Nights")
    # A level, then a note in parentheses that names the kind of post.
    assert reads_as_title("Harbor Pilot 3 (Supervisor)")
    assert not reads_as_title("Section 3 (general provisions)")


def test_reads_as_title_refuses_dates_prose_and_document_parts() -> None:
    assert not reads_as_title("Effective March 3, 2019")
    assert not reads_as_title("Revised 07/01/2020")
    assert not reads_as_title("Page 4")
    assert not reads_as_title("This class plans the work of others.")
    assert not reads_as_title("Under general supervision performs duties")


# --- rows under a header line ------------------------------------------------------------------


def test_header_rows_read_title_code_and_grade_from_the_right() -> None:
    lines = [
        "Class Title Class Code Pay Grade",
        "Harbor Pilot I 71001 HP04",
        "Harbor Pilot II 71002 HP06",
    ]
    rows = header_row_classes(lines)
    assert [(r.title, r.code, r.pay_grade, r.pay_label) for r in rows] == [
        ("Harbor Pilot I", "71001", "HP04", "Pay Grade"),
        ("Harbor Pilot II", "71002", "HP06", "Pay Grade"),
    ]
    assert rows[0].quote == "Harbor Pilot I 71001 HP04"


def test_header_rows_join_a_wrapped_title_and_read_its_pay() -> None:
    lines = [
        "Position Title Code Grade Minimum Maximum",
        "Bridge Tender",
        "Supervisor II 5120 B14 $41,210 $55,900",
    ]
    (row,) = header_row_classes(lines)
    assert (row.title, row.code, row.pay_grade, row.salary_min, row.salary_max) == (
        "Bridge Tender Supervisor II",
        "5120",
        "B14",
        "$41,210",
        "$55,900",
    )


def test_header_rows_under_a_header_wrapped_over_lines_with_titles_wrapped_too() -> None:
    lines = [
        "Example From the 2031 Harbor Schedule",
        "Job Classification",
        "Title",
        "Job Classification",
        "Number",
        "Pay Group Minimum Monthly Salary Maximum Monthly Salary",
        "Harbor",
        "Pilot I",
        "7101 H10 $4,120.50 $5,870.00",
        "Harbor Pilot II 7102 H12 $4,530.00 $6,310.25",
    ]
    rows = header_row_classes(lines)
    assert [
        (r.title, r.code, r.pay_label, r.pay_grade, r.salary_min, r.salary_max, r.salary_period)
        for r in rows
    ] == [
        ("Harbor Pilot I", "7101", "Pay Group", "H10", "$4,120.50", "$5,870.00", "month"),
        ("Harbor Pilot II", "7102", "Pay Group", "H12", "$4,530.00", "$6,310.25", "month"),
    ]


def test_header_rows_need_a_header_with_a_code_column() -> None:
    assert header_row_classes(["Harbor Pilot I 71001 HP04"]) == []
    # A header naming only a grade: a level number would be read as the grade.
    assert header_row_classes(["Job Title Grade", "Harbor Pilot 3"]) == []


def test_header_rows_stop_at_prose_and_refuse_date_lines() -> None:
    lines = [
        "Class Title Class Code Pay Grade",
        "Harbor Pilot I 71001 HP04",
        "The rates below were adopted by the board.",
        "Harbor Pilot II 71002 HP06",
    ]
    assert [r.title for r in header_row_classes(lines)] == ["Harbor Pilot I"]
    dated = ["Class Title Class Code Pay Grade", "Effective June 1, 2019 71003 12"]
    assert header_row_classes(dated) == []


# --- title and code glued ---------------------------------------------------------------------


def test_glued_rows_read_the_code_width_from_rows_where_a_letter_meets_the_digits() -> None:
    lines = [
        "Harbor ClassClass Code",
        "Harbor Pilot 100311",
        "Harbor Pilot 200312, 90312",
        "Harbor Pilot Chief00468",
        "Dock Assistant02107",
        "Dock Worker 1202110",
        "Pier Clerk (Lead)00456",
    ]
    rows = glued_code_classes(lines)
    assert [(r.title, r.code, r.quote) for r in rows] == [
        ("Harbor Pilot 1", "00311", "Harbor Pilot 100311"),
        ("Harbor Pilot 2", "00312", "Harbor Pilot 200312, 90312"),
        ("Harbor Pilot Chief", "00468", "Harbor Pilot Chief00468"),
        ("Dock Assistant", "02107", "Dock Assistant02107"),
        ("Dock Worker 12", "02110", "Dock Worker 1202110"),
        ("Pier Clerk (Lead)", "00456", "Pier Clerk (Lead)00456"),
    ]
    # No header naming a code column, or too few rows to know the width: nothing is read.
    assert glued_code_classes(lines[1:]) == []
    assert glued_code_classes(lines[:4]) == []


def test_spaced_code_rows_read_title_and_code_under_a_header_of_one_cell_a_line() -> None:
    header = [
        "Harbor staff adjustments:",
        "",
        "Class Title",
        "",
        "Class Code",
        "",
        "Adj. to",
        "Base Rate",
    ]
    rows = [
        "Harbor Pilot Chief 0172 31/B 15% 5%",
        "Dock Worker II 0931 23/B 15% 5%",
        "Pier Clerk (Lead) 0864 21/B 15% 5%",
    ]
    found = spaced_code_rows([*header, "", *rows, "", "Next paragraph of prose."])
    assert [(r.title, r.code, r.quote) for r in found] == [
        ("Harbor Pilot Chief", "0172", rows[0]),
        ("Dock Worker II", "0931", rows[1]),
        ("Pier Clerk (Lead)", "0864", rows[2]),
    ]
    # No header naming a title, then a code column; too few rows; codes of two widths; a word
    # in small letters among the figures: nothing is read.
    assert spaced_code_rows(["Class Title", "Pay Grade", "", *rows]) == []
    assert spaced_code_rows([*header, "", *rows[:2]]) == []
    assert spaced_code_rows([*header, "", *rows[:2], "Dock Assistant 12345 19/B"]) == []
    assert spaced_code_rows([*header, "", *[r + " per hour" for r in rows]]) == []


def test_classes_a_sentence_places_at_their_grades() -> None:
    line = (
        "to add the classifications of Eligibility Specialist I at Range 53, Eligibility "
        "Specialist I - Bilingual at Range 56, Eligibility Supervisor at Range 66, and delete "
        "Eligibility Worker I at Range 51."
    )
    found = at_grade_classes(["Approve the request", line])
    assert found[2].quote == "Eligibility Supervisor at Range 66"  # the item, not the list
    assert [(r.title, r.pay_label, r.pay_grade) for r in found] == [
        ("Eligibility Specialist I", "Range", "53"),
        ("Eligibility Specialist I - Bilingual", "Range", "56"),
        ("Eligibility Supervisor", "Range", "66"),
        ("Eligibility Worker I", "Range", "51"),
    ]
    # Two are a passing remark; a percentage or an amount at a grade is no grade.
    assert at_grade_classes(["Clerk I at Grade 5 and Clerk II at Grade 6 were moved."]) == []
    raised = "Clerk I at Grade 5.5%, Clerk II at Grade 6.5%, Clerk III at Grade 7.5%"
    assert at_grade_classes([raised]) == []


def test_class_headings_in_capitals_over_their_definitions() -> None:
    paragraphs = [
        ["Professional and Scientific Class"],
        ["DIRECTOR, POPULATION PROGRAMME"],
        ["Responsible administrative work in directing the Population Programme."],
        ["Job Category"],
        ["DIRECTOR OF DRAINAGE"],
        ["Plans, directs and co-ordinates a programme of drainage works."],
        ["MINIMUM EXPERIENCE AND TRAINING"],
        ["Under general supervision of the Permanent Secretary."],
    ]
    found = defined_heading_classes(paragraphs)
    assert [(r.title, r.quote) for r in found] == [
        ("Director, Population Programme", "DIRECTOR, POPULATION PROGRAMME"),
        ("Director of Drainage", "DIRECTOR OF DRAINAGE"),
    ]
    # One heading over a definition may be any heading: nothing is read.
    assert defined_heading_classes(paragraphs[:4]) == []


def test_a_class_a_sentence_names_with_its_labelled_code_and_the_range_it_moves_to() -> None:
    lines = [
        "2. Approve the revised salary range for Boat Operator I/II (classification # 0431A/B), "
        "from salary range 357/371 to salary range 385/405, effective the pay period following;",
        "5. Retitle Equipment Mechanic I/II to Heavy Equipment Technician I/II (classification # "
        "0224A/B);",
        "6. Approve the Senior Road Maintenance Worker (classification # 0233) specification;",
    ]
    found = coded_prose_classes(lines)
    assert [(r.title, r.code, r.pay_label, r.pay_grade) for r in found] == [
        ("Boat Operator I/II", "0431A/B", "Salary Range", "385/405"),
        ("Senior Road Maintenance Worker", "0233", None, None),
    ]
    assert found[0].quote.endswith("to salary range 385/405")  # the item, not the sentence


# --- numbered class lists ----------------------------------------------------------------------


def test_numbered_list_reads_code_title_and_labelled_range_on_one_run() -> None:
    text = (
        "3000 Parks Group 3101 Park Ranger (Range 12.5) 3102 Senior Park Ranger (Range 15 0) "
        "3103 Grounds Keeper /Arborist (Pay Range 9.5)"
    )
    rows = numbered_list_classes(text)
    assert [(r.code, r.title, r.pay_label, r.pay_grade) for r in rows] == [
        ("3101", "Park Ranger", "Range", "12.5"),
        ("3102", "Senior Park Ranger", "Range", "15 0"),
        ("3103", "Grounds Keeper /Arborist", "Pay Range", "9.5"),
    ]
    assert all(r.quote in text for r in rows)


def test_numbered_list_refuses_prose_and_ordinance_numbers() -> None:
    text = (
        "Ordinance 2011 amends the plan (Section 4) and adopts it on 1234 dates (R 5). "
        "Resolution No. 2019 $4,500 (Fund 12)"
    )
    assert numbered_list_classes(text) == []


def test_numbered_list_takes_no_code_from_the_digits_of_an_amount() -> None:
    """A salary column's last amount above a title with its level in parentheses: "382" of
    "$66,382" is no class code."""
    text = "$57,777\n\n$66,382\n\nBorder Force Officer Recruit Trainee Programme (APS Level 2)"
    assert numbered_list_classes(text) == []


# --- a title and its "Key: value" lines ---------------------------------------------------------


def test_title_then_key_value_lines_belong_to_that_title() -> None:
    text = (
        "Harbor Pilot I\n"
        "Guides vessels in the inner harbor under close supervision.\n"
        "Job Code: 7101\n"
        "Pay Grade: HP04\n"
        "Harbor Pilot II\n"
        "Job Code: 7102\n"
    )
    rows = titled_key_value_classes(list(paragraphs_of(text)))
    assert [(r.title, r.code, r.pay_grade) for r in rows] == [
        ("Harbor Pilot I", "7101", None),
        ("Harbor Pilot I", None, "HP04"),
        ("Harbor Pilot II", "7102", None),
    ]


def test_two_keys_on_a_line_and_a_heading_run_into_a_key() -> None:
    # A flattened two-column block: a heading in capitals runs into "Grade:", and the code's
    # value runs up to the next key's own words, not to the colon after them.
    text = (
        "HARBOR PILOT I\n"
        "DESCRIPTION OF WORK Grade: 85\n"
        "CLASS CODE: H1P1TX SALARY RANGE: $2584 - $3463\n"
    )
    rows = titled_key_value_classes(list(paragraphs_of(text)))
    assert [(r.title, r.code, r.pay_grade, r.salary_min, r.salary_max) for r in rows] == [
        ("Harbor Pilot I", None, "85", None, None),
        ("Harbor Pilot I", "H1P1TX", None, "$2584", "$3463"),
    ]
    # A sentence that reaches a key further on states no fact of the class.
    assert titled_key_value_classes([["Harbor Pilot I", "The pilot is paid at Grade: 85"]]) == []


def test_records_a_field_a_line_end_in_the_grade_column_of_their_header() -> None:
    # "Job Title | Exempt | Program | Grade" flattened: each record is its title, its keyed
    # codes, then the unlabelled cells whose last is the grade ("E PSS 24" reads as a title).
    text = (
        "Job Title Exempt / Non-exempt Personnel Program Grade\n"
        "Harbor Pilot 3\n"
        "Job code: 7101\n"
        "E PSS 24\n"
        "Harbor Pilot 4\n"
        "Job code: 7102\n"
        "NE PSS 21\n"
    )
    rows = titled_key_value_classes(list(paragraphs_of(text)))
    assert [(r.title, r.code, r.pay_label, r.pay_grade) for r in rows] == [
        ("Harbor Pilot 3", "7101", None, None),
        ("Harbor Pilot 3", None, "Grade", "PSS 24"),
        ("Harbor Pilot 4", "7102", None, None),
        ("Harbor Pilot 4", None, "Grade", "PSS 21"),
    ]
    # Without the header the same cells name no grade.
    assert all(r.pay_grade is None for r in titled_key_value_classes([text.splitlines()[1:]]))


def test_a_web_form_s_labels_run_into_their_values() -> None:
    # "TitlePark Worker 3" / "Salary Grade09": a form flattened with nothing between its
    # labels and their values.
    text = (
        "Agency Harbor Parks\nTitleHarbor Pilot 3\nSalary Grade09\n"
        "Salary RangeFrom $42641 to $52413\n"
    )
    rows = titled_key_value_classes(list(paragraphs_of(text)))
    assert [(r.title, r.pay_grade, r.salary_min, r.salary_max) for r in rows] == [
        ("Harbor Pilot 3", "09", None, None),
        ("Harbor Pilot 3", None, "$42641", "$52413"),
    ]


def test_key_value_lines_need_a_title_with_a_level_above_them() -> None:
    text = "Classified Job Listing\nClass Code: 44Q\n\nEffective July 1, 2020\nPay Grade: 7\n"
    assert titled_key_value_classes(list(paragraphs_of(text))) == []


# --- "Title (#CODE)" and its pay line ------------------------------------------------------------


def test_coded_title_takes_its_pay_line_min_and_max() -> None:
    text = (
        "Harbor Pilot II (#HP002)\n"
        "Applications are open.\n"
        "$40,100.00 Yearly Min / $50,000.00 Yearly Mid / $59,900.00 Yearly Max\n"
    )
    rows = coded_title_classes(list(paragraphs_of(text)))
    assert [(r.title, r.code, r.salary_min, r.salary_max) for r in rows] == [
        ("Harbor Pilot II", "HP002", None, None),
        ("Harbor Pilot II", None, "$40,100.00", "$59,900.00"),
    ]


def test_coded_titles_listed_as_items_of_a_list() -> None:
    text = (
        "Titles with restricted use\n"
        "Engineering and Design\n"
        "  • Harbor Pilot I (#4392)\n"
        "  • Harbor Pilot, Senior (#4394)\n"
        "  • Knowledge of tides (required)\n"
    )
    rows = coded_title_classes(list(paragraphs_of(text)))
    assert [(r.title, r.code) for r in rows] == [
        ("Harbor Pilot I", "4392"),
        ("Harbor Pilot, Senior", "4394"),
    ]


def test_coded_title_reads_a_range_line_and_needs_a_digit_in_the_code() -> None:
    ranged = "DOCK CLERK I (#DC1 )\n$18.10-$22.45 hourly / $3,137.00-$3,891.00 monthly\n"
    rows = coded_title_classes(list(paragraphs_of(ranged)))
    assert [(r.title, r.code, r.salary_min, r.salary_max) for r in rows] == [
        ("Dock Clerk I", "DC1", None, None),
        ("Dock Clerk I", None, "$18.10", "$22.45"),
    ]
    assert coded_title_classes([["Senior Executive Officer (SEO)", "$30,000 - $40,000"]]) == []


# --- label lines and uncoloned labels ------------------------------------------------------------


def test_label_line_pairs_each_label_with_the_value_below_it() -> None:
    facts = label_line_facts("ZONE:   GRADE:   STEP:   CLASS CODE:", "B   7   2   5510")
    assert facts is not None
    assert (facts.code, facts.pay_grade, facts.pay_label) == ("5510", "7", "Grade")
    assert label_line_facts("ZONE:   GRADE:   CLASS CODE:", "B   7") is None
    assert label_line_facts("Revised: 2019", "Next line") is None


def test_uncoloned_code_label() -> None:
    facts = uncoloned_code_facts("CLASS NO. 4411")
    assert facts is not None and facts.code == "4411"
    assert uncoloned_code_facts("Code 4411") is None  # "code" alone is too common a word
    assert uncoloned_code_facts("Ordinance No. 2004") is None


# --- the one class a standard is about -----------------------------------------------------------


def test_one_class_title_strips_codes_the_text_also_states() -> None:
    text = "DOCK CLERK II\n\n7788B2\n\nPay Grade: 12\n"
    title, facts = one_class_title("Dock Clerk II (7788B2)", text) or ("", [])
    assert title == "Dock Clerk II"
    assert [(f.code, f.quote) for f in facts] == [("7788B2", "7788B2")]
    # A code the text never states is not taken from the title alone.
    assert one_class_title("Dock Clerk II (9999Z9)", "DOCK CLERK II\n") == ("Dock Clerk II", [])
    # A labelled code in parentheses ends the title too.
    labelled = one_class_title("Dock Clerk (Job Code 139340) - Job Specification", "139340\n")
    assert labelled is not None and labelled[0] == "Dock Clerk"
    assert [f.code for f in labelled[1]] == ["139340"]
    # The document's kind before the title is not part of it.
    assert one_class_title("Career Guide - Harbor Master", "x") == ("Harbor Master", [])
    assert one_class_title("Job Description: Dock Clerk II", "x") == ("Dock Clerk II", [])


def test_one_class_title_reads_federal_and_labelled_codes() -> None:
    text = "Budget Analyst 09\n\nGS-0560-09\n"
    title, facts = one_class_title("Budget Analyst 09 (GS-0560-09)", text) or ("", [])
    assert title == "Budget Analyst"
    assert [(f.code, f.pay_label, f.pay_grade) for f in facts] == [("0560", "GS", "09")]
    title, facts = one_class_title("Class Code 41200: Dock Clerk", "Class Code 41200: Dock Clerk")
    assert (title, [f.code for f in facts]) == ("Dock Clerk", ["41200"])


def test_one_class_title_refuses_document_titles() -> None:
    assert one_class_title("Career Paths: Job Standards & Templates", "") is None
    assert one_class_title("Effective October 1, 2011", "") is None
    assert one_class_title("Harbor District Salary Resolution", "") is None
    assert one_class_title("State Class Specification, Class Code 12AB", "") is None
    assert one_class_title("Dock Clerk Job Description", "") == ("Dock Clerk", [])


# --- end to end through the catalog -------------------------------------------------------------


def test_catalog_attaches_no_class_to_a_document_title_or_a_date() -> None:
    text = (
        "Harbor District Pay Listing\n\nEffective October 1, 2011\n\n"
        "Pay Grade: 14\n\nOrdinance No. 2011-42 appropriates $2,011 for printing.\n"
    )
    parsed = parse_standard(_document(text, "Harbor District Pay Listing"))
    assert parsed.classes == []


def test_catalog_reads_rows_with_verbatim_evidence() -> None:
    text = (
        "Class Title Class Code Pay Grade\nHarbor Pilot I 71001 HP04\nHarbor Pilot II 71002 HP06\n"
    )
    parsed = parse_standard(_document(text, "Harbor Classes"))
    assert [(r.title, r.code, r.pay_grade) for r in parsed.classes] == [
        ("Harbor Pilot I", "71001", "HP04"),
        ("Harbor Pilot II", "71002", "HP06"),
    ]
    assert all(e.quote in text for r in parsed.classes for e in r.evidence)


# --- a table flattened onto one line -------------------------------------------------------


def test_a_code_title_table_on_one_line_is_read_row_by_row() -> None:
    line = (
        "Harbor Board Revised: 1-2-99 SURVEYOR SERIES Class Code Class Title 4410 Surveyor I "
        "4411 Surveyor II DEFINITION Under supervision, to survey land."
    )
    rows = run_on_table_classes([line])
    assert [(r.title, r.code) for r in rows] == [("Surveyor I", "4410"), ("Surveyor II", "4411")]
    assert rows[1].quote == "4411 Surveyor II" and rows[1].quote in line


def test_a_title_grade_status_table_on_one_line_is_read_row_by_row() -> None:
    line = (
        "POSITION TITLE GRADE FLSA Deck Hand 8 Non-Exempt Harbor Master 31 Exempt "
        "Lock Keeper (Nights) 12 Non-Exempt |"
    )
    rows = run_on_table_classes([line])
    found = [(r.title, r.pay_label, r.pay_grade) for r in rows]
    assert found == [
        ("Deck Hand", "Grade", "8"),
        ("Harbor Master", "Grade", "31"),
        ("Lock Keeper (Nights)", "Grade", "12"),
    ]


def test_a_header_with_one_row_or_prose_with_figures_is_not_a_table() -> None:
    assert run_on_table_classes(["Class Code Class Title 4410 Surveyor I"]) == []
    assert run_on_table_classes(["The class code 4410 applies to surveyors in 12 offices."]) == []


# --- a table flattened column by column ------------------------------------------------------


def test_a_table_flattened_column_by_column_is_read_row_by_row() -> None:
    text = (
        "HARBOR BOARD\nCLASS SPECIFICATION\nTITLE\nGRADE\nEEO-4\nCODE\n"
        "DOCK CLERK II\nDOCK CLERK I\n24\n22\nF\nF\n7.101\n7.102\n"
        "SERIES CONCEPT\nDock clerks keep the manifests of cargo landed at the port and check it.\n"
    )
    rows = column_major_classes(text.splitlines())
    found = [(r.title, r.code, r.pay_label, r.pay_grade) for r in rows]
    assert found == [
        ("Dock Clerk II", "7.101", "Grade", "24"),
        ("Dock Clerk I", "7.102", "Grade", "22"),
    ]
    assert rows[0].quote in text and "24" in rows[0].quote  # the quote holds the figures
    # Cells that do not divide among the columns in their shapes are no table.
    assert column_major_classes(["TITLE", "GRADE", "Dock Clerk", "Harbor Master", "24"]) == []


def test_a_title_line_ending_in_its_grade_with_its_code_below() -> None:
    lines = ["Occ. Code 7140100", "", "SLUDGE PLANT OPERATOR 1, GRADE 8", "", "7140100", "",
             "SLUDGE PLANT OPERATOR 2, GRADE 10", "7140200", "What the work is"]  # fmt: skip
    found = titled_grade_classes(lines)
    assert [(f.title, f.pay_grade, f.code) for f in found] == [
        ("Sludge Plant Operator 1", "8", None),
        ("Sludge Plant Operator 1", None, "7140100"),
        ("Sludge Plant Operator 2", "10", None),
        ("Sludge Plant Operator 2", None, "7140200"),
    ]
    # With no code labelled anywhere, a number on the next line may be anything.
    assert all(f.code is None for f in titled_grade_classes(lines[2:]))


def test_a_title_and_colon_labels_the_pay_lines_below_it() -> None:
    text = (
        "Salary Information:\nClerk I/II\n\nClerk I:\n$2,937.72 – $3,570.81 / Month\n"
        "$16.94 – $20.60 / Hour\n\nClerk II:\n$3,181.13 – $3,866.68 / Month\n\n"
        "Definition:\nUnder general supervision, files records.\n"
    )
    rows = colon_title_classes(list(paragraphs_of(text)))
    found = [(r.title, r.salary_min, r.salary_max, r.salary_period) for r in rows]
    assert found == [
        ("Clerk I", "$2,937.72", "$3,570.81", "month"),
        ("Clerk I", "$16.94", "$20.60", "hour"),
        ("Clerk II", "$3,181.13", "$3,866.68", "month"),
    ]
    # A label ("Salary Information:", "Pay Range:") or a part of a document ("Definition:")
    # names no class.
    assert colon_title_classes([["Pay Range:", "$10.00 - $12.00 / Hour"]]) == []
    assert colon_title_classes([["Definition:", "$10.00 - $12.00 / Hour"]]) == []


def test_a_title_alone_in_its_paragraph_labels_the_pay_line_of_the_next() -> None:
    text = (
        "General Transportation Tech I (A16):\n\n$3,409.83 - $5,094.16 monthly\n\n"
        "General Transportation Tech II (A17):\n\n$3,581.33 - $5,372.41 monthly\n\n"
        "Minimum Salary 40,918.00\n"
    )
    rows = colon_title_classes(list(paragraphs_of(text)))
    found = [(r.title, r.salary_min, r.salary_max, r.salary_period, r.pay_grade) for r in rows]
    assert found == [
        ("General Transportation Tech I", "$3,409.83", "$5,094.16", "month", None),
        ("General Transportation Tech II", "$3,581.33", "$5,372.41", "month", None),
    ]


def test_code_columns_before_the_title_column_read_from_the_left() -> None:
    lines = [
        "Series Specification - Class Titles and Codes",
        "Schem Code Class Code Class",
        "JC73 4088 Auditor Evaluator I",
        "JC74 4089 Auditor Evaluator II",
        "JC78 4094 Principal Auditor",
        "",
        "Definition of Series",
    ]
    found = [(r.title, r.code) for r in title_last_classes(lines)]
    # The code the header names as the class's, not the other scheme's.
    assert found == [
        ("Auditor Evaluator I", "4088"),
        ("Auditor Evaluator II", "4089"),
        ("Principal Auditor", "4094"),
    ]
    # A header that is not only columns' names is no such header.
    assert title_last_classes(["Codes used by the Class", "JC73 4088 Auditor Evaluator I"]) == []


def test_a_coded_titles_pay_line_may_open_the_next_paragraph() -> None:
    text = (
        "Salary: Office Aide I - Restricted (#1699)\n\n$11.83-$14.44 hourly / $2,057-$2,511 monthly"
        "\n\nOffice Aide II (#1701)\n\n$12.88-$15.72 hourly\n\nOffice Aide II-Restricted (#1705)"
        "\n\nDEFINITION: Under general supervision, performs varied clerical work.\n"
    )
    rows = coded_title_classes(list(paragraphs_of(text)))
    pay = [(r.title, r.code, r.salary_min) for r in rows if r.salary_min]
    # The label before a title is not of it; the restricted variant states no pay.
    assert pay == [
        ("Office Aide I - Restricted", None, "$11.83"),
        ("Office Aide II", None, "$12.88"),
    ]
    codes = [(r.title, r.code) for r in rows if r.code]
    assert ("Office Aide II-Restricted", "1705") in codes


def test_blocks_that_each_label_a_title_are_a_listing_of_classes() -> None:
    text = (
        "Here are the revised salaries for the pay grades in 2015.\n\n"
        "Pay grade: MX11\nJob title: Manager, Assistant Director\n"
        "Salary scale: S$4,740 – S$7,115 / S$7,115 – S$8,305\n\n"
        "Pay grade: MX12\nJob title: Assistant Manager, Manager\nSalary scale: S$2,945 – S$5,925\n"
    )
    found = [
        (r.title, r.pay_grade, r.salary_min, r.salary_max)
        for r in labelled_block_classes(list(paragraphs_of(text)))
    ]
    assert ("Manager, Assistant Director", "MX11", None, None) in found
    assert ("Manager, Assistant Director", None, "S$4,740", "S$7,115") in found
    assert ("Assistant Manager, Manager", None, "S$2,945", "S$5,925") in found
    # One block is the standard's own class, read as such, not a listing.
    one = "Job Title: Clerical Assistant\nPay grade: MPS 1\n\nDuties: files records.\n"
    assert labelled_block_classes(list(paragraphs_of(one))) == []


def test_a_notice_of_posts_without_blank_lines_is_a_block_a_post() -> None:
    text = (
        "VACANCIES\nPOSITION: COMMITTEE COORDINATOR\nLEVEL: 8\n"
        "SALARY SCALE: R333 753.93 – R368 649.85\nQUALIFICATION: Grade 12\n"
        "POSITION: PERFORMANCE AUDITOR\nLEVEL: 7\nSALARY SCALE: R377 963.02 – R417 268.44\n"
    )
    found = {
        (r.title, r.pay_grade, r.salary_min)
        for r in labelled_block_classes(list(paragraphs_of(text)))
    }
    assert found == {
        ("Committee Coordinator", "8", None),
        ("Committee Coordinator", None, "R333 753.93"),
        ("Performance Auditor", "7", None),
        ("Performance Auditor", None, "R377 963.02"),
    }


def test_titles_each_with_a_rate_and_its_period_are_a_listing_of_classes() -> None:
    lines = [
        "Self-Contained IP: $18.98/hour;",
        "Behavior Specialist IP: $19.56/hour",
        "",
        "Hiring Incentive: $2,000",  # a sum paid once, with no period, is no class's pay
        "Relocation Allowance: $1,500",
    ]
    found = [(r.title, r.salary_min, r.salary_period) for r in titled_rate_classes(lines)]
    assert found == [
        ("Self-Contained IP", "$18.98", "hour"),
        ("Behavior Specialist IP", "$19.56", "hour"),
    ]
    assert titled_rate_classes(lines[:1]) == []  # one line is no listing


def test_a_year_in_brackets_after_a_title_is_no_code() -> None:
    rows = coded_title_classes([["Civil Service Salary Scales in Singapore (2015)"]])
    assert rows == []
    assert coded_title_classes([["Office Aide II (#1701)"]])[0].code == "1701"


# --- a title and its number as a specification's first line -----------------------------------


def test_a_first_line_of_a_title_and_its_number_states_the_class_code() -> None:
    lines = ["HARBOR PILOT 6121", "", "(Non-Competitive)", "", "GENERAL STATEMENT OF DUTIES"]
    rows = headline_code_classes(lines)
    assert [(r.title, r.code, r.quote) for r in rows] == [
        ("Harbor Pilot", "6121", "HARBOR PILOT 6121")
    ]
    assert guess_title("\n".join(lines)) == "Harbor Pilot"


def test_a_year_or_a_schedule_on_the_first_line_is_no_class_code() -> None:
    assert headline_code_classes(["HARBOR PILOT 2024"]) == []
    assert headline_code_classes(["SALARY SCHEDULE 1234"]) == []
    assert headline_code_classes(["Duties", "HARBOR PILOT 6121"]) == []
