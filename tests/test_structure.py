"""Blocks and sections of a standard's text, for the seeds and for every fixture shape."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.catalog import parse_standard
from index.load import load_sources
from index.structure import (
    Block,
    Section,
    build_sections,
    heading_style,
    normalise_title,
    parse_blocks,
    section_kind,
    smart_title,
)
from index.types import SourceDocument

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "standards"


@pytest.fixture(scope="module")
def documents() -> dict[str, SourceDocument]:
    return {d.source: d for d in load_sources(FIXTURES).documents}


def sections_of(documents: dict[str, SourceDocument], name: str) -> list[Section]:
    return parse_standard(documents[name]).sections


def outline(sections: list[Section]) -> list[tuple[str, str]]:
    return [(s.name, s.kind) for s in sections]


def assert_no_markers_in_blocks(sections: list[Section]) -> None:
    for section in sections:
        for block in section.blocks:
            assert not any(line.lstrip().startswith("#") for line in block.lines), block
            assert not any("|" in line for line in block.lines), block


# --- blocks ---------------------------------------------------------------------------------


def test_blank_lines_separate_paragraphs_and_tab_rows_form_tables() -> None:
    blocks = parse_blocks("Intro line one\nline two\n\nTITLE\tCODE\nClerk I\t100\nAfter.\n")
    assert [(b.kind, b.lines) for b in blocks] == [
        ("paragraph", ["Intro line one", "line two"]),
        ("table", ["TITLE\tCODE", "Clerk I\t100"]),
        ("paragraph", ["After."]),
    ]


def test_markdown_heading_markers_do_not_reach_the_blocks() -> None:
    blocks = parse_blocks("# Series Title\n\n## Duties ##\nFirst duty.\n### Level II\nMore.")
    assert [(b.kind, b.lines, b.style) for b in blocks] == [
        ("heading", ["Series Title"], 1),
        ("heading", ["Duties"], 2),
        ("paragraph", ["First duty."], 0),
        ("heading", ["Level II"], 3),
        ("paragraph", ["More."], 0),
    ]


def test_all_caps_section_heading_without_a_gap_starts_a_block() -> None:
    blocks = parse_blocks(
        "DEFINITION\nUnder general supervision, does the work.\n"
        "MINIMUM QUALIFICATIONS\nTwo years of experience."
    )
    assert [(b.kind, b.lines[0]) for b in blocks] == [
        ("heading", "DEFINITION"),
        ("paragraph", "Under general supervision, does the work."),
        ("heading", "MINIMUM QUALIFICATIONS"),
        ("paragraph", "Two years of experience."),
    ]


def test_all_caps_line_inside_a_letterhead_is_not_a_heading() -> None:
    # The New York seed's letterhead: "COMPENSATION" names a kind, but the line ends the run.
    text = "New York State Department of Civil Service\nDIVISION OF CLASSIFICATION & COMPENSATION"
    assert [(b.kind, len(b.lines)) for b in parse_blocks(text)] == [("paragraph", 2)]
    # ...and an ALL-CAPS line in the middle of a sentence is not one either.
    text = "Duties include the\nEXAMINATION OF RECORDS\nand related work."
    assert [(b.kind, len(b.lines)) for b in parse_blocks(text)] == [("paragraph", 3)]


def test_a_label_over_a_bulleted_list_heads_it_whatever_it_names() -> None:
    blocks = parse_blocks("EXAMPLES OF DUTIES:\n\n• Mowing\n\nBENEFITS:\n\n• 12 paid holidays")
    assert [(b.kind, b.lines[0]) for b in blocks] == [
        ("heading", "EXAMPLES OF DUTIES"),
        ("paragraph", "• Mowing"),
        ("heading", "BENEFITS"),
        ("paragraph", "• 12 paid holidays"),
    ]
    # a label over prose heads it too; a label over a value is a field, not a heading
    prose = (
        "About the role:\n\nThe apprentice learns on the job under the guidance of two chefs. "
        "Both cook daily."
    )
    assert parse_blocks(prose)[0].kind == "heading"
    assert [b.kind for b in parse_blocks("Grade:\n\nC")] == ["paragraph", "paragraph"]
    assert [b.kind for b in parse_blocks("Salary:\n\n$17.50 per hour")] == ["paragraph"] * 2


def test_a_section_heading_after_a_field_line_starts_a_block() -> None:
    text = "TASK LEVEL T22\nADVERTISED Internal\nMINIMUM REQUIREMENTS\nBSc in Engineering;"
    assert [(b.kind, b.lines[0]) for b in parse_blocks(text)] == [
        ("paragraph", "TASK LEVEL T22"),
        ("heading", "MINIMUM REQUIREMENTS"),
        ("paragraph", "BSc in Engineering;"),
    ]
    # a line with a figure is a field of its own, and capitals over capitals a wrapped title
    text = "CLASS SPECIFICATION\nSALARY RANGE 28\nDEFINITION\nUnder supervision, cleans."
    assert parse_blocks(text)[0].lines[:2] == ["CLASS SPECIFICATION", "SALARY RANGE 28"]


@pytest.mark.parametrize(
    ("line", "style"),
    [
        ("## Minimum Qualifications", 2),
        ("GENERAL DESCRIPTION", 7),
        ("Distinguishing Characteristics", 8),
        ("Knowledge, Skills, and Abilities", 8),
        ("Salary Group: A12", 0),
        ("Performs related work as assigned.", 0),
        ("- Reads meters", 0),
        ("Occ. Code 5574100", 0),
        ("# OF POSITIONS:     1                  GRADE:  10", 0),  # a form's spaced fields
        ("What you will do", 9),  # duties in sentence case
        ("Key responsibilities", 9),
        ("Typical qualifications", 0),  # other kinds in sentence case are text
        ("Chances of getting a job", 0),
    ],
)
def test_heading_style(line: str, style: int) -> None:
    assert heading_style(line) == style


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("EXAMPLES OF WORK PERFORMED", "duties"),
        ("Essential Functions", "duties"),
        ("Typical Tasks", "duties"),
        ("Key Performance Areas", "duties"),
        ("What you will do", "duties"),
        ("What you'll do", "duties"),
        ("Minimum Qualifications", "qualifications"),
        ("Substitution of Education for Experience", "qualifications"),
        ("Knowledge, Skills and Abilities", "knowledge_skills"),
        ("LICENSES AND CERTIFICATES", "certification"),
        ("Distinguishing Characteristics", "distinguishing"),
        ("SUPERVISION RECEIVED AND EXERCISED", "supervision"),
        ("Supervisory Responsibilities", "supervision"),
        ("Definition", "description"),
        ("Series Coverage", "description"),
        ("Nature of Work", "description"),
        ("SALARY RANGES FOR THE SERIES", "pay_table"),
        ("Notes", "note"),
        ("Working Conditions", None),
    ],
)
def test_section_kind(heading: str, kind: str | None) -> None:
    assert section_kind(heading) == kind


def test_titles_normalise_and_take_title_case() -> None:
    assert normalise_title("Certified Peer Specialist 2,") == "certified peer specialist 2"
    assert smart_title("CERTIFIED PEER SUPPORT SPECIALIST II") == (
        "Certified Peer Support Specialist II"
    )
    assert smart_title("CHIEF OF THE BUREAU OF WATER") == "Chief of the Bureau of Water"
    assert smart_title("Already Mixed Case") == "Already Mixed Case"


# --- sections -------------------------------------------------------------------------------


def test_depth_decides_nesting_where_headings_carry_it() -> None:
    blocks = parse_blocks(
        "## Minimum Qualifications\n\nIntro.\n\n### Education\n\nA degree.\n\n"
        "## Working Conditions\n\nOffice."
    )
    assert outline(build_sections(blocks, "Clerk", [])) == [
        ("Minimum Qualifications", "qualifications"),
        ("Minimum Qualifications > Education", "qualifications"),
        ("Working Conditions", "other"),
    ]


def test_without_depth_an_unrelated_kind_ends_the_parent() -> None:
    blocks = parse_blocks(
        "QUALIFICATIONS\n\nEDUCATION\n\nA degree.\n\nLICENSURE\n\nA license."
        "\n\nEXAMPLES OF WORK\n\nFiles."
    )
    assert outline(build_sections(blocks, "Clerk", [])) == [
        ("QUALIFICATIONS > EDUCATION", "qualifications"),
        ("QUALIFICATIONS > LICENSURE", "certification"),
        ("EXAMPLES OF WORK", "duties"),
    ]


def test_a_section_of_only_tables_is_a_pay_table() -> None:
    blocks = [
        Block("heading", ["Duties"], 8),
        Block("paragraph", ["Files."]),
        Block("heading", ["Class Series"], 8),
        Block("table", ["A\tB", "Clerk I\t1"]),
    ]
    assert outline(build_sections(blocks, "Clerk", [])) == [
        ("Duties", "duties"),
        ("Class Series", "pay_table"),
    ]


def test_html_schedule_sections(documents: dict[str, SourceDocument]) -> None:
    sections = sections_of(documents, "riverbend-public-works-salary-schedule.html")
    assert outline(sections) == [
        ("Public Works Salary Schedule", "heading"),
        ("Salary Schedule", "pay_table"),
        ("Notes", "note"),
    ]
    table = [b for b in sections[1].blocks if b.kind == "table"]
    assert len(table) == 1 and len(table[0].lines) == 6
    assert sections[0].blocks[-1].lines == ["Effective: July 1, 2024"]


def test_pdf_sections(documents: dict[str, SourceDocument]) -> None:
    sections = sections_of(documents, "county-eligibility-worker-ii.pdf")
    assert outline(sections) == [
        ("Eligibility Worker II", "heading"),
        ("DEFINITION", "description"),
        ("DISTINGUISHING CHARACTERISTICS", "distinguishing"),
        ("EXAMPLES OF ESSENTIAL DUTIES", "duties"),
        ("MINIMUM QUALIFICATIONS", "qualifications"),
        ("LICENSES AND CERTIFICATES", "certification"),
        ("SALARY RANGES FOR THE SERIES", "pay_table"),
    ]
    duties = sections[3].blocks[0].lines
    assert len(duties) == 4 and duties[0].startswith("- Interviews applicants")


def test_markdown_series_sections(documents: dict[str, SourceDocument]) -> None:
    sections = sections_of(documents, "water-treatment-operator-series.md")
    levels = ("Trainee", "I", "II", "III")
    assert outline(sections) == [
        ("Water Treatment Operator Series", "heading"),
        ("Nature of Work", "description"),
        *[
            (f"Distinguishing Characteristics > Water Treatment Operator {level}", "distinguishing")
            for level in levels
        ],
        ("Examples of Duties", "duties"),
        *[
            (f"Minimum Qualifications > Water Treatment Operator {level}", "qualifications")
            for level in levels
        ],
        ("Licenses and Certifications", "certification"),
    ]
    assert [s.class_title for s in sections[6:11]] == [
        None,
        *(f"Water Treatment Operator {level}" for level in levels),
    ]
    assert sections[0].blocks[0].lines == ["Water Treatment Operator Series"]
    assert sections[0].blocks[-1].lines[0] == "Title\tCode\tGrade"
    assert_no_markers_in_blocks(sections)


def test_gs_standard_sections(documents: dict[str, SourceDocument]) -> None:
    sections = sections_of(documents, "gs-0303-miscellaneous-clerk-and-assistant.txt")
    assert outline(sections) == [
        ("Miscellaneous Clerk and Assistant Series, GS-0303", "heading"),
        ("Series Coverage", "description"),
        ("EXPERIENCE AND EDUCATION REQUIREMENTS", "qualifications"),
        ("Specialized Experience", "qualifications"),
        ("Substitution of Education for Experience", "qualifications"),
        ("Combining Education and Experience", "qualifications"),
        ("Note", "note"),
    ]
    assert sections[2].blocks[0].kind == "table"


def test_city_spec_sections(documents: dict[str, SourceDocument]) -> None:
    sections = sections_of(documents, "northfield-accounting-technician.htm")
    assert outline(sections) == [
        ("Accounting Technician", "heading"),
        ("Definition", "description"),
        ("Essential Functions", "duties"),
        ("Minimum Qualifications > Education and Experience", "qualifications"),
        ("Minimum Qualifications > Knowledge, Skills and Abilities", "knowledge_skills"),
        ("Working Conditions", "other"),
    ]
    assert sections[2].blocks[0].lines[0] == (
        "- Processes vendor invoices, verifies coding and prepares weekly check runs."
    )
    assert_no_markers_in_blocks(sections)


def test_docx_sections(documents: dict[str, SourceDocument]) -> None:
    sections = sections_of(documents, "ashby-building-inspector-ii.docx")
    assert outline(sections) == [
        ("Building Inspector II", "heading"),
        ("Definition", "description"),
        ("Distinguishing Characteristics", "distinguishing"),
        ("Examples of Duties", "duties"),
        ("Minimum Qualifications > Training and Experience", "qualifications"),
        ("Minimum Qualifications > Knowledge, Skills and Abilities", "knowledge_skills"),
        ("Licenses and Certificates", "certification"),
        ("Class Series", "pay_table"),
    ]
    assert [b.kind for b in sections[0].blocks] == ["paragraph"] * 3 + ["table"]
    assert_no_markers_in_blocks(sections)


def test_cp1252_spec_sections(documents: dict[str, SourceDocument]) -> None:
    sections = sections_of(documents, "harlow-library-page-cp1252.txt")
    assert outline(sections) == [
        ("Library Page", "heading"),
        ("GENERAL DESCRIPTION", "description"),
        ("TYPICAL TASKS", "duties"),
        ("QUALIFICATIONS", "qualifications"),
    ]
    assert len(sections[2].blocks[0].lines) == 3


def test_a_form_whose_values_look_like_headings_keeps_them_as_text() -> None:
    # A posting's fields, each label and value on its own line: every line looks like a
    # heading, and none has text under it. Nothing may leave the index.
    blocks = parse_blocks(
        "Qualifications\n\nReports To\n\nPrincipal; Custodial Foreman\n\nSupervises\n\n"
        "Custodians\n\nJob Goal\n\nTo keep the building clean."
    )
    sections = build_sections(blocks, "Custodian, Head", [])
    kept = [line for s in sections for b in s.blocks for line in b.lines]
    for line in ("Reports To", "Principal; Custodial Foreman", "Supervises", "Custodians"):
        assert line in kept
    assert "To keep the building clean." in kept


def test_a_value_cut_off_its_line_stays_with_the_text_it_ends() -> None:
    # "Reports To: County Administrator and" runs on into a line alone that looks like a
    # heading and has nothing under it: it ends the value; it is no section of its own.
    blocks = parse_blocks(
        "POSITION DESCRIPTION\n\nPosition Title: Library Director\n\nDate: January 2022 "
        "Reports To: County Administrator and\n\n\nLibrary Board\n\nPURPOSE OF JOB:\n\n"
        "The Library Director plans the library's services.\n\nSUPERVISION\n\n"
        "Supervises the branch staff.\n\nMinimum Qualifications\n\nA degree."
    )
    sections = build_sections(blocks, "Library Director", [])
    dated = next(
        s for s in sections if any("Reports To" in line for b in s.blocks for line in b.lines)
    )
    assert dated.blocks[-1].lines == ["Library Board"]
    assert all(s.path[-1] != "Library Board" for s in sections)
    # A heading with nothing under it after text that ends its sentence still says nothing.
    ended = build_sections(
        parse_blocks("DUTIES\n\nPlans services.\n\nLibrary Board\n\nPURPOSE OF JOB:\n\nText."),
        "Library Director",
        [],
    )
    assert "Library Board" not in [line for s in ended for b in s.blocks for line in b.lines]


def test_a_form_label_alone_over_its_value_makes_no_headings() -> None:
    text = (
        "Job Description\n\nPosition title\n\nLabourer\n\nReports to\n\n"
        "Operations Supervisor or Parks Supervisor\n\nResponsibilities\n\n"
        "• Maintain emergency lights."
    )
    blocks = parse_blocks(text)
    headings = [b.lines[0] for b in blocks if b.kind == "heading"]
    assert headings == ["Job Description", "Responsibilities"]
    paragraphs = [b.lines[0] for b in blocks if b.kind == "paragraph"]
    assert paragraphs[:4] == [
        "Position title",
        "Labourer",
        "Reports to",
        "Operations Supervisor or Parks Supervisor",
    ]
    # A section's heading under a label is still a heading: "Duties" names a section.
    assert [b.kind for b in parse_blocks("Department\n\nDuties\n\nCleans floors.")][1] == "heading"
    # A label narrowed after a dash or a slash is the same label: its value is no heading.
    narrowed = parse_blocks(
        "Vacancy\n\nLocation - Province\n\nWestern Cape\n\nLocation - Town / City\n\n"
        "Corporate Head Office – Ladismith\n\nJob Purpose\n\nManages the municipality."
    )
    assert "Western Cape" not in [b.lines[0] for b in narrowed if b.kind == "heading"]


def test_the_lines_naming_a_documents_classes_head_their_parts_before_any_known_heading() -> None:
    text = (
        "Student Helper I\n\nWage Scale: $14.20-15.95\n\nFiles papers.\n\n"
        "Student Helper II\n\nWage Scale: $14.45-17.25\n\nTrains helpers."
    )
    classes = ["Student Helper I", "Student Helper II"]
    sections = build_sections(parse_blocks(text), "Student Helpers", classes)
    owned = [(s.class_title, [b.text for b in s.blocks]) for s in sections]
    assert owned == [
        ("Student Helper I", ["Wage Scale: $14.20-15.95", "Files papers."]),
        ("Student Helper II", ["Wage Scale: $14.45-17.25", "Trains helpers."]),
    ]
    # The document's own title line opens the document, not a part of one of its classes.
    titled = build_sections(parse_blocks(text), "Student Helper I", classes)
    assert titled[0].class_title is None and titled[0].blocks[0].text == "Student Helper I"
    # One class: its title line is the document's.
    alone = build_sections(parse_blocks(text), "Student Helpers", classes[:1])
    assert alone[0].class_title is None
