"""Reading standards from every supported format into SourceDocuments, and refusing bad files."""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

import pytest

from index.errors import SourceReadError, SourcesNotFound
from index.load import discover, guess_title, load_manifest, load_sources, read_document
from index.types import SourceDocument

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "standards"
SEEDS = Path(__file__).resolve().parent.parent / "sources"


def read_fixture(name: str) -> SourceDocument:
    return read_document(FIXTURES / name, name, {})


# --- each format ----------------------------------------------------------------------------


def test_plain_text_seed_unescapes_dollars_and_keeps_the_rest() -> None:
    relative = "texas/certified-peer-support-specialist-ii.txt"
    raw = (SEEDS / relative).read_bytes()
    document = read_document(SEEDS / relative, relative, {})
    assert b"\\$27,910" in raw
    assert "\\$" not in document.text
    assert "CERTIFIED PEER SUPPORT SPECIALIST I\t4007\tA10\t$27,910 - $39,571" in document.text
    assert document.format == "txt"
    assert document.content_hash == hashlib.sha256(raw).hexdigest()
    assert document.title == "Certified Peer Support Specialist II"


def test_html_schedule_rows_become_tab_separated_lines() -> None:
    document = read_fixture("riverbend-public-works-salary-schedule.html")
    lines = document.text.splitlines()
    header = lines.index("Class Title\tClass Code\tPay Grade\tMinimum\tMaximum")
    assert lines[header + 1] == "Maintenance Worker I\t6110\tPW12\t$41,600\t$52,520"
    assert lines[header + 5] == "Public Works Supervisor\t6140\tPW22\t$67,762\t$85,553"
    assert document.format == "html"
    assert document.title == "Public Works Salary Schedule"
    assert document.date == "July 1, 2024"


def test_html_drops_navigation_scripts_and_footer() -> None:
    text = read_fixture("riverbend-public-works-salary-schedule.html").text
    assert "Home" not in text and "Departments" not in text
    assert "dataLayer" not in text and "border-collapse" not in text
    assert "All rights reserved" not in text
    assert (
        "- Salaries shown are annual; hourly rates are the annual figure divided by 2,080."
        in text.splitlines()
    )


def test_html_marks_subheadings_by_depth_but_not_the_page_title() -> None:
    document = read_fixture("northfield-accounting-technician.htm")
    lines = document.text.splitlines()
    assert "ACCOUNTING TECHNICIAN" in lines  # h1, as written
    assert "## Minimum Qualifications" in lines
    assert "### Education and Experience" in lines
    assert "Job Code: 31810" in lines and "Pay Range: 8" in lines
    assert document.title == "Accounting Technician"
    assert document.date == "02/12/2021"
    assert document.format == "htm"


def test_pdf_text_layer_with_table_columns_as_tabs() -> None:
    document = read_fixture("county-eligibility-worker-ii.pdf")
    lines = document.text.splitlines()
    assert "Salary Range: $45,000 - $62,000 annually" in lines
    assert "Class Code: 2214" in lines
    assert "Class Title\tClass Code\tSalary Range" in lines
    assert "Eligibility Worker III\t2215\t$50,500 - $69,800" in lines
    assert "MINIMUM QUALIFICATIONS" in lines
    assert document.title == "Eligibility Worker II"
    assert document.date == "09/2023"  # the revision, not the establishment date
    assert document.format == "pdf"


def test_docx_paragraphs_headings_lists_and_tables() -> None:
    document = read_fixture("ashby-building-inspector-ii.docx")
    text = document.text
    assert "Class Code\t5E02" in text.splitlines()
    assert "Building Inspector I\t5E01\t21" in text.splitlines()
    assert "## Minimum Qualifications\n\n### Training and Experience" in text
    assert (
        "- Inspects residential and commercial construction for compliance with the "
        "building code.\n- Reviews plans"
    ) in text  # list items stay one block
    assert document.title == "Building Inspector II"
    assert document.date == "07/01/2023"
    assert document.format == "docx"


def test_markdown_pipe_table_becomes_tab_rows_and_emphasis_goes() -> None:
    document = read_fixture("water-treatment-operator-series.md")
    lines = document.text.splitlines()
    header = lines.index("Title\tCode\tGrade")
    assert lines[header + 1] == "Water Treatment Operator Trainee\t7410\tU08"
    assert lines[header + 4] == "Water Treatment Operator III\t7413\tU17"
    assert lines[header - 1] == ""  # the table is a block of its own
    assert "|" not in document.text
    assert "**" not in document.text
    assert "City of Cedar Falls · Utilities Department" in lines
    assert document.title == "Water Treatment Operator Series"
    assert document.date == "November 14, 2022"


def test_markdown_links_rules_and_setext_headings(tmp_path: Path) -> None:
    path = tmp_path / "spec.md"
    path.write_text(
        "Zoning Inspector\n================\n\nSee the [schedule](s.html).\n\n---\n\n"
        "| Class | Code | Range |\n|:--|--:|:-:|\n| Zoning Inspector | Z-210 | 9 |\n"
        "Text after.\n",
        encoding="utf-8",
    )
    text = read_document(path, "spec.md", {}).text
    assert "# Zoning Inspector" in text.splitlines()
    assert "See the schedule." in text
    assert "---" not in text
    assert "Class\tCode\tRange\nZoning Inspector\tZ-210\t9\n\nText after." in text


def test_gs_standard_title_keeps_its_series_designation() -> None:
    document = read_fixture("gs-0303-miscellaneous-clerk-and-assistant.txt")
    assert document.title == "Miscellaneous Clerk and Assistant Series, GS-0303"
    assert document.jurisdiction == "United States (federal)"


# --- encodings and bad files ----------------------------------------------------------------


def test_windows_1252_text_is_decoded_with_a_warning(caplog: pytest.LogCaptureFixture) -> None:
    name = "harlow-library-page-cp1252.txt"
    raw = (FIXTURES / name).read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    with caplog.at_level(logging.WARNING, logger="index.load"):
        document = read_fixture(name)
    assert any("Windows-1252" in r.getMessage() and name in r.getMessage() for r in caplog.records)
    assert "Hourly Rate: $15.50 – $18.25" in document.text
    assert "library’s collection" in document.text
    assert "“shelf reads”" in document.text and "résumé" in document.text
    assert document.title == "Library Page"


def test_corrupt_pdf_raises_source_read_error() -> None:
    with pytest.raises(SourceReadError, match="corrupt PDF"):
        read_fixture("corrupt-class-spec.pdf")


def test_corrupt_docx_raises_source_read_error(tmp_path: Path) -> None:
    path = tmp_path / "spec.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(SourceReadError, match="corrupt Word file"):
        read_document(path, "spec.docx", {})


@pytest.mark.parametrize(
    "junk",
    [
        bytes(range(256)) * 8,  # NUL bytes: an image or archive saved as .txt
        b"\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f" * 200,  # control bytes, no NUL
    ],
)
def test_binary_junk_in_a_text_file_is_refused(tmp_path: Path, junk: bytes) -> None:
    path = tmp_path / "junk.txt"
    path.write_bytes(junk)
    with pytest.raises(SourceReadError, match="binary"):
        read_document(path, "junk.txt", {})


@pytest.mark.parametrize("content", [b"", b"   \n\n\t\n"])
def test_empty_file_is_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    with pytest.raises(SourceReadError, match="no text found"):
        read_document(path, "empty.txt", {})


def test_missing_file_is_a_read_error(tmp_path: Path) -> None:
    with pytest.raises(SourceReadError, match="cannot read file"):
        read_document(tmp_path / "gone.txt", "gone.txt", {})


# --- the sources folder ---------------------------------------------------------------------


def test_load_sources_reads_every_fixture_and_skips_the_corrupt_one() -> None:
    result = load_sources(FIXTURES)
    assert sorted(d.source for d in result.documents) == [
        "ashby-building-inspector-ii.docx",
        "county-eligibility-worker-ii.pdf",
        "gs-0303-miscellaneous-clerk-and-assistant.txt",
        "harlow-library-page-cp1252.txt",
        "northfield-accounting-technician.htm",
        "riverbend-public-works-salary-schedule.html",
        "water-treatment-operator-series.md",
    ]
    assert [s.source for s in result.skipped] == ["corrupt-class-spec.pdf"]
    assert result.skipped[0].reason.startswith("corrupt PDF")


def test_manifest_facts_override_what_the_text_says() -> None:
    documents = {d.source: d for d in load_sources(FIXTURES).documents}
    docx = documents["ashby-building-inspector-ii.docx"]
    assert docx.jurisdiction == "Ashby, Massachusetts"
    assert docx.publisher == "Town of Ashby Human Resources"
    assert documents["water-treatment-operator-series.md"].publisher is None


def test_manifest_title_and_date_for_the_seeds() -> None:
    documents = {d.source: d for d in load_sources(SEEDS).documents}
    new_york = documents["new-york/certified-peer-specialist-series.txt"]
    assert new_york.title == "Certified Peer Specialist Series"
    assert new_york.jurisdiction == "New York"
    assert new_york.date == "4/2024"
    assert documents["texas/certified-peer-support-specialist-ii.txt"].jurisdiction == "Texas"


def test_a_bad_manifest_is_ignored_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "manifest.yaml").write_text("a: [unclosed", encoding="utf-8")
    (tmp_path / "list.yaml").write_text("- just\n- a list\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="index.load"):
        assert load_manifest(tmp_path / "manifest.yaml") == {}
        assert load_manifest(tmp_path / "list.yaml") == {}
    assert len([r for r in caplog.records if "ignored manifest" in r.getMessage()]) == 2
    assert load_manifest(tmp_path / "absent.yaml") == {}


def test_discover_skips_hidden_and_unsupported_files(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    for name in ("a.TXT", "b/c.md", ".hidden.txt", ".git/d.txt", "e.csv", "f.docx", "g.xls"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert [p.relative_to(tmp_path).as_posix() for p in discover(tmp_path)] == [
        "a.TXT",
        "b/c.md",
        "e.csv",
        "f.docx",
    ]


def test_missing_sources_folder(tmp_path: Path) -> None:
    with pytest.raises(SourcesNotFound):
        load_sources(tmp_path / "nowhere")


# --- titles ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("COUNTY OF MARLOW\nClass Specification\nELIGIBILITY WORKER II\n", "Eligibility Worker II"),
        ("New York State Department of Civil Service\nOcc. Code 5574100\nPeer Aide\n", "Peer Aide"),
        (
            "U.S. Office of Personnel Management\nQualification Standards for General Schedule "
            "Positions\nBudget Analysis Series, GS-0560\n",
            "Budget Analysis Series, GS-0560",
        ),
        ("# **Records Clerk**\n", "Records Clerk"),
        ("- Home\nClass Code: 1234\nCLASS TITLE\tCODE\n", None),
    ],
)
def test_guess_title(text: str, title: str | None) -> None:
    assert guess_title(text) == title


def test_title_falls_back_to_the_file_name(tmp_path: Path) -> None:
    path = tmp_path / "senior-planner.txt"
    path.write_text("Class Code: 7720\nPay Grade: 31\n", encoding="utf-8")
    assert read_document(path, "senior-planner.txt", {}).title == "Senior Planner"


def test_html_line_breaks_inside_a_paragraph_end_lines(tmp_path: Path) -> None:
    path = tmp_path / "spec.html"
    path.write_text(
        "<h1>Deputy Clerk</h1><p><b>Job Code:</b> 2210<br><b>Pay Range:</b>\n 14</p>"
        "<table><tr><td>Deputy<br>Clerk</td><td>2210</td></tr></table>",
        encoding="utf-8",
    )
    lines = read_document(path, "spec.html", {}).text.splitlines()
    assert "Job Code: 2210" in lines and "Pay Range: 14" in lines
    assert "Deputy Clerk\t2210" in lines


def test_password_protected_pdf_is_refused(tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    writer.append(PdfReader(FIXTURES / "county-eligibility-worker-ii.pdf"))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    path = tmp_path / "locked.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    with pytest.raises(SourceReadError, match="encrypted PDF"):
        read_document(path, "locked.pdf", {})
