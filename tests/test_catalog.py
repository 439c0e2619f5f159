"""The class catalog: one record per class level, with exact figures and verbatim evidence."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.catalog import ParsedStandard, parse_standard
from index.load import load_manifest, read_document
from index.types import ClassRecord

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


@pytest.fixture(scope="module")
def texas() -> ParsedStandard:
    return parse_seed(TEXAS)


@pytest.fixture(scope="module")
def new_york() -> ParsedStandard:
    return parse_seed(NEW_YORK)


# --- the Texas seed -------------------------------------------------------------------------


def test_texas_has_both_levels_from_the_table(texas: ParsedStandard) -> None:
    records = by_title(texas)
    assert list(records) == ["Certified Peer Support Specialist I",
                             "Certified Peer Support Specialist II"]
    first, second = records.values()
    assert (first.series, first.level, first.code) == ("Certified Peer Support Specialist", 1,
                                                        "4007")
    assert (first.pay_label, first.pay_grade) == ("Salary Group", "A10")
    assert (first.salary_min, first.salary_max) == ("$27,910", "$39,571")
    assert (second.series, second.level, second.code) == ("Certified Peer Support Specialist", 2,
                                                          "4008")
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
        ("GENERAL QUALIFICATION GUIDELINES > KNOWLEDGE, SKILLS, AND ABILITIES",
         "knowledge_skills"),
        ("GENERAL QUALIFICATION GUIDELINES > REGISTRATION, CERTIFICATION, OR LICENSURE",
         "certification"),
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
        ("Illustrative Duties > Certified Peer Specialist 1", "duties",
         "Certified Peer Specialist 1"),
        ("Illustrative Duties > Certified Peer Specialist 2", "duties",
         "Certified Peer Specialist 2"),
        ("Minimum Qualifications > Certified Peer Specialist 1", "qualifications",
         "Certified Peer Specialist 1"),
        ("Minimum Qualifications > Certified Peer Specialist 2", "qualifications",
         "Certified Peer Specialist 2"),
        ("Note", "note", None),
        ("Date", "note", None),
    ]
