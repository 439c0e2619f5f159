"""PDF, Word, HTML and Markdown read into the one plain-text shape the structure parser reads."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import docx
import pytest

from index.errors import SourceReadError
from index.formats import docx_text, html_text, markdown_text, pdf_text

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
    [(pdf_text, "corrupt PDF"), (docx_text, "corrupt Word file")],
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
