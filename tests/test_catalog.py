"""The class catalog: one record per class level, with exact figures and verbatim evidence."""

from __future__ import annotations

import json
from dataclasses import asdict, replace
from pathlib import Path

import pytest

from index.catalog import (
    ParsedStandard,
    load_catalog,
    parse_standard,
    save_catalog,
    series_name,
    split_level,
)
from index.class_facts import key_value_facts
from index.load import guess_title, load_manifest, read_document
from index.types import ClassRecord, SourceDocument

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "sources"
TEXAS = "texas/certified-peer-support-specialist-ii.txt"
NEW_YORK = "new-york/certified-peer-specialist-series.txt"


def parse_seed(relative: str) -> ParsedStandard:
    facts = load_manifest(SOURCES / "manifest.yaml").get(relative, {})
    return parse_standard(read_document(SOURCES / relative, relative, facts))


def by_title(parsed: ParsedStandard) -> dict[str, ClassRecord]:
    return {record.title: record for record in parsed.classes}


def assert_evidence_verbatim(parsed: ParsedStandard) -> None:
    section_names = {section.name for section in parsed.sections} | {parsed.document.title}
    for record in parsed.classes:
        assert record.evidence, record.title
        for evidence in record.evidence:
            assert evidence.quote in parsed.document.text, evidence
            assert evidence.section in section_names, evidence


def facts(record: ClassRecord) -> tuple[object, ...]:
    return (
        record.title,
        record.series,
        record.level,
        record.code,
        record.pay_label,
        record.pay_grade,
        record.salary_min,
        record.salary_max,
    )


@pytest.fixture(scope="module")
def texas() -> ParsedStandard:
    return parse_seed(TEXAS)


@pytest.fixture(scope="module")
def new_york() -> ParsedStandard:
    return parse_seed(NEW_YORK)


# --- the Texas seed -------------------------------------------------------------------------


def test_texas_has_both_levels_from_the_table(texas: ParsedStandard) -> None:
    records = by_title(texas)
    assert list(records) == [
        "Certified Peer Support Specialist I",
        "Certified Peer Support Specialist II",
    ]
    first, second = records.values()
    assert (first.series, first.level, first.code) == (
        "Certified Peer Support Specialist",
        1,
        "4007",
    )
    assert (first.pay_label, first.pay_grade) == ("Salary Group", "A10")
    assert (first.salary_min, first.salary_max) == ("$27,910", "$39,571")
    assert (second.series, second.level, second.code) == (
        "Certified Peer Support Specialist",
        2,
        "4008",
    )
    assert (second.pay_label, second.pay_grade) == ("Salary Group", "A12")
    assert (second.salary_min, second.salary_max) == ("$30,840", "$46,798")
    assert second.pay_text == "Salary Group A12"
    assert second.salary_text == "$30,840 - $46,798"
    assert texas.recognised


def test_texas_escaped_dollars_are_unescaped(texas: ParsedStandard) -> None:
    assert "\\$" not in texas.document.text
    assert "$27,910 - $39,571" in texas.document.text
    row = by_title(texas)["Certified Peer Support Specialist I"].evidence_for("salary")
    assert row is not None
    assert row.quote == "CERTIFIED PEER SUPPORT SPECIALIST I\t4007\tA10\t$27,910 - $39,571"


def test_texas_title_block_facts_belong_to_level_two(texas: ParsedStandard) -> None:
    second = by_title(texas)["Certified Peer Support Specialist II"]
    quotes = {(e.field, e.quote) for e in second.evidence}
    assert ("pay_grade", "Salary Group: A12") in quotes
    assert ("code", "Class Code: 4008") in quotes
    first = by_title(texas)["Certified Peer Support Specialist I"]
    assert "Salary Group: A12" not in {e.quote for e in first.evidence}
    assert_evidence_verbatim(texas)


def test_texas_sections(texas: ParsedStandard) -> None:
    assert [(s.name, s.kind) for s in texas.sections] == [
        ("Certified Peer Support Specialist II", "heading"),
        ("GENERAL DESCRIPTION", "description"),
        ("EXAMPLES OF WORK PERFORMED", "duties"),
        ("GENERAL QUALIFICATION GUIDELINES > EXPERIENCE AND EDUCATION", "qualifications"),
        ("GENERAL QUALIFICATION GUIDELINES > KNOWLEDGE, SKILLS, AND ABILITIES", "knowledge_skills"),
        (
            "GENERAL QUALIFICATION GUIDELINES > REGISTRATION, CERTIFICATION, OR LICENSURE",
            "certification",
        ),
    ]
    table = [b for b in texas.sections[0].blocks if b.kind == "table"]
    assert table and table[0].lines[0] == "CLASS TITLE\tCLASS CODE\tSALARY GROUP\tSALARY RANGE"
    assert len(texas.sections[2].blocks) == 11  # one per example of work


# --- the New York seed ----------------------------------------------------------------------


def test_new_york_has_grades_and_no_dollars(new_york: ParsedStandard) -> None:
    records = by_title(new_york)
    assert list(records) == ["Certified Peer Specialist 1", "Certified Peer Specialist 2"]
    first, second = records.values()
    assert (first.series, first.level, first.code) == ("Certified Peer Specialist", 1, "5574100")
    assert (second.series, second.level, second.code) == ("Certified Peer Specialist", 2, "5574200")
    assert (first.pay_label, first.pay_grade, second.pay_grade) == ("Grade", "11", "14")
    assert second.pay_text == "Grade 14"
    for record in records.values():
        assert record.salary_min is None and record.salary_max is None
        assert record.jurisdiction == "New York"
        assert record.date == "4/2024"


def test_new_york_level_labels(new_york: ParsedStandard) -> None:
    records = by_title(new_york)
    assert records["Certified Peer Specialist 1"].level_label == "full performance level"
    assert records["Certified Peer Specialist 2"].level_label == "supervisory level"
    assert_evidence_verbatim(new_york)
    code = records["Certified Peer Specialist 2"].evidence_for("code")
    assert code is not None and code.quote == "Certified Peer Specialist 2, Grade 14\t5574200"


def test_new_york_sections(new_york: ParsedStandard) -> None:
    assert [(s.name, s.kind, s.class_title) for s in new_york.sections] == [
        ("Certified Peer Specialist Series", "heading", None),
        ("Brief Description of Class Series", "description", None),
        ("Distinguishing Characteristics", "distinguishing", None),
        ("Related Classes", "related", None),
        (
            "Illustrative Duties > Certified Peer Specialist 1",
            "duties",
            "Certified Peer Specialist 1",
        ),
        (
            "Illustrative Duties > Certified Peer Specialist 2",
            "duties",
            "Certified Peer Specialist 2",
        ),
        (
            "Minimum Qualifications > Certified Peer Specialist 1",
            "qualifications",
            "Certified Peer Specialist 1",
        ),
        (
            "Minimum Qualifications > Certified Peer Specialist 2",
            "qualifications",
            "Certified Peer Specialist 2",
        ),
        ("Note", "note", None),
        ("Date", "note", None),
    ]


# --- single lines and titles ----------------------------------------------------------------


def make_document(text: str, title: str = "Test Standard") -> SourceDocument:
    return SourceDocument(source="t.txt", title=title, text=text, content_hash="0", format="txt")


def test_space_separated_rows_from_pdf_text() -> None:
    text = (
        "Eligibility Worker II\n\nClass Title Class Code Salary Range\n"
        "Eligibility Worker I 2213 $40,000 - $54,500\n"
        "Eligibility Worker II 2214 A12 $45,000 - $62,000 annually\n"
        "The salary range is $45,000 - $62,000 per year.\n"
    )
    parsed = parse_standard(make_document(text, "Eligibility Worker II"))
    assert [facts(r) for r in parsed.classes] == [
        ("Eligibility Worker I", "Eligibility Worker", 1, "2213", None, None, "$40,000", "$54,500"),
        (
            "Eligibility Worker II",
            "Eligibility Worker",
            2,
            "2214",
            "Grade",
            "A12",
            "$45,000",
            "$62,000",
        ),
    ]
    assert_evidence_verbatim(parsed)


def test_key_values_on_one_line_and_in_a_class_sub_section() -> None:
    text = (
        "Planner II\n\nJob Code: 7712\tPay Range: 31\n\nDISTINGUISHING CHARACTERISTICS\n\n"
        "Planner I\n\nGrade: 27\n\nPlanner II\n\nThe journey level.\n\n"
        "CLASS TITLE\tCODE\nPlanner I\t7711\nPlanner II\t7712\n"
    )
    records = by_title(parse_standard(make_document(text, "Planner II")))
    assert facts(records["Planner II"]) == (
        "Planner II",
        "Planner",
        2,
        "7712",
        "Pay Range",
        "31",
        None,
        None,
    )
    assert facts(records["Planner I"]) == (
        "Planner I",
        "Planner",
        1,
        "7711",
        "Grade",
        "27",
        None,
        None,
    )
    assert records["Planner II"].level_label == "journey level"


def test_a_standard_without_classes_is_not_recognised() -> None:
    parsed = parse_standard(make_document("A Memo\n\nNOTES\n\nNothing about classes here.\n"))
    assert parsed.classes == [] and not parsed.recognised
    assert parsed.sections[0].kind == "heading"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Certified Peer Specialist 2", ("Certified Peer Specialist", 2)),
        ("Certified Peer Support Specialist IV", ("Certified Peer Support Specialist", 4)),
        ("Planner, Level 3", ("Planner", 3)),
        ("Water Treatment Operator Trainee", ("Water Treatment Operator", None)),
        ("Miscellaneous Clerk and Assistant, GS-7", ("Miscellaneous Clerk and Assistant", 7)),
        ("Senior Building Inspector", ("Senior Building Inspector", None)),
        ("Library Assistant II (Part-Time), Circulation", ("Library Assistant", 2)),
        ("Clerk III, Finance", ("Clerk", 3)),
    ],
)
def test_split_level(title: str, expected: tuple[str, int | None]) -> None:
    assert split_level(title) == expected


def test_levels_listed_after_a_comma_are_no_unit_of_the_first() -> None:
    assert split_level("Utility Worker I, II, III") != ("Utility Worker", 1)


@pytest.mark.parametrize(
    ("title", "series"),
    [
        ("Water Treatment Operator Series", "Water Treatment Operator"),
        ("Miscellaneous Clerk and Assistant Series, GS-0303", "Miscellaneous Clerk and Assistant"),
        ("GS-0303 Miscellaneous Clerk and Assistant Series", "Miscellaneous Clerk and Assistant"),
        ("Certified Peer Specialist Class Series", "Certified Peer Specialist"),
        ("Building Inspector II", None),
        ("Series Coordinator", None),
    ],
)
def test_series_name(title: str, series: str | None) -> None:
    assert series_name(title) == series


def test_catalog_round_trip(tmp_path: Path, texas: ParsedStandard) -> None:
    path = tmp_path / "catalog" / "classes.json"
    save_catalog(path, texas.classes)
    assert load_catalog(path) == texas.classes
    assert load_catalog(tmp_path / "missing.json") == []


def test_a_record_as_json_writes_what_asdict_gives(texas: ParsedStandard) -> None:
    columns = (("Step 1", "26821"), ("Step 2", "27900"))
    records = [*texas.classes, replace(texas.classes[0], pay_columns=columns)]
    assert all(r.evidence for r in texas.classes)
    assert [json.dumps(r.to_json()) for r in records] == [json.dumps(asdict(r)) for r in records]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Job Code: 31810 Pay Range: 8", ("31810", "Pay Range", "8", None, None)),
        ("FLSA Status: Non-Exempt   Job Code: 31810", ("31810", None, None, None, None)),
        ("Occ. Code: 5574100", ("5574100", None, None, None, None)),
        ("Class No.: HR-2B", ("HR-2B", None, None, None, None)),
        ("Grade: GS-7 (full performance)", (None, "Grade", "GS-7", None, None)),
        ("Salary Range: 14", (None, "Salary Range", "14", None, None)),
        ("Annual Salary: $52,000", (None, None, None, "$52,000", None)),
        ("Pay Range: $45,000 to $62,000", (None, None, None, "$45,000", "$62,000")),
        ("Class Code\t5E02", ("5E02", None, None, None, None)),
        # a web form's label run into its value
        ("Salary Grade09", (None, "Salary Grade", "09", None, None)),
        ("Salary RangeFrom $42641 to $52413 Annually", (None, None, None, "$42641", "$52413")),
    ],
)
def test_key_value_lines(line: str, expected: tuple[str | None, ...]) -> None:
    found = key_value_facts(line)
    assert found is not None and found.quote == line
    assert (found.code, found.pay_label, found.pay_grade, found.salary_min, found.salary_max) == (
        expected
    )


@pytest.mark.parametrize(
    "line",
    [
        "Salary: depends on qualifications",
        "Non-Competitive: current certification as a NYCPS",
        "Incumbents are paid at pay range: 8 after a year.",  # prose, not a title-block line
        "FLSA Status: Non-Exempt",
        "Certified Peer Specialist 1, Grade 11\t5574100",
        "Salary Grades are set each year",  # a known key run into a word in lower case
    ],
)
def test_lines_that_state_no_code_or_pay(line: str) -> None:
    assert key_value_facts(line) is None


def test_class_title_line_names_the_class() -> None:
    text = "CITY OF LAKEWOOD\nClass Title: SENIOR PLANNER\nJob Code: 7720\nPay Grade: 31\n"
    document = make_document(text, guess_title(text) or "?")
    assert document.title == "Senior Planner"
    assert [facts(r) for r in parse_standard(document).classes] == [
        ("Senior Planner", "Senior Planner", None, "7720", "Pay Grade", "31", None, None)
    ]


def test_a_schedule_title_block_describes_no_class() -> None:
    text = (
        "Clerical Salary Schedule\n\nPay Grade: 12\n\n"
        "Class Title\tClass Code\tPay Grade\nOffice Assistant\t1010\t12\n"
    )
    parsed = parse_standard(make_document(text, "Clerical Salary Schedule"))
    assert [r.title for r in parsed.classes] == ["Office Assistant"]


def test_pay_columns_read_by_their_values() -> None:
    text = (
        "Finance Classes\n\nCLASS TITLE\tPAY SCALE GROUP\tRANGE\n"
        "Accountant I\tB18\t$40,000 - $50,000\nAccountant II\tB20/21\t$44,000 - $56,000\n\n"
        "Title\tCode\tRange\nZoning Inspector\tZ-210\t9\n"
    )
    parsed = parse_standard(make_document(text, "Finance Classes"))
    assert [facts(r) for r in parsed.classes] == [
        ("Accountant I", "Accountant", 1, None, "Pay Scale Group", "B18", "$40,000", "$50,000"),
        ("Accountant II", "Accountant", 2, None, "Pay Scale Group", "B20/21", "$44,000", "$56,000"),
        ("Zoning Inspector", "Zoning Inspector", None, "Z-210", "Range", "9", None, None),
    ]


def _standard(title: str, text: str) -> SourceDocument:
    return SourceDocument(source="spec.txt", title=title, text=text, content_hash="0", format="txt")


def test_a_labelled_title_names_the_class_even_without_pay() -> None:
    text = (
        "COUNTY OF ELMWOOD\nCLASSIFICATION SPECIFICATION\nCLASSIFICATION TITLE: DREDGE OPERATOR I\n"
        "PURPOSE OF CLASSIFICATION\nOperates the county dredge.\n"
    )
    parsed = parse_standard(_standard("Dredge Operator I - classification specification", text))
    assert parsed.recognised
    (record,) = parsed.classes
    assert record.title == "Dredge Operator I"
    assert record.salary_min is None and record.code is None and record.pay_grade is None
    assert [e.quote for e in record.evidence] == ["CLASSIFICATION TITLE: DREDGE OPERATOR I"]


def test_a_classification_line_names_the_class_the_document_is_titled_after() -> None:
    spec = "Revision Date: February 1984\nClassification: Office Assistant 5\nUnit: Local 12\n"
    parsed = parse_standard(_standard("Local 12 - Office Assistant 5 class specification", spec))
    assert [r.title for r in parsed.classes] == ["Office Assistant 5"]
    posting = "Classification: Support Personnel Pay Scale\nPay Range: II\nDescription: Cleans.\n"
    parsed = parse_standard(
        _standard("Custodian - Job Posting (Support Personnel Pay Scale)", posting)
    )
    assert "Support Personnel Pay Scale" not in [r.title for r in parsed.classes]


def test_a_code_alone_under_the_class_s_title_line_is_its_code() -> None:
    from index.class_facts import titled_code_facts

    lines = "Harbor Pilot\n\n\n18531 (WFSE Campuswide)\n\nPilots vessels.\n".splitlines()
    assert [f.code for f in titled_code_facts(lines, "Harbor Pilot")] == ["18531"]
    # A year under the title is its date, and a code under another line is not the class's.
    assert titled_code_facts(["Harbor Pilot", "2024"], "Harbor Pilot") == []
    assert titled_code_facts(["Harbor Pilot", "Pilots vessels.", "18531"], "Harbor Pilot") == []


def test_two_rows_of_one_title_with_codes_of_one_shape_are_two_classes() -> None:
    text = (
        "Job Class Descriptions\n\nTitle\tCode\nAccountant 1\t00310\nAccountant 2\t00311\n"
        "Accountant 2\t90311\nAccountant 3\t00312\n"
    )
    document = SourceDocument("k/list.txt", "Job class descriptions", text, "h", "txt", "Kell")
    found = [(r.title, r.code) for r in parse_standard(document).classes]
    assert found == [
        ("Accountant 1", "00310"),
        ("Accountant 2", "00311"),
        ("Accountant 2", "90311"),
        ("Accountant 3", "00312"),
    ]


def test_rows_of_one_title_with_their_own_grades_and_pay_are_several_classes() -> None:
    text = (
        "Salary ranges for the senior grades do not differ by location.\n"
        "Grade Minimum Maximum SCS Pay Band 1 56,100 116,000 SCS Pay Band 2 81,600 160,000 "
        "SCS Pay Band 3 99,960 205,000\n"
    )
    document = SourceDocument("k/pay.txt", "Departmental pay", text, "h", "txt", "Kell")
    found = [(r.title, r.pay_grade, r.salary_min) for r in parse_standard(document).classes]
    assert found == [
        ("SCS", "1", "56,100"),
        ("SCS", "2", "81,600"),
        ("SCS", "3", "99,960"),
    ]


def test_the_ends_of_a_range_a_line_each_under_a_title_are_its_range() -> None:
    text = (
        "Employment - Telecommunicator\n\nPST Trainee\n\n  • Minimum: $25.34 per hour\n"
        "  • Maximum: $33.08 per hour\n\nPublic Safety Telecommunicator\n\n"
        "  • Minimum: $28.19 per hour\n  • Maximum: $38.38 per hour\n\n"
        "Shift differential is paid at a rate of $1.10 for hours worked on evening shift.\n"
    )
    document = SourceDocument("k/pay.txt", "Telecommunicator pay", text, "h", "txt", "Kell")
    found = [
        (r.title, r.salary_min, r.salary_max, r.salary_period)
        for r in parse_standard(document).classes
    ]
    # "Minimum" and "Maximum" are labels of pay, no classes.
    assert found == [
        ("PST Trainee", "$25.34", "$33.08", "hour"),
        ("Public Safety Telecommunicator", "$28.19", "$38.38", "hour"),
    ]
    # Nor is a heading of pay over the ends of a range.
    headed = "Salary Range\n  • Minimum: $20.00 per hour\n  • Maximum: $25.00 per hour\n"
    posting = SourceDocument("k/post.txt", "Posting", headed, "h", "txt", "Kell")
    assert parse_standard(posting).classes == []
