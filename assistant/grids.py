"""Pay grids: tables whose cells are amounts under named columns (steps, pay points, effective
dates) in rows named by a grade or a date, read whole from a document, so that "AU-2 step 1
effective June 22, 2008" or "the top APS4 rate from 12 March 2026" is answered by one cell.

Six layouts are read, as flattening leaves them:
- a row a line: a header naming the columns ("Effective Date Step 1 Step 2 ...", "Grade |
  Step 1 | Step 2", "Grade | Minimum | Maximum", or "Range Step Step Step" above "No. A B C"),
  then lines that end in as many amounts ("B) June 22, 2008 60610 62692"); a row keyed by a pay
  period alone continues the grade of the row above ("9 | Hourly | 11.84 | 21.82" then
  "Bi-weekly | 947.46 | 1,745.37"); the line above the header names the table;
- a cell a line: header cells each on a line ending in "|", a "---|---" rule, then a key cell
  followed by its amounts, one a line ("APS4 |", "$75,279 |", ...);
- a stream of cells split by "|": key names then numbered columns ("Grade", "B/O", "Step 1"
  ...), then one or two key cells and their amounts ("1", "B", "10.53", ...);
- a whole table on one line: "£ Grade Minimum Maximum AO 16,356 20,673 EO 20,049 28,112";
- pay by years of experience under a grade's heading: "Band 6", "2-5 years  £39,405";
- a scale: a title line, then a line of amounts and nothing else, the points of its scale
  ("Executive Officer (PPC)" above "36,044 – 37,278 – 38,369").
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from assistant.passage_layout import has_row_key
from index.levels import level_value
from index.money import money_value, periods_in
from index.pay_tables import amount_cell
from index.vocab import field_labels

# Columns named by a word and a number or a capital letter, repeated: "Step 1 Step 2", "Pay
# point 1 Pay point 2", "Step A Step B".
_NUMBERED_COLUMN = re.compile(r"\b([A-Za-z][A-Za-z ]{1,20}?)\s+(\d{1,2}|[IVX]{1,5}|[A-Z])\b")
# A cell in a currency: "$9.786".
_CURRENCY_CELL = re.compile(r"^[$£€]\d[\d,.]*$")
# An empty cell of a row: "-", "–".
_EMPTY_CELL = re.compile(r"^[-–—]$")
# A scale written as its points on one line: "36,044 – 37,278 – 38,369¹".
_SCALE_SEPARATOR = re.compile(r"\s*[–—-]\s*|\s+")
_SCALE_MARK = re.compile(r"[¹²³⁴⁵⁶⁷⁸⁹*]+$")
_MIN_SCALE_POINTS = 2
_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$")
_MONTHS = (
    "january february march april may june july august september october november december"
).split()
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
# "June 22, 2008", "22 June 2008", "12 March 2026", "aug 2023", "2010".
_DATE = re.compile(
    rf"\b(?:(?P<day1>\d{{1,2}})\s+(?P<month1>{_MONTH})|(?P<month2>{_MONTH})\s*(?P<day2>\d{{1,2}})?,?)"
    rf"\s*(?P<year>(?:19|20)\d\d)\b|\b(?P<bare>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
Date = tuple[int | None, int | None, int]  # (day, month, year), day and month optional
# The name of a pay column in a header, and how many words (a currency sign, the key
# column's name) may stand before the first.
_COLUMN_WORD = re.compile(r"^(?:minimum|maximum|midpoint|mid-point|min|max|mid)$", re.IGNORECASE)
_ONE_LINE_LEAD = 3
# A line longer than this above a table is a paragraph, not its heading.
_HEADING_CHARS = 120
# A grade or class written as an acronym in capitals: "EO", "HEO", "APS".
_ACRONYM = re.compile(r"\b[A-Z]{2,5}\b")
# Pay by experience under a grade's heading: "<2 years' experience  £37,338", "2-5 years
# £39,405", "5+ years  £44,962"; and the years a question gives ("3 yrs experience").
_BRACKET_LINE = re.compile(
    r"^\s*(?P<bracket>(?:<|under|less than)?\s*\d+(?:\.\d+)?\s*(?:[-–]\s*\d+(?:\.\d+)?|\+)?"
    r"\s*(?:years?|yrs?)\b[^\d£$€]*?)\s+(?P<amount>[£$€]?\s?\d[\d,]*(?:\.\d{2})?)\s*$",
    re.IGNORECASE,
)
_YEARS_ASKED = re.compile(r"\b(\d+(?:\.\d+)?)\s*(?:years?|yrs?)\b", re.IGNORECASE)
_HEADING_WORDS = 4
# A grid of a cell a line: at most so many key cells a row, at least so many rows.
_LONE_KEY_CELLS = 3
_MIN_LONE_ROWS = 2
# A row key shorter than this is a grade's name ("EO", "12"), not a title written out.
_MIN_TITLE_KEY = 6
_STEP = re.compile(
    r"\b(step|pay\s*point|point)\s*(\d{1,2})\b|\b(step)\s+([a-z])\b(?!['’])", re.IGNORECASE
)
_MIDDLE = re.compile(r"\bmid-?\s?points?\b|\bmid\b", re.IGNORECASE)
_HIGHEST = re.compile(r"\b(?:top|highest|maximum|max|most|last|upper)\b", re.IGNORECASE)
_LOWEST = re.compile(
    r"\b(?:bottom|lowest|minimum|min|least|first|entry|starting|start|lower)\b", re.IGNORECASE
)


@dataclass(frozen=True)
class GridRow:
    """One row of a grid: its key cells and its amounts."""

    key: str  # "B) June 22, 2008", "APS4", "12"
    cells: tuple[str, ...]  # the amounts as written, in column order
    quote: str  # the row as the document writes it


@dataclass(frozen=True)
class Grid:
    """A table of amounts: named columns, keyed rows, and the lines that name them."""

    heading: str  # the line above the header that names the table, if any
    header: str  # the header as the document writes it
    key_name: str  # the name of the key column ("Effective Date", "Grade"), if any
    columns: tuple[str, ...]  # the names of the amount columns
    rows: tuple[GridRow, ...]


@dataclass(frozen=True)
class Cell:
    """One amount of a grid, with the row and column that name it."""

    grid: Grid
    row: GridRow
    column: str
    amount: str


def read_grids(text: str) -> list[Grid]:
    """Every pay grid of a document's text, in any of its layouts."""
    lines = text.splitlines()
    grids = _line_grids(lines) + _cell_grids(lines) + _stream_grids(lines)
    grids += _bracket_grids(lines) + _scale_grids(lines) + _lone_cell_grids(lines)
    return grids + [grid for n in range(len(lines)) if (grid := _one_line_grid(lines, n))]


def _line_grids(lines: list[str]) -> list[Grid]:
    """Grids written a row a line under a header line that names their columns."""
    grids = []
    position = 0
    while position < len(lines):
        one_line = _header_columns(lines[position])
        header = (*one_line, position) if one_line else _two_line_header(lines, position)
        if header is None:
            position += 1
            continue
        key_name, columns, last = header
        rows: list[GridRow] = []
        end = last + 1
        while end < len(lines):
            line = lines[end]
            if not line.strip():
                end += 1
                continue
            row = _line_row(line, len(columns))
            if row is None and _ragged_row(line):
                end += 1  # a row with a cell left out cannot say which: left, and read on
                continue
            if row is None:
                break
            rows.append(_continuing(rows[-1], row) if rows else row)
            end += 1
        if rows:
            heading = _heading_above(lines, position)
            header_text = "\n".join(lines[position : last + 1]).strip()
            grids.append(Grid(heading, header_text, key_name, columns, tuple(rows)))
        position = max(end, position + 1)
    return grids


def _cell(text: str) -> str | None:
    """The amount a cell holds as written; a sum in a currency that no amount reads ("$9.786",
    a typo) is kept as written rather than end its row."""
    return amount_cell(text) or (text if _CURRENCY_CELL.match(text) else None)


def _ragged_row(line: str) -> bool:
    """A line that is a row of some other width: a key, then amounts (or empty cells) only."""
    cells = line.split()
    trailing = 0
    while trailing < len(cells) and (
        _cell(cells[-1 - trailing]) is not None or _EMPTY_CELL.match(cells[-1 - trailing])
    ):
        trailing += 1
    return trailing >= 2 and trailing < len(cells)


def _continuing(above: GridRow, row: GridRow) -> GridRow:
    """A row keyed by a pay period alone continues the grade of the row above: "Bi-weekly"
    under "9 Hourly" is "9 Bi-weekly"."""
    if re.search(r"\d", row.key) or not periods_in(row.key):
        return row
    words = above.key.split()
    grade = next((n for n, word in enumerate(words) if periods_in(word)), len(words))
    if grade == 0:
        return row
    return replace(row, key=" ".join([*words[:grade], row.key]))


def _two_line_header(lines: list[str], position: int) -> tuple[str, tuple[str, ...], int] | None:
    """A header whose columns' label and names sit on two lines: "Range Step Step Step" above
    "No. A B C" is the key column "Range No." and the columns "Step A", "Step B", "Step C".
    Returns the key column's name, the columns and the header's last line."""
    words = lines[position].split()
    label = words[-1] if words else ""
    repeats = next((n for n in range(len(words)) if all(w == label for w in words[n:])), 0)
    count = len(words) - repeats
    if count < 2 or not label.isalpha():
        return None
    below = next(
        (n for n in range(position + 1, min(position + 3, len(lines))) if lines[n].strip()), None
    )
    if below is None:
        return None
    names = lines[below].split()
    if len(names) < count or not _numbered_run([f"{label} {n}" for n in names[-count:]]):
        return None
    key_name = " ".join([*words[:repeats], *names[:-count]])
    return key_name, tuple(f"{label} {n}" for n in names[-count:]), below


def _header_columns(line: str) -> tuple[str, tuple[str, ...]] | None:
    """(key column's name, amount columns' names) of a header line, or None."""
    split = "|" in line or "\t" in line
    cells = [c.strip() for c in re.split(r"\||\t", line)] if split else line.split()
    cells = [c for c in cells if c]
    # "Grade | Minimum | Maximum", "Grade Minimum Maximum": pay columns by name.
    named_columns = len(cells) - next(
        (n for n in range(len(cells)) if all(_COLUMN_WORD.match(c) for c in cells[n:])),
        len(cells),
    )
    if named_columns >= 2 and len(cells) - named_columns <= _ONE_LINE_LEAD:
        return " ".join(cells[:-named_columns]), tuple(cells[-named_columns:])
    if split:
        named = [c for c in cells if amount_cell(c) is None and not c.isdigit()]
        numbered = [c for c in cells if _NUMBERED_COLUMN.fullmatch(c)]
        if len(named) == len(cells) and _numbered_run(numbered) and cells[-1] == numbered[-1]:
            keys = cells[: len(cells) - len(numbered)]
            return " ".join(keys), tuple(numbered)
        return None
    found = list(_NUMBERED_COLUMN.finditer(line))
    if not _numbered_run([m.group(0) for m in found]) or any(
        amount_cell(word) for word in line.split()
    ):
        return None
    # "Effective Date Step 1 Step 2": the label's own words, not the key column's.
    label = found[-1].group(1).strip().split()[-1]
    columns = [f"{label} {m.group(2)}" for m in found]
    key_name = line[: line.lower().find(label.lower())].strip()
    return key_name, tuple(columns)


def _numbered_run(names: Sequence[str]) -> bool:
    """Whether column names count up from 1 under one label: "Step 1", "Step 2", ..."""
    found = [_NUMBERED_COLUMN.fullmatch(name.strip()) for name in names]
    if len(found) < 2 or not all(found):
        return False
    labels = {m.group(1).strip().lower().split()[-1] for m in found if m}
    marks = [m.group(2) for m in found if m]
    # "Level I, Level II": roman numerals when every mark reads as one, else letters.
    roman = all(re.fullmatch(r"[IVX]+", mark) for mark in marks) and len(marks) != 9
    numbers = [_ordinal(mark, roman) for mark in marks]
    return len(labels) == 1 and numbers == list(range(1, len(numbers) + 1))


def _ordinal(name: str, roman: bool = False) -> int:
    """The place a column's number, roman numeral or letter gives it: "3", "III" and "C" are
    third."""
    if name.isdigit():
        return int(name)
    if roman:
        return level_value(name) or 0
    return ord(name.upper()) - ord("A") + 1 if len(name) == 1 else 0


def _line_row(line: str, width: int) -> GridRow | None:
    """A row of a row-a-line grid: a key, then an amount for each of the `width` columns (a
    ragged row cannot say which column a cell is under)."""
    if "|" in line or "\t" in line:
        cells = [c.strip() for c in re.split(r"\||\t", line) if c.strip()]
    else:
        cells = line.split()
    amounts: list[str] = []
    while cells and (_cell(cells[-1]) is not None or _EMPTY_CELL.match(cells[-1])):
        amounts.insert(0, _cell(cells.pop()) or "")  # an empty cell holds ""
    key = " ".join(cells).strip()
    if not key or len(amounts) != width or not any(amounts):
        return None
    return GridRow(key, tuple(amounts), line.strip())


def _heading_above(lines: list[str], position: int) -> str:
    """The nearest line above that can name a table: not blank, not a paragraph, not a row
    of amounts (the last row of the table above)."""
    for line in reversed(lines[max(0, position - 3) : position]):
        if line.strip():
            cells = re.split(r"[|\s]+", line.strip())
            heading = len(line.strip()) <= _HEADING_CHARS and not any(map(amount_cell, cells))
            return line.strip() if heading else ""
    return ""


def _cell_grids(lines: list[str]) -> list[Grid]:
    """Grids written a cell a line: header cells ending in "|" above a "---|---" rule, then
    each row's key cell followed by its amounts."""
    grids = []
    for position, line in enumerate(lines):
        if not _RULE.match(line):
            continue
        width = line.count("---")
        above = lines[max(0, position - width) : position]
        header_cells = [x.strip().rstrip("|").strip() for x in above if x.strip().endswith("|")]
        columns = tuple(c for c in header_cells if c)
        if len(columns) < 2:
            continue
        rows: list[GridRow] = []
        key, start = "", position + 1
        amounts: list[str] = []
        for end in range(position + 1, len(lines)):
            cell = lines[end].strip().rstrip("|").strip()
            if not lines[end].strip():
                continue
            amount = amount_cell(cell)
            if amount is None:
                if key and len(amounts) == len(columns):
                    rows.append(GridRow(key, tuple(amounts), "\n".join(lines[start:end])))
                if not lines[end].strip().endswith("|"):
                    key = ""
                    break
                key, amounts, start = cell, [], end
            elif key:
                amounts.append(amount)
        if key and len(amounts) == len(columns):
            rows.append(GridRow(key, tuple(amounts), "\n".join(lines[start:])))
        if rows:
            heading = _heading_above(lines, position - len(above))
            header = "\n".join(x for x in above if x.strip())
            grids.append(Grid(heading, header, "", columns, tuple(rows)))
    return grids


def _stream_grids(lines: list[str]) -> list[Grid]:
    """Grids flattened to a stream of cells, a cell a line or several split by "|": a header
    of key names then numbered columns ("Grade", "B/O", "Step 1" ... "Step 10"), then rows of
    one or two key cells ("1", "B") and their amounts."""
    cells = [
        (number, cell.strip())
        for number, line in enumerate(lines)
        if "|" in "".join(lines[max(number - 1, 0) : number + 2])
        for cell in line.split("|")
        if cell.strip()
    ]
    grids = []
    position = 0
    while position < len(cells):
        end = position
        while end < len(cells) and amount_cell(cells[end][1]) is None:
            end += 1
        names = [cell for _, cell in cells[position:end]]
        numbered = [n for n in names if _NUMBERED_COLUMN.fullmatch(n)]
        # The first row's key cells follow the last column's name.
        last = max(
            (n for n, name in enumerate(names) if _NUMBERED_COLUMN.fullmatch(name)), default=0
        )
        header_length = last + 1 - len(numbered)
        if not _numbered_run(numbered) or names[header_length : last + 1] != numbered:
            position = max(end, position + 1)
            continue
        key_names = names[:header_length][-2:]
        start = position + header_length + len(numbered)
        rows, position = _stream_rows(lines, cells, start, len(numbered), max(len(key_names), 1))
        if rows:
            first_line = cells[start - len(numbered) - len(key_names)][0]
            header = "\n".join(lines[first_line : cells[start - 1][0] + 1])
            heading = _heading_above(lines, first_line)
            grids.append(Grid(heading, header, " ".join(key_names), tuple(numbered), tuple(rows)))
    return grids


def _stream_rows(
    lines: list[str], cells: list[tuple[int, str]], start: int, width: int, key_cells: int
) -> tuple[list[GridRow], int]:
    """The rows from cells[start]: key cells, then `width` amounts; and where they end."""
    rows: list[GridRow] = []
    position = start
    while position < len(cells):
        keys = []
        while position < len(cells) and amount_cell(cells[position][1]) is None:
            keys.append(position)
            position += 1
        if not keys or len(keys) > key_cells:
            return rows, keys[0] if keys else position
        # A row under another keeps the keys it leaves out ("O" under "1 B" is "1 O").
        inherited = rows[-1].key.split()[: key_cells - len(keys)] if rows else []
        amounts = []
        while position < len(cells) and amount_cell(cells[position][1]) is not None:
            amounts.append(position)
            position += 1
        if len(amounts) != width:
            return rows, keys[0]
        key = " ".join([*inherited, *(cells[k][1] for k in keys)])
        quote = "\n".join(lines[cells[keys[0]][0] : cells[amounts[-1]][0] + 1])
        rows.append(GridRow(key, tuple(amount_cell(cells[a][1]) or "" for a in amounts), quote))
    return rows, position


def _bracket_grids(lines: list[str]) -> list[Grid]:
    """Pay by years of experience under a short heading that names the grade ("Band 6"):
    each line a bracket of years and its amount."""
    grids = []
    for position, line in enumerate(lines):
        heading = line.strip()
        if not heading or len(heading.split()) > _HEADING_WORDS or _BRACKET_LINE.match(line):
            continue
        rows: list[GridRow] = []
        for below in lines[position + 1 :]:
            if not below.strip():
                if rows:
                    break
                continue
            match = _BRACKET_LINE.match(below)
            amount = amount_cell(match.group("amount").replace(" ", "")) if match else None
            if match is None or amount is None:
                break
            rows.append(GridRow(" ".join(match.group("bracket").split()), (amount,), below.strip()))
        if len(rows) >= 2:
            grids.append(Grid(heading, heading, "experience", ("pay",), tuple(rows)))
    return grids


def _within(years: float, bracket: str) -> bool:
    """Whether a number of years falls in a bracket: "<2 years'", "2-5 years", "5+ years"."""
    numbers = [float(n) for n in re.findall(r"\d+(?:\.\d+)?", bracket)]
    if not numbers:
        return False
    if "+" in bracket:
        return years >= numbers[0]
    if bracket.lstrip().startswith("<") or re.match(r"\s*(?:under|less than)", bracket, re.I):
        return years < numbers[0]
    if len(numbers) >= 2:
        return numbers[0] <= years < numbers[1] or (years == numbers[1] and years == numbers[0])
    return years == numbers[0]


def _lone_cell_grids(lines: list[str]) -> list[Grid]:
    """Grids flattened to one cell a line with no rule or "|" to mark them: header cells
    ("Group", "Employee Classification", "0", "1", "2"), then each row's key cells ("01-01",
    "ELEM BLDG SECRETARY") and its amounts, as many as the header's last cells. The rows say
    how many key cells and amounts a row has; bare numbers under a "Steps" cell are steps."""
    cells = [(n, line.strip()) for n, line in enumerate(lines) if line.strip()]
    grids = []
    position = 0
    while position < len(cells):
        shape = _lone_cell_shape(cells, position)
        if shape is None:
            position += 1
            continue
        first_key, keys, width = shape
        header = [cell for _, cell in cells[max(0, first_key - keys - width - 4) : first_key]]
        if len(header) < keys + width:
            position += 1
            continue
        names = header[-width:]
        label = next((c for c in header[:-width] if re.fullmatch(r"steps?", c, re.I)), None)
        if label:  # "0", "1" under "Steps" are "Step 0", "Step 1"
            names = [f"Step {c}" if c.isdigit() else c for c in names]
        rows: list[GridRow] = []
        at = first_key
        while at + keys + width <= len(cells):
            row_cells = cells[at : at + keys + width]
            key_cells = [c for _, c in row_cells[:keys]]
            amounts = [amount_cell(c) for _, c in row_cells[keys:]]
            if any(amount_cell(c) for c in key_cells) or any(a is None for a in amounts):
                break
            quote = "\n".join(lines[row_cells[0][0] : row_cells[-1][0] + 1])
            rows.append(GridRow(" ".join(key_cells), tuple(a or "" for a in amounts), quote))
            at += keys + width
        if len(rows) >= _MIN_LONE_ROWS:
            start = cells[first_key - keys - width][0] if first_key >= keys + width else 0
            key_name = " ".join(header[-width - keys : -width])
            header_text = "\n".join(lines[start : cells[first_key - 1][0] + 1])
            # The cells above the header are more of it ("Steps", "Longevity"), not a heading.
            grids.append(Grid("", header_text, key_name, tuple(names), tuple(rows)))
            position = at
        else:
            position += 1
    return grids


def _lone_cell_shape(cells: list[tuple[int, str]], position: int) -> tuple[int, int, int] | None:
    """(where the first row's key cells start, how many key cells a row has, how many amounts)
    when cells[position] starts a row of key cells then at least three amounts, and the next
    row has the same shape; else None."""

    def run(start: int, amounts: bool) -> int:
        end = start
        while end < len(cells) and (amount_cell(cells[end][1]) is not None) == amounts:
            end += 1
        return end - start

    keys = run(position, amounts=False)
    if not 1 <= keys <= _LONE_KEY_CELLS or position + keys >= len(cells):
        return None
    width = run(position + keys, amounts=True)
    following = position + keys + width
    if width < _MIN_SCALE_POINTS + 1 or run(following, amounts=False) != keys:
        return None
    if run(following + keys, amounts=True) != width:
        return None
    return position, keys, width


def _scale_grids(lines: list[str]) -> list[Grid]:
    """Scales: a title line, then a line of its points and nothing else ("Assistant
    Secretary (PPC)" above "161,593 – 168,937 – 176,896 – 184,852"); each a grid of one row."""
    grids = []
    for position in range(1, len(lines)):
        points = _scale_points(lines[position])
        title = lines[position - 1].strip()
        if points is None or not title or _scale_points(title) is not None:
            continue
        if len(title.split()) > _HEADING_WORDS * 2 or title.endswith((".", ":", ";")):
            continue
        columns = tuple(f"point {n}" for n in range(1, len(points) + 1))
        row = GridRow(title, points, lines[position].strip())
        grids.append(Grid(title, title, "scale", columns, (row,)))
    return grids


def _scale_points(line: str) -> tuple[str, ...] | None:
    """The amounts of a line that holds amounts only, at least two, rising ("38,369 –
    41,039 – 41,803¹"), or None."""
    parts = [p for p in _SCALE_SEPARATOR.split(line.strip()) if p]
    amounts = [amount_cell(_SCALE_MARK.sub("", part)) for part in parts]
    if len(amounts) < _MIN_SCALE_POINTS or any(a is None for a in amounts):
        return None
    values = [money_value(a or "") or 0.0 for a in amounts]
    if any(later < earlier for earlier, later in itertools.pairwise(values)):
        return None
    return tuple(a or "" for a in amounts)


def _one_line_grid(lines: list[str], number: int) -> Grid | None:
    """A whole table flattened onto one line: "£ Grade Minimum Maximum AO 16,356 20,673 EO
    20,049 28,112 ...": a header of pay column names, then rows of a key and as many amounts.
    Its heading is the nearest line above that is not another such table."""
    line = lines[number]
    tokens = list(re.finditer(r"\S+", line))
    start = next(
        (n for n, t in enumerate(tokens[: _ONE_LINE_LEAD + 1]) if _COLUMN_WORD.match(t.group())),
        None,
    )
    if start is None:
        return None
    end = start
    while end < len(tokens) and _COLUMN_WORD.match(tokens[end].group()):
        end += 1
    columns = tuple(t.group() for t in tokens[start:end])
    rows: list[GridRow] = []
    position = end
    while position < len(tokens):
        first = position
        while position < len(tokens) and amount_cell(tokens[position].group()) is None:
            position += 1
        amounts = []
        while position < len(tokens) and amount_cell(tokens[position].group()) is not None:
            amounts.append(amount_cell(tokens[position].group()) or "")
            position += 1
        if position == first or first == position - len(amounts) or len(amounts) != len(columns):
            return None  # a key with no amounts, amounts with no key, or a ragged row
        key = line[tokens[first].start() : tokens[position - len(amounts) - 1].end()]
        quote = line[tokens[first].start() : tokens[position - 1].end()]
        rows.append(GridRow(key, tuple(amounts), quote))
    if len(columns) < 2 or len(rows) < 2:
        return None
    header = line[tokens[0].start() : tokens[end - 1].end()]
    key_name = " ".join(t.group() for t in tokens[:start])
    above = [x for x in lines[:number] if header not in x]
    return Grid(_heading_above(above, len(above)), header, key_name, columns, tuple(rows))


# -- reading a question against a grid ----------------------------------------------------------


@dataclass(frozen=True)
class GridQuestion:
    keys: tuple[tuple[str, str], ...]  # grade keys: ("au", "2")
    names: tuple[str, ...]  # acronyms in capitals that may be a row's whole key: "EO"
    dates: tuple[Date, ...]
    step: str | None  # "step 7", "step a"
    extremes: tuple[str, ...]  # "highest", "lowest", or both ("the lowest and highest points")
    years: float | None = None  # "with 3 years' experience"
    period: str | None = None  # "hourly": a row keyed by its period ("9 Hourly")
    titles: tuple[str, ...] = ()  # the row keys of the grids the question writes out
    middle: bool = False  # "the midpoint": the column a grid names so
    columns: tuple[str, ...] = ()  # the column names of the grids the question writes out

    @property
    def selects_cells(self) -> bool:
        """Whether it names a column or row a grid may hold: a step, a date, an extreme, a
        period."""
        selects = self.dates or self.step or self.extremes or self.years is not None
        selects = selects or self.middle or self.columns
        return bool(self.keys or self.names or self.titles) and bool(selects or self.period)


def grid_question(question: str, keys: Sequence[tuple[str, str]]) -> GridQuestion:
    step = _STEP.search(question)
    extremes = tuple(
        name for name, rx in (("highest", _HIGHEST), ("lowest", _LOWEST)) if rx.search(question)
    )
    asked_periods = periods_in(question)
    return GridQuestion(
        tuple(keys),
        tuple(_ACRONYM.findall(question)),
        tuple(_dates(question)),
        " ".join(g.lower() for g in step.groups() if g) if step else None,
        extremes,
        float(years.group(1)) if (years := _YEARS_ASKED.search(question)) else None,
        next(iter(asked_periods)) if len(asked_periods) == 1 else None,
        middle=bool(_MIDDLE.search(question)),
    )


def columns_written(question: str, grids: Sequence[Grid]) -> tuple[str, ...]:
    """The column names of these grids that the question writes out, as whole words ("Level
    III", not "Level I" inside it): a column named by words, not a step asked by number."""
    flat = " ".join(question.lower().split())
    names = {name for grid in grids for name in grid.columns if re.search(r"[A-Za-z]", name)}
    return tuple(
        sorted(
            name
            for name in names
            if re.search(rf"(?<!\w){re.escape(' '.join(name.lower().split()))}(?!\w)", flat)
        )
    )


def titles_written(question: str, grids: Sequence[Grid]) -> tuple[str, ...]:
    """The row keys of these grids that the question writes out in words ("Executive Officer
    (PPC)"), less those inside a longer one it writes ("Higher Executive Officer (PPC)")."""
    flat = " ".join(question.lower().split())
    spans = []
    for key in {row.key for grid in grids for row in grid.rows}:
        # "01-01 ELEM BLDG SECRETARY": the title is written without the row's number.
        title = re.sub(r"^(?:\S*\d\S*\s+)+", "", key).lower()
        if len(title) < _MIN_TITLE_KEY or not re.search(r"[a-z]{3}", title):
            continue
        if periods_in(title) and len(title.split()) <= 2:
            continue  # "14 Hourly": a grade's row of a pay period, not a title
        for match in re.finditer(rf"(?<!\w){re.escape(' '.join(title.split()))}(?!\w)", flat):
            spans.append((match.start(), match.end(), key))
    return tuple(
        key
        for start, end, key in spans
        if not any(s <= start and end <= e and (s, e) != (start, end) for s, e, _ in spans)
    )


def cell_of(cell: Cell, asked: GridQuestion) -> bool:
    """Whether a cell is in a row, or a table, of the grades the question names."""
    return _row_fits(cell.grid, cell.row, asked)


def cells_holding(grid: Grid, amounts: Sequence[str]) -> list[Cell]:
    """The cells of the grid whose amount is one of these (compared as values: "101,010"
    is "101010"): which row and column pays it."""
    wanted = {money_value(a) for a in amounts} - {None}
    return [
        Cell(grid, row, grid.columns[n], amount)
        for row in grid.rows
        for n, amount in enumerate(row.cells)
        if n < len(grid.columns) and money_value(amount) in wanted
    ]


def amounts_in(question: str) -> list[str]:
    """The amounts a question writes, as a pay table would ("101010", "$68,410", "32.79"),
    not its years or small numbers, nor a part of a dotted number ("AS 39.27.011")."""
    found = re.findall(r"(?<![\d.])[$£€]?\d[\d,]*(?:\.\d{2})?(?!\.?\d)", question)
    return [cell for cell in (amount_cell(f.rstrip(",")) for f in found) if cell]


def _row_fits(grid: Grid, row: GridRow, asked: GridQuestion) -> bool:
    """Whether a row is of a grade asked: its table's heading names it ("AU-2 - Annual Rates
    of Pay"), its key names it ("APS4"), is the acronym asked ("EO", "Executive Officer
    (EO)"), or is the bare value under a grade column ("12" under "Grade" for GS-12)."""
    keys = asked.keys
    if row.key in asked.titles:
        return True
    if has_row_key(grid.heading, keys) or has_row_key(row.key, keys):
        return True
    if any(row.key == name or row.key.endswith(f"({name})") for name in asked.names):
        return True
    first = row.key.split()[0].lower() if row.key.split() else ""
    named = {w for phrase in field_labels().grade for w in phrase.split()}
    graded = any(w in named for w in re.findall(r"[a-z]+", grid.key_name.lower()))
    return graded and any(first == value for _, value in keys)


def _dates(text: str) -> list[Date]:
    """The dates a text writes: "June 22, 2008", "12 March 2026", "aug 2023", "2010"."""
    found: list[Date] = []
    for match in _DATE.finditer(text):
        if match.group("bare"):
            found.append((None, None, int(match.group("bare"))))
            continue
        month_text = (match.group("month1") or match.group("month2") or "").lower()[:3]
        month = next((n + 1 for n, m in enumerate(_MONTHS) if m.startswith(month_text)), None)
        day = match.group("day1") or match.group("day2")
        found.append((int(day) if day else None, month, int(match.group("year"))))
    return found


def _date_fits(asked: Date, text: str) -> bool:
    """Whether the text writes the date asked, to the detail both give ("2010" fits "June
    22, 2010")."""
    day, month, year = asked
    for found_day, found_month, found_year in _dates(text):
        if found_year != year:
            continue
        if month is not None and found_month is not None and found_month != month:
            continue
        if day is not None and found_day is not None and found_day != day:
            continue
        return True
    return False


def select_cells(grid: Grid, asked: GridQuestion, document: str = "") -> list[Cell]:
    """The cells of the grid the question asks for: rows of the grade asked (by their key or
    the table's heading) and of the date asked, columns of the step or date asked; an
    extreme picks the highest or lowest of them. A date the document's title or the table's
    heading holds dates the whole table and selects nothing."""
    rows = [r for r in grid.rows if _row_fits(grid, r, asked)]
    columns = list(range(len(grid.columns)))
    for date in asked.dates:
        if _date_fits(date, f"{document}\n{grid.heading}"):
            continue  # "the 2024 table": the date of the whole table
        by_row = [r for r in rows if _date_fits(date, r.key)]
        by_column = [n for n in columns if _date_fits(date, grid.columns[n])]
        if by_row:
            rows = by_row
        elif by_column:
            columns = by_column
        else:
            return []  # a date the grid does not hold
    if asked.years is not None:
        rows = [r for r in rows if _within(asked.years, r.key)]
    if asked.period:  # "the hourly maximum": the row of each grade keyed by that period
        by_period = [r for r in rows if asked.period in periods_in(r.key)]
        if by_period:
            rows = by_period
        elif not (asked.dates or asked.step or asked.extremes or asked.years is not None):
            return []
    if asked.step:
        named = [n for n in columns if grid.columns[n].lower() == asked.step]
        if not named:
            return []
        columns = named
    named_columns = [n for n in columns if grid.columns[n] in asked.columns]
    if named_columns and not asked.step:  # "Level III" written out
        columns = named_columns
    if asked.middle:  # "the midpoint of grade 7": the column a grid names so, if it has one
        columns = [n for n in columns if _MIDDLE.search(grid.columns[n])]
        if not columns:
            return []
    cells = [
        Cell(grid, row, grid.columns[n], row.cells[n])
        for row in rows
        for n in columns
        if n < len(row.cells) and row.cells[n]  # an empty cell gives nothing
    ]
    if not asked.extremes or not cells:
        return cells
    # The extremes of each grade asked ("the hourly max of grade 5 vs grade 15"), or of each
    # title.
    groups = [
        [c for c in cells if _row_fits(grid, c.row, replace(asked, keys=(key,), names=()))]
        for key in asked.keys
    ] + [[c for c in cells if c.row.key == title] for title in asked.titles]
    picked: list[Cell] = []
    for group in [g for g in groups if g] or [cells]:
        for extreme in asked.extremes:
            chosen = _extreme(group, extreme)
            if chosen not in picked:
                picked.append(chosen)
    return picked


def _extreme(cells: Sequence[Cell], extreme: str) -> Cell:
    """The first cell holding the highest (or lowest) amount."""
    valued = [(money_value(c.amount) or 0.0, c) for c in cells]
    pick = max if extreme == "highest" else min
    best = pick(value for value, _ in valued)
    return next(c for value, c in valued if value == best)
