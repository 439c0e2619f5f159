"""PDF, Word, HTML, Markdown, CSV and spreadsheets read into the one plain-text shape the
structure parser reads."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import docx
import openpyxl
import pytest

from index.catalog import parse_standard
from index.errors import SourceReadError
from index.formats import csv_text, docx_text, html_text, markdown_text, pdf_text, xlsx_text
from index.load import read_document

FIXTURES = Path(__file__).parent / "fixtures" / "standards"


def test_markdown_headings_tables_emphasis_and_links() -> None:
    text = (
        "Title\n=====\n\nSub\n---\n\n**Job Code:** 31810 [link](http://x)\n\n"
        "| Title | Grade |\n|---|---|\n| Clerk | 5 |\n| **Typist** | 6 |\n"
        "After table\n\n---\n\ntext"
    )
    assert markdown_text(text) == (
        "# Title\n\n## Sub\n\nJob Code: 31810 link\n\n"
        "Title\tGrade\nClerk\t5\nTypist\t6\n\nAfter table\n\n\ntext"
    )


def test_markdown_pipe_cells_keep_escaped_pipes_and_start_a_block() -> None:
    assert markdown_text("Intro\n| a \\| b | c |") == "Intro\n\na \\| b\tc"


def test_html_blocks_headings_line_breaks_lists_and_tables() -> None:
    html = (
        "<html><head><title>T</title></head><body><script>bad()</script><h1>Clerk</h1>"
        "<h2>Duties</h2><p><b>Job Code:</b> 31810<br><b>Pay Range:</b> 8</p><ul><li>Files</li>"
        "</ul><table><tr><th>Title</th><th>Grade</th></tr><tr><td>Clerk&nbsp; I</td><td>5</td>"
        "</tr></table><nav>menu</nav></body></html>"
    )
    assert html_text(html) == (
        "\nClerk\n\n## Duties\n\nJob Code: 31810\nPay Range: 8\n- Files\nTitle\tGrade\nClerk I\t5"
    )


def test_html_without_blocks_is_read_as_plain_text() -> None:
    assert html_text("just text") == "just text"
    assert html_text("<div>one</div><div>two</div>") == "one\ntwo"


def test_docx_headings_lists_paragraphs_and_tables() -> None:
    document = docx.Document()
    document.add_paragraph("Clerk", style="Title")
    document.add_heading("Duties", level=1)
    document.add_paragraph("Files", style="List Bullet")
    document.add_paragraph("Types", style="List Bullet")
    document.add_paragraph("Plain para")
    table = document.add_table(rows=2, cols=2)
    for (row, column), text in {(0, 0): "Title", (0, 1): "Grade", (1, 0): "Clerk  I"}.items():
        table.cell(row, column).text = text
    table.cell(1, 1).text = "5"
    raw = io.BytesIO()
    document.save(raw)
    assert docx_text(raw.getvalue()) == (
        "Clerk\n\n## Duties\n\n- Files\n- Types\n\nPlain para\n\nTitle\tGrade\nClerk I\t5\n"
    )


@pytest.mark.parametrize(
    ("read", "message"),
    [(pdf_text, "corrupt PDF"), (docx_text, "corrupt Word file"), (xlsx_text, "spreadsheet")],
)
def test_corrupt_files_raise_a_read_error(read: Callable[[bytes], str], message: str) -> None:
    with pytest.raises(SourceReadError, match=message):
        read(b"not a document")


def test_pdf_table_columns_become_tabs() -> None:
    raw = (FIXTURES / "county-eligibility-worker-ii.pdf").read_bytes()
    text = pdf_text(raw)
    assert text.startswith("COUNTY OF MARLOW\nClass Specification\nELIGIBILITY WORKER II")
    assert "Class Title\tClass Code\tSalary Range" in text.splitlines()
    assert "Eligibility Worker II\t2214\t$45,000 - $62,000" in text.splitlines()


@pytest.mark.parametrize(
    "text",
    [
        'Title,Grade,Hourly\n"Clerk, Senior",5,"$24.30"\n\nNotes,,\n',
        "Title;Grade;Hourly\nClerk, Senior;5;$24.30\n\nNotes;;\n",
        "Title\tGrade\tHourly\nClerk, Senior\t5\t$24.30\n\nNotes\t\t\n",
    ],
    ids=["comma", "semicolon", "tab"],
)
def test_csv_rows_become_tab_rows_with_their_cells_as_written(text: str) -> None:
    assert csv_text(text) == "Title\tGrade\tHourly\nClerk, Senior\t5\t$24.30\n\nNotes"


def _workbook(*sheets: tuple[str, list[list[object]]]) -> openpyxl.Workbook:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets:
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    return book


def _saved(book: openpyxl.Workbook) -> bytes:
    raw = io.BytesIO()
    book.save(raw)
    return raw.getvalue()


def test_spreadsheet_cells_are_written_as_the_sheet_shows_them() -> None:
    book = _workbook(
        ("Rates", [["Title", "Hourly", "Annual", "Raise", "Effective", "Steps"]]),
        ("Notes", [["Rates effective July 1"]]),
    )
    rates = book["Rates"]
    rates.append(["Park Ranger I", 24.3, 52577, 0.035, datetime(2026, 7, 1), 5])
    rates["B2"].number_format = '"$"#,##0.00'
    rates["C2"].number_format = "[$£-809]#,##0"
    rates["D2"].number_format = "0.0%"
    assert xlsx_text(_saved(book)) == (
        "## Rates\n\nTitle\tHourly\tAnnual\tRaise\tEffective\tSteps\n"
        "Park Ranger I\t$24.30\t£52,577\t3.5%\t2026-07-01\t5\n\n"
        "## Notes\n\nRates effective July 1"
    )


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_salary_schedule_file_gives_the_catalog_its_classes(tmp_path: Path, suffix: str) -> None:
    rows = [
        ["Class Title", "Class Code", "Pay Grade", "Minimum", "Maximum"],
        ["Account Clerk I", "1101", "12", "$31,221.00", "$45,100.00"],
        ["Account Clerk II", "1102", "14", "$34,500.00", "$49,900.00"],
    ]
    path = tmp_path / f"schedule{suffix}"
    if suffix == ".csv":
        path.write_text("\n".join(",".join(f'"{c}"' for c in row) for row in rows), "utf-8")
    else:
        path.write_bytes(_saved(_workbook(("Schedule", rows))))
    classes = parse_standard(read_document(path, path.name, {})).classes
    assert [(c.title, c.code, c.pay_grade, c.salary_min, c.salary_max) for c in classes] == [
        ("Account Clerk I", "1101", "12", "$31,221.00", "$45,100.00"),
        ("Account Clerk II", "1102", "14", "$34,500.00", "$49,900.00"),
    ]
