"""The class catalog on standards of other shapes: HTML schedule, PDF, Markdown, GS, Word."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.catalog import ParsedStandard, parse_standard
from index.load import load_sources
from index.types import Evidence
from tests.test_catalog import assert_evidence_verbatim, by_title, facts

ROOT = Path(__file__).resolve().parent.parent


# --- the fixtures: other shapes -------------------------------------------------------------

FIXTURES = ROOT / "tests" / "fixtures" / "standards"


@pytest.fixture(scope="module")
def fixtures() -> dict[str, ParsedStandard]:
    return {d.source: parse_standard(d) for d in load_sources(FIXTURES).documents}


def test_every_fixture_is_recognised_with_verbatim_evidence(
    fixtures: dict[str, ParsedStandard],
) -> None:
    assert len(fixtures) == 7
    for parsed in fixtures.values():
        assert parsed.recognised, parsed.document.source
        assert_evidence_verbatim(parsed)


def test_html_salary_schedule(fixtures: dict[str, ParsedStandard]) -> None:
    parsed = fixtures["riverbend-public-works-salary-schedule.html"]
    assert [facts(r) for r in parsed.classes] == [
        (
            "Maintenance Worker I",
            "Maintenance Worker",
            1,
            "6110",
            "Pay Grade",
            "PW12",
            "$41,600",
            "$52,520",
        ),
        (
            "Maintenance Worker II",
            "Maintenance Worker",
            2,
            "6111",
            "Pay Grade",
            "PW14",
            "$45,864",
            "$57,907",
        ),
        (
            "Equipment Operator",
            "Equipment Operator",
            None,
            "6120",
            "Pay Grade",
            "PW16",
            "$50,565",
            "$63,842",
        ),
        (
            "Maintenance Crew Leader",
            "Maintenance Crew Leader",
            None,
            "6130",
            "Pay Grade",
            "PW18",
            "$55,748",
            "$70,386",
        ),
        (
            "Public Works Supervisor",
            "Public Works Supervisor",
            None,
            "6140",
            "Pay Grade",
            "PW22",
            "$67,762",
            "$85,553",
        ),
    ]
    salary = parsed.classes[1].evidence_for("salary")
    assert salary == Evidence(
        "salary", "Salary Schedule", "Maintenance Worker II\t6111\tPW14\t$45,864\t$57,907"
    )
    assert all(r.date == "July 1, 2024" for r in parsed.classes)


def test_pdf_class_spec(fixtures: dict[str, ParsedStandard]) -> None:
    parsed = fixtures["county-eligibility-worker-ii.pdf"]
    records = by_title(parsed)
    assert [facts(r) for r in parsed.classes] == [
        ("Eligibility Worker I", "Eligibility Worker", 1, "2213", None, None, "$40,000", "$54,500"),
        (
            "Eligibility Worker II",
            "Eligibility Worker",
            2,
            "2214",
            None,
            None,
            "$45,000",
            "$62,000",
        ),
        (
            "Eligibility Worker III",
            "Eligibility Worker",
            3,
            "2215",
            None,
            None,
            "$50,500",
            "$69,800",
        ),
    ]
    second = records["Eligibility Worker II"]
    assert second.level_label == "journey level"
    assert records["Eligibility Worker I"].level_label is None
    quotes = {(e.field, e.section, e.quote) for e in second.evidence}
    assert ("salary", "Eligibility Worker II", "Salary Range: $45,000 - $62,000 annually") in quotes
    assert ("code", "Eligibility Worker II", "Class Code: 2214") in quotes
    assert (
        "salary",
        "SALARY RANGES FOR THE SERIES",
        "Eligibility Worker II\t2214\t$45,000 - $62,000",
    ) in quotes


def test_markdown_series_of_four_levels(fixtures: dict[str, ParsedStandard]) -> None:
    parsed = fixtures["water-treatment-operator-series.md"]
    assert [(*facts(r), r.level_label) for r in parsed.classes] == [
        (
            "Water Treatment Operator Trainee",
            "Water Treatment Operator",
            None,
            "7410",
            "Grade",
            "U08",
            None,
            None,
            "Entry level",
        ),
        (
            "Water Treatment Operator I",
            "Water Treatment Operator",
            1,
            "7411",
            "Grade",
            "U11",
            None,
            None,
            "Working level",
        ),
        (
            "Water Treatment Operator II",
            "Water Treatment Operator",
            2,
            "7412",
            "Grade",
            "U14",
            None,
            None,
            "Journey level",
        ),
        (
            "Water Treatment Operator III",
            "Water Treatment Operator",
            3,
            "7413",
            "Grade",
            "U17",
            None,
            None,
            "Lead level",
        ),
    ]
    # "Series Code: WTO" names the series, not a class: no record for the series title.
    assert "Water Treatment Operator Series" not in by_title(parsed)
    code = parsed.classes[0].evidence_for("code")
    assert code is not None and code.quote == "Water Treatment Operator Trainee\t7410\tU08"


def test_federal_gs_standard(fixtures: dict[str, ParsedStandard]) -> None:
    parsed = fixtures["gs-0303-miscellaneous-clerk-and-assistant.txt"]
    assert [facts(r) for r in parsed.classes] == [
        (
            "Miscellaneous Clerk and Assistant, GS-4",
            "Miscellaneous Clerk and Assistant",
            4,
            "0303",
            "Grade",
            "GS-4",
            None,
            None,
        ),
        (
            "Miscellaneous Clerk and Assistant, GS-5",
            "Miscellaneous Clerk and Assistant",
            5,
            "0303",
            "Grade",
            "GS-5",
            None,
            None,
        ),
        (
            "Miscellaneous Clerk and Assistant, GS-7",
            "Miscellaneous Clerk and Assistant",
            7,
            "0303",
            "Grade",
            "GS-7",
            None,
            None,
        ),
    ]
    gs5 = parsed.classes[1]
    assert gs5.pay_text == "Grade GS-5"
    assert gs5.salary_text is None
    assert gs5.jurisdiction == "United States (federal)"
    grade = gs5.evidence_for("pay_grade")
    assert grade is not None and grade.quote.startswith("GS-5\t4-year course of study")
    assert grade.section == "EXPERIENCE AND EDUCATION REQUIREMENTS"
    code = gs5.evidence_for("code")
    assert code is not None and code.quote == "Series Code: 0303"


def test_city_spec_with_pay_range_and_no_dollars(fixtures: dict[str, ParsedStandard]) -> None:
    parsed = fixtures["northfield-accounting-technician.htm"]
    assert [facts(r) for r in parsed.classes] == [
        (
            "Accounting Technician",
            "Accounting Technician",
            None,
            "31810",
            "Pay Range",
            "8",
            None,
            None,
        ),
    ]
    record = parsed.classes[0]
    assert record.pay_text == "Pay Range 8"
    assert [(e.field, e.section, e.quote) for e in record.evidence] == [
        ("code", "Accounting Technician", "Job Code: 31810"),
        ("pay_grade", "Accounting Technician", "Pay Range: 8"),
    ]


def test_docx_codes_with_letters(fixtures: dict[str, ParsedStandard]) -> None:
    parsed = fixtures["ashby-building-inspector-ii.docx"]
    assert [(*facts(r), r.level_label) for r in parsed.classes] == [
        (
            "Building Inspector I",
            "Building Inspector",
            1,
            "5E01",
            "Pay Grade",
            "21",
            None,
            None,
            "entry level",
        ),
        (
            "Building Inspector II",
            "Building Inspector",
            2,
            "5E02",
            "Pay Grade",
            "24",
            None,
            None,
            "journey level",
        ),
        (
            "Senior Building Inspector",
            "Senior Building Inspector",
            None,
            "5E03",
            "Pay Grade",
            "27",
            None,
            None,
            None,
        ),
    ]
    second = by_title(parsed)["Building Inspector II"]
    assert {(e.field, e.quote) for e in second.evidence} >= {
        ("code", "Class Code\t5E02"),
        ("pay_grade", "Pay Grade\t24"),
    }
    # The key/value rows of the title block are not classes.
    assert "Class Code" not in by_title(parsed) and "FLSA Status" not in by_title(parsed)
    assert second.jurisdiction == "Ashby, Massachusetts"


def test_cp1252_spec_with_hourly_rate(fixtures: dict[str, ParsedStandard]) -> None:
    parsed = fixtures["harlow-library-page-cp1252.txt"]
    assert [facts(r) for r in parsed.classes] == [
        ("Library Page", "Library Page", None, "LP-1", None, None, "$15.50", "$18.25"),
    ]
    salary = parsed.classes[0].evidence_for("salary")
    assert salary is not None and salary.quote == "Hourly Rate: $15.50 – $18.25"
