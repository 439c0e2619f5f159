"""Turn PDF, Word, HTML, Markdown, CSV and spreadsheets into plain text the structure parser
reads the same way.

The shared shape: one block of text a line, blank lines between paragraphs, headings marked
with Markdown `#` by depth where the format knows it, and every table row on one line with its
cells separated by tabs (so a row stays whole and its header can travel with it). Heading
markers stay out of the text the parser quotes: it strips them from heading lines.
"""

from __future__ import annotations

import csv
import re
from datetime import date, datetime, time
from io import BytesIO

from index.errors import SourceReadError

# pypdf's layout mode places text by position: a gap this wide between words is a column gap.
_COLUMN_GAP = re.compile(r" {3,}")
_HTML_BLOCKS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "tr", "dt", "dd", "caption", "pre")
# A <br> inside a paragraph ("<b>Job Code:</b> 31810<br><b>Pay Range:</b> 8") ends a line.
_LINE_BREAK = "\ue000"
_HTML_HIDDEN = ("script", "style", "noscript", "head", "nav", "footer", "template")
_MD_TABLE_RULE = re.compile(r"^\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?$")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_LINK = re.compile(r"(?<!!)\[([^\]]+)\]\([^)]*\)")
_MD_SETEXT = re.compile(r"^(=+|-+)\s*$")
_MD_RULE = re.compile(r"^(?:-{3,}|\*{3,}|_{3,})$")


def pdf_text(raw: bytes) -> str:
    """The text layer of a PDF, page by page, with table columns turned into tabs."""
    from pypdf import PdfReader

    try:
        reader = PdfReader(BytesIO(raw))
        if reader.is_encrypted and not reader.decrypt(""):
            raise SourceReadError("encrypted PDF: no text can be read without its password")
        pages = [_pdf_page_text(page) for page in reader.pages]
    except SourceReadError:
        raise
    except Exception as error:  # pypdf raises many types (struct, KeyError, ...) on bad files
        raise SourceReadError(f"corrupt PDF: {error}") from error
    return "\n\n".join(pages)


def _pdf_page_text(page: object) -> str:
    extract = page.extract_text  # type: ignore[attr-defined]
    try:
        text = extract(extraction_mode="layout") or ""
    except (ValueError, KeyError, ZeroDivisionError):  # layout mode fails on some fonts
        return str(extract() or "")
    return "\n".join(_COLUMN_GAP.sub("\t", line.strip()) for line in text.splitlines())


def docx_text(raw: bytes) -> str:
    """Paragraphs and tables in document order; headings marked by level, list items by "- "."""
    from zipfile import BadZipFile

    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(BytesIO(raw))
    except (BadZipFile, KeyError, ValueError) as error:
        raise SourceReadError(f"corrupt Word file: {error}") from error
    lines: list[str] = []
    for element in document.element.body.iterchildren():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = Paragraph(element, document)
            text = paragraph.text.strip()
            if text:
                style = paragraph.style.name if paragraph.style is not None else ""
                marker = _docx_marker(style or "")
                if not (marker == "- " and lines and lines[-1].startswith("- ")):
                    lines.append("")  # list items run on; everything else is its own block
                lines.append(marker + text)
        elif tag == "tbl":
            table = Table(element, document)
            lines.append("")
            lines += ["\t".join(_cell_text(cell.text) for cell in row.cells) for row in table.rows]
            lines.append("")
    return "\n".join(lines).strip("\n") + "\n"


def _docx_marker(style: str) -> str:
    """ "Heading N" becomes Markdown depth N+1 (the "Title" style is depth 1, left unmarked like
    an HTML h1, so the title reads as written in the title block); list styles a bullet."""
    match = re.fullmatch(r"Heading (\d)", style)
    if match:
        return "#" * min(int(match.group(1)) + 1, 6) + " "
    return "- " if style.startswith("List") else ""


def html_text(html: str) -> str:
    """Visible text, one block a line; headings marked by level; table rows tab-separated."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for hidden in soup(list(_HTML_HIDDEN)):
        hidden.decompose()
    for line_break in soup.find_all("br"):
        line_break.replace_with(_LINE_BREAK)
    lines: list[str] = []
    for element in soup.find_all(list(_HTML_BLOCKS)):
        if element.find_parent(list(_HTML_BLOCKS)):  # nested blocks are read with their parent
            continue
        if element.name == "tr":
            cells = [c.get_text(" ", strip=True) for c in element.find_all(["th", "td"])]
            lines.append("\t".join(_cell_text(c.replace(_LINE_BREAK, " ")) for c in cells))
            continue
        parts = element.get_text(" ", strip=True).split(_LINE_BREAK)
        text = "\n".join(part for part in map(_cell_text, parts) if part)
        if not text:
            continue
        if element.name == "li":
            text = f"- {text}"
        elif element.name[0] == "h" and element.name != "h1":
            # h2-h6 keep their depth; h1, the page title, is left as written (see _docx_marker).
            text = "#" * int(element.name[1]) + " " + text
        if element.name[0] == "h" or element.name in ("p", "caption", "dt"):
            lines.append("")
        lines.append(text)
    if not any(line.strip() for line in lines):  # no block markup: plain text in a page
        return str(soup.get_text("\n"))
    return "\n".join(lines)


def _cell_text(text: str) -> str:
    """One line of text: runs of whitespace (including non-breaking spaces) become one space."""
    return " ".join(text.split())


def markdown_text(text: str) -> str:
    """Markdown with pipe tables as tab-separated rows, emphasis and links as their words."""
    lines: list[str] = []
    for line in text.split("\n"):
        stripped = line.strip()
        if "|" in stripped and _MD_TABLE_RULE.match(stripped) and lines and "\t" in lines[-1]:
            continue  # the |---|---| rule under a table header
        if _MD_RULE.match(stripped) and not (lines and lines[-1].strip()):
            continue  # a horizontal rule between blocks carries no text
        if _is_pipe_row([line]):
            if lines and lines[-1].strip() and "\t" not in lines[-1]:
                lines.append("")
            lines.append("\t".join(_pipe_cells(stripped)))
            continue
        if lines and "\t" in lines[-1] and stripped:
            lines.append("")  # a table ends where a line without pipes begins
        setext = _MD_SETEXT.match(stripped)
        if setext and lines and lines[-1].strip() and not lines[-1].startswith("#"):
            lines[-1] = ("# " if setext.group(1)[0] == "=" else "## ") + lines[-1].strip()
            continue
        lines.append(_MD_LINK.sub(r"\1", _MD_EMPHASIS.sub(r"\2", line)))
    return "\n".join(lines)


def _is_pipe_row(lines: list[str]) -> bool:
    return bool(lines) and lines[0].strip().startswith("|") and lines[0].strip().count("|") >= 2


def _pipe_cells(row: str) -> list[str]:
    cells = re.split(r"(?<!\\)\|", row.strip().strip("|"))
    return [_MD_LINK.sub(r"\1", _MD_EMPHASIS.sub(r"\2", cell.strip())) for cell in cells]


def csv_text(text: str) -> str:
    """A comma-, semicolon- or tab-separated file as tab-separated rows; an empty row is the
    blank line between two tables."""
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:4096], ",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = csv.reader(text.splitlines(), dialect)
    return "\n".join("\t".join(_cell_text(c) for c in row).rstrip("\t") for row in rows)


def xlsx_text(raw: bytes) -> str:
    """Every sheet of an Excel workbook, its name as a heading and each row tab-separated, the
    cells written as the sheet shows them ("$52,577.00" for 52577 under "$#,##0.00")."""
    from zipfile import BadZipFile

    from openpyxl import load_workbook

    try:
        book = load_workbook(BytesIO(raw), read_only=True, data_only=True)
    except (BadZipFile, KeyError, ValueError, OSError) as error:
        raise SourceReadError(f"corrupt spreadsheet: {error}") from error
    blocks = []
    for sheet in book.worksheets:
        rows = [
            "\t".join(_shown(c.value, c.number_format) for c in row).rstrip("\t")
            for row in sheet.iter_rows()
        ]
        while rows and not rows[-1]:
            rows.pop()
        if rows:
            heading = f"## {sheet.title}\n\n" if len(book.worksheets) > 1 else ""
            blocks.append(heading + "\n".join(rows))
    book.close()
    return "\n\n".join(blocks)


# "$#,##0.00", "[$€-x-euro2] #,##0", "0.0%": the parts of a number format the text keeps.
_FORMAT_CURRENCY = re.compile(r"\[\$([^\]-]*)[^\]]*\]|([$£€¥₹])")
_FORMAT_DECIMALS = re.compile(r"\.(0+)")


def _shown(value: object, number_format: str | None) -> str:
    """A cell's value as its number format shows it: thousands separators, decimals, a
    currency sign and a percent; dates as dates; text as written."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(" ")
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, bool) or not isinstance(value, int | float):
        return _cell_text(str(value))
    shown_format = (number_format or "General").split(";")[0]
    if shown_format == "General":
        return str(int(value)) if float(value).is_integer() else repr(value)
    number = value * 100 if "%" in shown_format else value
    decimals = _FORMAT_DECIMALS.search(shown_format)
    places = len(decimals.group(1)) if decimals else 0
    figure = f"{number:,.{places}f}" if "," in shown_format else f"{number:.{places}f}"
    currency = _FORMAT_CURRENCY.search(shown_format)
    sign = (currency.group(1) or currency.group(2)) if currency else ""
    return f"{sign}{figure}{'%' if '%' in shown_format else ''}"
