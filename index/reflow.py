"""Tables flattened to a cell a line, put back into rows; rows whose cells are joined by dot
leaders, written with tabs; and a header written a cell a line right above tab rows, joined.

A web page's table copied as text often comes out one cell a line, with blank lines between:
"Grade", "Spinal Column Point (SCP)", "Basic Salary (£)", then "HB", "2", "23,656", "HA", "2",
"23,656" ... Read a line at a time, no row holds a grade and its salary together. The header
says how many cells a row has; when the cells below it fall into rows of that many, each cell
of the same shape as the one above it (a word, a small number, an amount), the rows are
written back a line each with tabs between their cells, as the other readers write a table
("HB\t2\t23,656"). Nothing else of the text changes.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from functools import cache

from index.dates import writes_a_date
from index.money import period_in
from index.pay_tables import amount_cell
from index.structure import label_heading
from index.vocab import field_labels, value_labels

__all__ = [
    "alternating_pairs_joined",
    "bare_labels_joined",
    "bullets_rejoined",
    "dot_leaders_as_tabs",
    "join_stacked_headers",
    "labels_unglued",
    "pipe_rows_by_header",
    "pipe_rows_joined",
    "rejoin_cell_lines",
    "run_in_labels_parted",
    "spaced_rows_as_tabs",
    "stacked_labels_joined",
    "wrapped_bars_closed",
]

# "Police Dispatcher 2......$28.76 - $34.96......$4,984": a run of dots leading to a figure.
_DOT_LEADER = re.compile(r"(?<=\S)[ \t]*\.{4,}[ \t]*(?=[$£€]?\d)")
# Four dashes or more between two cells' characters: not a rule line, nor a markdown table's
# "|---|" (a bar beside the dashes), nor a range's one dash.
_DASH_LEADER = re.compile(r"(?<=[\w).%*+])-{4,}(?=[\w$£€¥₹*(])")

# A header names at least two columns and at most twelve.
_MIN_COLUMNS = 2
_MAX_COLUMNS = 12
_MIN_ROWS = 3
_MAX_CELL_WORDS = 8
# A row's key may be a longer title ("Border Force Officer Recruit Trainee Programme (APS
# Level 2)"), never a sentence.
_MAX_KEY_WORDS = 12
# A cell that ends a sentence or a label ("Salary:") is text or a label, not a table cell.
_NOT_A_CELL = re.compile(r"[.:;!?]$")


@cache
def _glued_label() -> re.Pattern[str]:
    """A field's label in capitals right after a lower-case letter, before its colon."""
    labels = field_labels()
    words = {w for w in (*labels.code, *labels.grade, *labels.salary) if w[:1].isalpha()}
    forms = {form for w in words for form in (w.title(), w.upper(), w[:1].upper() + w[1:])}
    alternation = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<=[a-z])(?=(?:{alternation})\s*:)")


def labels_unglued(text: str) -> str:
    """The text with a field's label that a page ran into the heading before it put on a line
    of its own: "Job DescriptionSalary: $22.1501 - $26.9237 per hour" -> "Job Description" /
    "Salary: ...". A label starts with a capital, and only the labels of codes, grades and pay
    are known, so a word in camel case ("JavaScript:") stays whole. A term run into its
    definition ("Dearness allowanceNPR 5,000 per month") is given its colon."""
    text = _GLUED_LINE_LABEL.sub("\n", _glued_label().sub("\n", text))
    return _GLUED_TERM.sub(r"\g<term>: \g<value>", text)


# Any label in capitals that ends its line, run onto the value before it, as a form copied a
# label over its value writes it ("$4,207 - $5,842Position Type:", "01/26/2025Agency:"): after a
# figure, or, two words at least, after a word ("EmployeePosition Title:"; not "JavaScript:").
_GLUED_LINE_LABEL = re.compile(
    r"(?<=\d)(?=[A-Z][a-z]+(?: [A-Z][a-z]+){0,3}:[ \t]*$)"
    r"|(?<=[a-z])(?=[A-Z][a-z]+(?: [A-Z][a-z]+){1,3}:[ \t]*$)",
    re.MULTILINE,
)


# A term of a definition list run into its definition, as a page's facts box copies: "Dearness
# allowanceNPR 5,000 per month", "Governing lawCivil Service Act", "General retirement age58
# years". Two words at least before it, the last of three lower-case letters or a ")" ("Mc"
# of "McKinney" is no term), and no colon before it on the line.
_GLUED_TERM = re.compile(
    r"^(?P<term>[A-Z][A-Za-z'-]*(?: [A-Za-z/'()&-]+){0,5} (?:[a-z]*[a-z]{3}|\([^()\n:]{1,30}\)))"
    r"(?P<value>[A-Z0-9~][^\n]*)$",
    re.MULTILINE,
)
# A label alone on its line, ending in a colon ("Class Code:", "Fed Category:", "Minimum:"),
# and a short value with a figure alone on the next ("HB40", "E2", "$27,510.00").
_STACKED_LABEL = re.compile(r"^[ \t]*[A-Za-z][A-Za-z .&/#()'-]{0,40}:[ \t]*$")
_STACKED_VALUE = re.compile(r"^[ \t]*(?=[^:\n]*\d)[^:\s][^:\n]{0,29}$")
_MAX_VALUE_WORDS = 3


def stacked_labels_joined(text: str) -> str:
    """The text with each label alone on its line joined to the short value with a figure
    alone on the line below it, as a form's fields print when copied a cell a line: "Class
    Code:" / "HB40" -> "Class Code: HB40", "Minimum:" / "$27,510.00" -> "Minimum: $27,510.00".
    One blank line may stand between them ("Salary Range:" / "" / "$31,200 - $33,032"). A
    label above another label ("Salary:" above "Minimum:") or above a sentence stays."""

    def joins(line: str, below: str) -> bool:
        return bool(
            _STACKED_LABEL.match(line)
            and _STACKED_VALUE.match(below)
            and len(below.split()) <= _MAX_VALUE_WORDS
        )

    return _joined_below(text, joins, most_blanks=1)


def trailing_labels_shifted(text: str) -> str:
    """The text with a form's fields put back on their lines when each line ends with the
    label of the value that opens the next one, as a posting board's page copies: "Salary :" /
    "$38,515.14 - $47,368.76 Annually Location :" / "Madera, CA Job Type:" / "Full-Time" ->
    "Salary: $38,515.14 - $47,368.76 Annually" / "Location: Madera, CA" / "Job Type:
    Full-Time". Only the labels forms write so (value_labels) are split off a line's end, and
    only in a run that opens with a label alone on its line and goes on for two such lines at
    least; the run's last value is a short line (else its label stays alone, as written)."""
    lines = text.split("\n")
    out: list[str] = []
    at = 0
    while at < len(lines):
        first = _trailing_label(lines[at])
        # The run opens with a label alone on its line ("Salary :").
        run = [first] if first is not None and not first[0] else []
        below = at + 1
        while run and below < len(lines):
            split = _trailing_label(lines[below])
            if split is None or not split[0]:
                break
            run.append(split)
            below += 1
        if len(run) < _LEAST_SHIFTED_LINES:
            out.append(lines[at])
            at += 1
            continue
        last = lines[below].strip() if below < len(lines) else ""
        ends = 0 < len(last.split()) <= _MAX_BARE_VALUE_WORDS and not last.endswith(":")
        values = [value for value, _ in run[1:]] + ([last] if ends else [])
        out += [f"{label}: {value}" for (_, label), value in zip(run, values, strict=False)]
        if not ends:
            out.append(f"{run[-1][1]}:")
        at = below + 1 if ends else below
    return "\n".join(out)


_LEAST_SHIFTED_LINES = 3  # the label alone, then two lines that end with the next label
_TRAILING_LABEL_WORDS = 4


def _trailing_label(line: str) -> tuple[str, str] | None:
    """(the value before, the label) of a line that ends with a form's label and its colon
    ("Madera, CA Job Type:" -> ("Madera, CA", "Job Type")); None when it ends with none."""
    text = line.strip()
    if not text.endswith(":"):
        return None
    words = text[:-1].split()
    labels = value_labels()
    for size in range(min(_TRAILING_LABEL_WORDS, len(words)), 0, -1):
        label = " ".join(words[-size:])
        if label.lower() in labels and label[:1].isupper():
            return " ".join(words[:-size]), label
    return None


def bare_labels_joined(text: str) -> str:
    """The text with a form's label written with no colon, alone on its line, joined to the
    short value with a figure on the next line, as a job board prints its fields: "Pay scale &
    grade" / "GG 07 - 12" -> "Pay scale & grade: GG 07 - 12", "Salary" / "$57,736 to - $133,142
    per year". Only the labels forms write so (value_labels); a value is a line of a few words
    with a figure, not a sentence, and not itself such a label; a label under another is a cell
    of a table's header written a cell a line, and stays."""
    labels = value_labels()
    lines = text.split("\n")
    out: list[str] = []
    at = 0
    while at < len(lines):
        # "  • Pay scale & grade" / "" / "    GG 04 - 05": a bulleted label, a blank line, then
        # its value, as a job board's overview lists its fields.
        label = _BULLET.sub("", lines[at].strip())
        bulleted = label != lines[at].strip()
        gap = 1 if bulleted and at + 2 < len(lines) and not lines[at + 1].strip() else 0
        value = lines[at + 1 + gap].strip() if at + 1 + gap < len(lines) else ""
        # "TITLE" / "GRADE" / "EEO-4" / "CODE": a table's header written a cell a line.
        in_header = at > 0 and lines[at - 1].strip().lower() in labels
        if (
            not in_header
            and label.lower() in labels
            and re.search(r"\d", value)
            and len(value.split()) <= _MAX_BARE_VALUE_WORDS
            and not value.endswith(".")
            and ":" not in value  # "PAY" / "RANGE: CP10-13-A": a label of its own below
            and value.lower() not in labels
            and (not writes_a_date(value) or _DATE_LABEL.search(label) is not None)
        ):
            out.append(f"{label}: {value}")
            at += 2 + gap
            continue
        out.append(lines[at])
        at += 1
    return "\n".join(out)


_MAX_BARE_VALUE_WORDS = 8
_BULLET = re.compile(r"^[•*·▪-]\s+")
# The labels whose value is a date ("Open & closing dates"): a date below another label
# ("Job Number" / "5/3/2018 11:59 PM") is another field's, the page's columns run together.
_DATE_LABEL = re.compile(r"\b(?:date|dates|deadline|closing|opening|start)\b", re.IGNORECASE)


def bullets_rejoined(text: str) -> str:
    """The text with a bullet that stands alone on its line ("*", "•", a hyphen right above
    words) joined to the item below it, blank lines between left out: "* Plots sales
    information on maps." A page that set each bullet in a cell of its own writes the item a
    paragraph further down."""

    def joins(line: str, item: str) -> bool:
        return bool(_LONE_BULLET.match(line) and item.strip() and not _LONE_BULLET.match(item))

    # A hyphen alone is a bullet only right above words ("-" / "Salary Scale: Rs. 46,220"): in
    # a table one cell a line it is an empty cell ("$44,008.12 |" / "-" / "|"), and alone
    # between blank lines it marks nothing.
    def dash_joins(line: str, item: str) -> bool:
        return bool(_LONE_DASH.match(line) and _WORDS_FIRST.match(item))

    text = _joined_below(text, joins, most_blanks=len(text))
    return _joined_below(text, dash_joins, most_blanks=0)


def _joined_below(text: str, joins: Callable[[str, str], bool], most_blanks: int) -> str:
    """The text with each line that `joins` the line below it (past at most `most_blanks`
    blank lines) written as one line with it, the blank lines between left out."""
    lines = text.split("\n")
    out: list[str] = []
    at = 0
    while at < len(lines):
        below = at + 1
        while below < len(lines) and below - at <= most_blanks and not lines[below].strip():
            below += 1
        under = lines[below] if below < len(lines) else ""
        if joins(lines[at], under):
            out.append(f"{lines[at].rstrip()} {under.strip()}")
            at = below + 1
            continue
        out.append(lines[at])
        at += 1
    return "\n".join(out)


_LONE_BULLET = re.compile(r"^\s*[*•●▪◦·]\s*$")
_LONE_DASH = re.compile(r"^\s*[-–]\s*$")
_WORDS_FIRST = re.compile(r"^\s*[A-Za-z][A-Za-z'’/&.-]*(?:\s|:|$)")


def dot_leaders_as_tabs(text: str) -> str:
    """The text with each run of leader dots between a cell and a figure written as a tab, as
    the other readers write a table's cells ("Police Dispatcher 2\t$28.76 - $34.96"); the
    entries of a table of contents keep their dots: a page number is no figure of a row. A
    run of dashes between two cells is a leader too ("CO I--------0-2------$2,240.63")."""
    lines = text.split("\n")
    contents = False
    for at, line in enumerate(lines):
        if _CONTENTS_HEADING.match(line):
            contents = True
        elif contents and (not line.strip() or _CONTENTS_ENTRY.match(line)):
            continue
        else:
            contents = False
            lines[at] = _DOT_LEADER.sub("\t", line)
        lines[at] = _DASH_LEADER.sub("\t", lines[at])
    return "\n".join(lines)


# "Table of Contents" over "SERIES DEFINITION........ 2": the entries of a document's contents,
# a heading led by dots to its page number.
_CONTENTS_HEADING = re.compile(r"^\s*(?:table\s+of\s+)?contents\s*:?\s*$", re.IGNORECASE)
_CONTENTS_ENTRY = re.compile(r"^[^\d\t]+?[ \t]*\.{4,}[ \t]*\d{1,3}\s*$")


# A range in one cell: "39,677 to 58,789".
_AMOUNT_RANGE = re.compile(r"[$£€]?\d[\d,]*(?:\.\d+)?\s*(?:to|-|–)\s*[$£€]?\d[\d,]*(?:\.\d+)?")
# "$15.01 and above", "$90,000+": the top row of a scale, open above its amount.
_OPEN_AMOUNT = re.compile(
    r"(?:[$£€]\d[\d,]*(?:\.\d+)?|\d[\d,]*\.\d\d)\s*(?:\+|and (?:above|over|up)|or (?:more|above))"
)

# A header cell alone on its line: a few words, no figure, no tab.
_HEADER_CELL = re.compile(r"^[A-Za-z][A-Za-z .()/&-]{0,30}$")
_MAX_HEADER_WORDS = 3


def join_stacked_headers(text: str) -> str:
    """The text with a table's header written a cell a line ("Hourly", "MONTHLY", "YEARLY")
    right above rows of tab-separated cells joined into one header line, when the rows have as
    many cells, or one more (their title, which the header leaves unnamed), and every header
    cell names a pay period."""
    lines = text.split("\n")
    out: list[str] = []
    at = 0
    while at < len(lines):
        end = at
        while end < len(lines) and _is_header_cell(lines[end]):
            end += 1
        width = end - at
        row = lines[end] if end < len(lines) else ""
        cells = row.count("\t") + 1 if "\t" in row else 0
        figures = bool(re.search(r"\d", row.split("\t")[-1]))
        if width >= _MIN_COLUMNS and cells in (width, width + 1) and figures:
            out.append("\t" * (cells - width) + "\t".join(x.strip() for x in lines[at:end]))
            at = end
        else:
            out.append(lines[at])
            at += 1
    return "\n".join(out)


def _is_header_cell(line: str) -> bool:
    text = line.strip()
    return (
        bool(_HEADER_CELL.match(text))
        and len(text.split()) <= _MAX_HEADER_WORDS
        and period_in(text) is not None
    )


def wrapped_bars_closed(text: str) -> str:
    """The text with the "|" that closes a cell, wrapped onto a line of its own in a table
    copied a cell a line, put back at the end of its cell ("$44,008.12 |" / "Master" / "|" ->
    "Master |"): only a lone "|" line, after a cell without its bar that follows a cell with
    one. A run of "|" lines is another layout (pipe_rows_joined)."""
    lines = text.split("\n")
    out: list[str] = []
    for number, line in enumerate(lines):
        below = lines[number + 1] if number + 1 < len(lines) else ""
        if (
            _PIPE_ONLY.match(line)
            and not _PIPE_ONLY.match(below)
            and len(out) >= 2
            and out[-1].strip()
            and not out[-1].rstrip().endswith("|")
            and out[-2].rstrip().endswith("|")
            and not _PIPE_ONLY.match(out[-2])
        ):
            out[-1] = f"{out[-1].rstrip()} |"
            continue
        out.append(line)
    return "\n".join(out)


def spaced_rows_as_tabs(text: str) -> str:
    """The text with a table of classes whose cells are set apart by runs of spaces written
    with tabs: a header of short cells and no figure that names a title column ("Job Title
    Job Family   Job Code"), and the lines right below it that have as many cells, a figure
    among them ("GIS Analyst III.   Seiu_Professional   GISA03.   Y").
    Prose, whose sentences are long, is never such a header."""
    lines = text.split("\n")
    at = 0
    while at < len(lines):
        header = _spaced_cells(lines[at])
        rows = 0
        if header and _heads_spaced_rows(header):
            while at + rows + 1 < len(lines):
                cells = _spaced_cells(lines[at + rows + 1])
                if len(cells) != len(header) or not re.search(r"\d", lines[at + rows + 1]):
                    break  # a table's row holds a figure: "GIS Analyst III.  GISA03.  Y"
                rows += 1
        if rows:
            for row in range(at, at + rows + 1):
                lines[row] = "\t".join(_spaced_cells(lines[row]))
        at += rows + 1
    return "\n".join(lines)


def _spaced_cells(line: str) -> list[str]:
    """A line's cells where runs of two spaces or more part them; none for a line that has a
    tab already or fewer than three such cells."""
    if "\t" in line:
        return []
    cells = re.split(r"[ \u00a0]{2,}", line.strip())
    return cells if len(cells) >= _MIN_SPACED_CELLS else []


def _heads_spaced_rows(cells: list[str]) -> bool:
    """Whether cells read as the header of a table of classes: no figure, each a few words,
    one naming the title column ("Job Title"). (A pay table keyed by grades, "Pay Band
    Minimum  Maximum", is read as it is written.)"""
    short = all(
        not re.search(r"\d", cell) and len(cell.split()) <= _MAX_SPACED_HEADER_WORDS
        for cell in cells
    )
    return short and any(_TITLE_HEADER.search(cell) for cell in cells)


# A header cell that names the title column: "Job Title", "Class Title", "Position".
_TITLE_HEADER = re.compile(r"\b(?:title|position|classification)\b", re.IGNORECASE)


_MIN_SPACED_CELLS = 3
_MAX_SPACED_HEADER_WORDS = 4


def rejoin_cell_lines(text: str) -> str:
    """The text with each table written a cell a line rewritten a row a line: its cells joined
    by tabs, or by a space where each already ends in "|" ("Grade 1 |", "A |", "37,890 |" ->
    "Grade 1 | A | 37,890 |"). Only the white space between the cells changes."""
    lines = text.split("\n")
    cells = [n for n, line in enumerate(lines) if line.strip() or _empty_cell(lines, n)]
    replaced: dict[int, str] = {}  # first line of a header or row -> the joined line
    dropped: set[int] = set()
    position = 0
    while position < len(cells):
        table = _table_at(lines, cells, position)
        if table is None:
            position += 1
            continue
        named, width, units, rows = table
        body = position + named + units
        end = body + width * rows
        dropped.update(range(cells[position], cells[end - 1] + 1))  # blank lines too
        # The header, "$ |" under each amount's column on a line of its own, then the rows.
        starts = [position, *([position + named] if units else []), *range(body, end, width)]
        for start, stop in zip(starts, [*starts[1:], end], strict=True):
            group = [lines[n].strip() for n in cells[start:stop]]
            if start == position and named < width:
                group = ["", *group]  # the key column, which the header does not name
            piped = all(cell.endswith("|") for cell in group)
            replaced[cells[start]] = (" " if piped else "\t").join(group)
        position = end
    if not replaced:
        return text
    return "\n".join(
        replaced.get(n, line) for n, line in enumerate(lines) if n not in dropped or n in replaced
    )


def _empty_cell(lines: list[str], number: int) -> bool:
    """An empty cell of a table written a cell a line with a blank line between its cells: a
    line of spaces alone (a page's non-breaking space) between two empty lines."""
    if not 0 < number < len(lines) - 1 or lines[number].strip() or not lines[number]:
        return False
    return lines[number - 1] == "" and lines[number + 1] == ""


def _table_at(
    lines: list[str], cells: list[int], position: int
) -> tuple[int, int, int, int] | None:
    """(header cells, columns, unit cells, rows) of the widest-read table whose header starts
    at cells[position], or None: a header of label cells (the first may be empty: the key
    column unnamed), maybe a line of units ("$ |" a column), then at least three rows of as
    many cells, each row's cells the same shapes as the first's, one of them an amount.

    A header may also leave the key column out altogether ("Minimum Salary", "Maximum Salary"
    over "SES 3", "$357,000", "$397,484"): its rows have a cell more, their key first. Read
    with the header's width, they would begin with an amount and end with the next row's
    key: so that reading is taken where it finds more rows than any reading of a named key,
    or as many as one whose rows begin with an amount."""
    best: tuple[int, int, int, int] | None = None
    best_unnamed: tuple[int, int, int, int] | None = None
    amount_first = False  # the rows of the best reading of a named key begin with an amount
    for named in range(_MIN_COLUMNS, _MAX_COLUMNS + 1):
        header = [_cell_text(lines[n]) for n in cells[position : position + named]]
        if len(header) < named or not all(
            _header_cell(cell) or (n == 0 and not cell) for n, cell in enumerate(header)
        ):
            break  # a wider header would hold this cell too
        for width in (named, named + 1):
            found = _rows_under(lines, cells, position + named, width, header[0])
            if found is None:
                continue
            units, rows, key_shape = found
            reading = (named, width, units, rows)
            if width == named and (best is None or rows > best[3]):
                best, amount_first = reading, key_shape == "amount"
            keyed = width > named and header[0] and key_shape in ("word", "code")
            if keyed and (best_unnamed is None or rows > best_unnamed[3]):
                best_unnamed = reading
    if best_unnamed is None or best is None:
        return best or best_unnamed
    if best_unnamed[3] > best[3] or (best_unnamed[3] == best[3] and amount_first):
        return best_unnamed
    return best


def _rows_under(
    lines: list[str], cells: list[int], start: int, width: int, first_name: str
) -> tuple[int, int, str] | None:
    """(unit cells, rows, shape of the first row's key) of the rows of `width` cells that
    follow a header ending before cells[start], or None when they are too few to be a table."""
    units = 0
    while units < width and start + units < len(cells):
        if not _UNIT_CELL.fullmatch(_cell_text(lines[cells[start + units]])):
            break
        units += 1
    rows = _rows_below(lines, cells, start + units, width)
    after = start + units + rows * width
    # A table read whole ends there: an amount next means its rows were misread.
    ends = after >= len(cells) or _shape(lines[cells[after]]) != "amount"
    # Rows keyed by codes under a code's or grade's column, with no pay ("Grade" /
    # "Position" over "M_B" / "Dean"), are a table by their keys: two will do.
    first = [_shape(lines[n]) for n in cells[start + units : start + units + width]]
    coded = bool(rows) and first[0] == "code" and "amount" not in first
    if coded and not _names_a_key(first_name):
        rows = 0
    least = _MIN_CODE_ROWS if coded else _MIN_ROWS
    if rows < least or not ends:
        return None
    return units, rows, _key_shape(lines[cells[start + units]])


def _rows_below(lines: list[str], cells: list[int], start: int, width: int) -> int:
    """How many rows of `width` cells of one shape follow from cells[start]."""
    first: tuple[str, ...] | None = None
    rows = 0
    while start + width <= len(cells):
        group = [lines[n] for n in cells[start : start + width]]
        shape = (_key_shape(group[0]), *(_shape(cell) for cell in group[1:]))
        keyed = "amount" in shape or shape[0] == "code"  # a row holds pay, or begins with a code
        # A code is a word of its column: "HB", "HA", "H1" key rows of one table.
        shape = tuple("word" if cell == "code" else cell for cell in shape)
        if "" in shape or shape[0] == "text" or not keyed or (first is not None and shape != first):
            break
        if _repeats(shape):
            break  # two rows read as one: "October 1, 2021", "39,677 to 58,789", "October ..."
        first = shape
        rows += 1
        start += width
    return rows


@cache
def _key_labels() -> frozenset[str]:
    labels = field_labels()
    return frozenset(label.lower() for label in (*labels.code, *labels.grade))


def _names_a_key(cell: str) -> bool:
    """Whether a header cell names a column of codes or grades ("Grade", "Class Code")."""
    return cell.strip().lower() in _key_labels()


def _repeats(shape: tuple[str, ...]) -> bool:
    """Whether a row's shape is a shorter row's shape written again: two rows, not one."""
    width = len(shape)
    return any(
        width % part == 0 and shape == shape[:part] * (width // part) for part in range(2, width)
    )


# The unit a column's amounts are in, written under its name: "$", "($)", "£ |".
_UNIT_CELL = re.compile(r"\(?[$£€%]\)?")


def _cell_text(line: str) -> str:
    """A cell as its line writes it, less the "|" that ends it on a page's table ("56,748 |")."""
    return re.sub(r"[\s|]+$", "", line.strip())


def _header_cell(cell: str) -> bool:
    """A column's name: words, short, not an amount, not a sentence or a label, and no code
    or year in it ("Occ. Code 7140100" is a row of a list, "Step 1" a column)."""
    return (
        bool(re.search(r"[A-Za-z]", cell))
        and "\t" not in cell
        and not re.search(r"\d{3}", cell)
        and len(cell.split()) <= _MAX_CELL_WORDS
        and amount_cell(cell) is None
        and not _NOT_A_CELL.search(cell)
    )


def _shape(line: str) -> str:
    """ "amount", "number" (a step, a point), "word", "empty", or "" for what cannot be a
    cell."""
    cell = _cell_text(line)
    if not cell:
        return "empty"
    if (
        amount_cell(cell) is not None
        or _AMOUNT_RANGE.fullmatch(cell)
        or _OPEN_AMOUNT.fullmatch(cell)
    ):
        return "amount"
    if "\t" in cell or cell.endswith(":"):
        return ""  # a label, or a row already
    if len(cell.split()) > _MAX_CELL_WORDS or _NOT_A_CELL.search(cell):
        return "text"  # a sentence: a row's description, never its key
    if _CODE_CELL.fullmatch(cell):
        return "code"
    return "number" if re.fullmatch(r"\d{1,3}", cell) else "word"


def _key_shape(line: str) -> str:
    """The shape of a row's first cell, its key: a title of up to twelve words is a word."""
    shape = _shape(line)
    cell = _cell_text(line)
    if shape == "text" and len(cell.split()) <= _MAX_KEY_WORDS and not _NOT_A_CELL.search(cell):
        return "word"
    return shape


# A code alone in a cell: capitals with digits or joined by "_" or "-" ("M_B", "R_L_B", "A54",
# "GS-12"), no space, not a word of the language.
_CODE_CELL = re.compile(r"(?=[A-Z0-9_-]*(?:\d|[_-]))(?=.*[A-Z])[A-Z][A-Z0-9]*(?:[_-][A-Z0-9]+)*")
_MIN_CODE_ROWS = 2


def alternating_pairs_joined(text: str) -> str:
    """The text with a list flattened a cell a line, each key followed by its value, written
    back a pair a line with a tab between ("0-4 years on license" / "8.50% of base salary" /
    "5-9 years on license" / "9.50% of base salary" ... -> "0-4 years on license\t8.50% of
    base salary"). At least three pairs in a row, every key of one frame (its words, figures
    aside) and every value of another that holds an amount or a percentage. Only white space
    changes."""
    lines = text.split("\n")
    cells = [n for n, line in enumerate(lines) if line.strip()]
    joined: dict[int, str] = {}  # a pair's first line -> the pair as one line
    dropped: set[int] = set()
    position = 0
    while position + 1 < len(cells):
        pairs = _pairs_at(lines, cells, position)
        if pairs < _MIN_PAIRS:
            position += 1
            continue
        for pair in range(pairs):
            key, value = cells[position + 2 * pair], cells[position + 2 * pair + 1]
            joined[key] = f"{lines[key].strip()}\t{lines[value].strip()}"
            dropped.update(range(key + 1, value + 1))
        position += 2 * pairs
    if not joined:
        return text
    return "\n".join(joined.get(n, line) for n, line in enumerate(lines) if n not in dropped)


_MIN_PAIRS = 3
# A value's figure: an amount, a percentage, a figure with a decimal point or thousands (not
# "Step 1", nor a code "7140100").
_VALUE_FIGURE = re.compile(r"[$£€]\s?\d|\d\s?%|\d[.,]\d")
_PAIR_CELL_WORDS = 8


def _pairs_at(lines: list[str], cells: list[int], position: int) -> int:
    """How many key/value pairs of one frame each run on from cells[position]."""
    frames: tuple[str, str] | None = None
    pairs = 0
    while position + 2 * pairs + 1 < len(cells):
        key = lines[cells[position + 2 * pairs]].strip()
        value = lines[cells[position + 2 * pairs + 1]].strip()
        if not _pair_cell(key) or not _pair_cell(value) or not _VALUE_FIGURE.search(value):
            break
        frame = (_frame(key), _frame(value))
        if frame[0] == frame[1] or (frames is not None and frame != frames):
            break
        frames = frame
        pairs += 1
    return pairs


def _pair_cell(cell: str) -> bool:
    """A cell of a list of pairs: a few words, at least one a word ("($) |" is no key)."""
    return (
        bool(re.search(r"[A-Za-z]{2}", cell))
        and 0 < len(cell.split()) <= _PAIR_CELL_WORDS
        and "\t" not in cell
        and not _NOT_A_CELL.search(cell)
    )


def _frame(cell: str) -> str:
    """A cell's words with its figures taken out: "# years on license", "# of base salary"."""
    return re.sub(r"[$£€]?\d[\d.,]*\+?%?(?:\s*[-–]\s*\d[\d.,]*%?)?", "#", cell.lower())


def pipe_rows_joined(text: str) -> str:
    """The text with a table copied a cell a line, a "|" line between two cells and a run of
    "|" lines between two rows, written back a row a line ("1." / "|" / "Assists teacher ..." /
    "|" / "Daily" / "70%", then "|" / "|" / "|" -> "1. | Assists teacher ... | Daily 70%"). Only
    the runs between two runs of "|" lines are rows: a run opens and closes each. The lines of
    one cell are joined by a space."""
    lines = text.split("\n")
    bars = [_PIPE_ONLY.match(line) is not None for line in lines]
    runs = [n for n in range(1, len(lines)) if bars[n] and bars[n - 1]]  # inside a run of bars
    joined: dict[int, str] = {}  # a row's first line -> the row as one line
    dropped: set[int] = set()
    for after, before in itertools.pairwise(runs):
        span = range(after + 1, before - 1)  # the lines between the two runs
        cells = _pipe_cells([lines[n] for n in span], [bars[n] for n in span])
        if cells is not None:
            joined[span.start] = " | ".join(cells)
            dropped.update(span[1:])
    if not joined:
        return text
    return "\n".join(joined.get(n, line) for n, line in enumerate(lines) if n not in dropped)


# A line that is only a cell's edge.
_PIPE_ONLY = re.compile(r"^[ \t]*\|[ \t]*$")
_MAX_ROW_CELLS = 8
_MAX_CELL_LINES = 3


def _pipe_cells(lines: list[str], bars: list[bool]) -> list[str] | None:
    """The cells of a row written a cell a line with a "|" line between cells, each cell's
    lines joined; None when the lines are not such a row (one cell, a blank line, a cell of
    many lines: prose)."""
    if not lines or bars[0] or bars[-1] or not any(bars):
        return None
    cells: list[list[str]] = [[]]
    for line, bar in zip(lines, bars, strict=True):
        if bar:
            cells.append([])
        elif line.strip():
            cells[-1].append(line.strip())
        else:
            return None
    if not 2 <= len(cells) <= _MAX_ROW_CELLS or any(
        not 1 <= len(c) <= _MAX_CELL_LINES for c in cells
    ):
        return None
    return [" ".join(cell) for cell in cells]


# A table's rule under its header: "---|---|---|" or "| --- | :---: |".
_HEADER_RULE = re.compile(r"^[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+[ \t]*(?::?-{3,}:?[ \t]*)?$")
_MAX_ROW_LINES = 6


def pipe_rows_by_header(text: str) -> str:
    """The text with each row of a "|" table that a page wrapped over several lines written on
    one: under a header of three cells ("POST | MINIMUM REQUIREMENTS | SALARY BAND |" and its
    "---|---|---|" rule), "1. Government Representative |" / "Mandatory" / "|" / "BAND I ($34,342
    - $51,511) |" is one row, the lines joined until they hold as many "|" as the header. A run
    of lines that never does (more "|" than the header, a blank line, more than a few lines)
    ends the table, and its lines stay as they were."""
    lines = text.split("\n")
    out: list[str] = []
    position = 0
    while position < len(lines):
        line = lines[position]
        out.append(line)
        position += 1
        if position < len(lines) and "|" in line and _HEADER_RULE.match(lines[position]):
            out.append(lines[position])
            position = _rows_joined(lines, position + 1, line, out)
    return "\n".join(out)


def _rows_joined(lines: list[str], position: int, header: str, out: list[str]) -> int:
    """Append the rows of the table under `header` from lines[position], each on one line: as
    many "|" as the header, and a "|" at the end when the header has one. The position of the
    first line after the table."""
    bars = header.count("|")
    closed = header.rstrip().endswith("|")
    while position < len(lines):
        row: list[str] = []
        count = 0
        for line in lines[position : position + _MAX_ROW_LINES]:
            if not line.strip():
                break
            row.append(line.strip())
            count += line.count("|")
            if count >= bars:
                break
        if count != bars or row[-1].endswith("|") != closed:
            return position
        out.append(" ".join(row))
        position += len(row)
    return position


# A label in capitals and its colon run into a paragraph: "... would be an asset. DUTIES AND
# RESPONSIBILITIES: Prepares and delivers mail." The label's last word has three letters or more.
# The word before it is not in capitals: the label starts at its first word.
_RUN_IN_LABEL = re.compile(r"(?<=[^\sA-Z&/-]) +(?=(?:[A-Z][A-Z&/-]+ )*[A-Z][A-Z&/-]{2,}:(?:\s|$))")
_MIN_RUN_IN_LABELS = 3
_RUN_IN_LINE = 400


def run_in_labels_parted(text: str) -> str:
    """The text with a page that ran its sections into one paragraph put back a section a line:
    in a line of hundreds of characters with three labels in capitals or more ("QUALIFICATIONS:",
    "DUTIES AND RESPONSIBILITIES:", "SALARY SCALE:"), each label starts a line, and a label that
    names a section of prose (duties, qualifications, skills) is its heading, on a line of its
    own above its text. A short line, or a paragraph with a capitalised word or two before a
    colon, stays as it is."""

    def parted(line: str) -> str:
        if len(line) < _RUN_IN_LINE or len(_RUN_IN_LABEL.findall(line)) < _MIN_RUN_IN_LABELS:
            return line
        return "\n".join(_headed(part) for part in _RUN_IN_LABEL.split(line))

    return "\n".join(parted(line) for line in text.split("\n"))


def _headed(part: str) -> str:
    """A section run into a paragraph, its label on a line of its own when it heads prose."""
    label, colon, body = part.partition(":")
    if colon and body.strip() and label_heading(f"{label}:"):
        return f"{label}:\n{body.strip()}"
    return part
