"""Pay grids written a cell a line, and grids of one row: header cells ending in "|" above a
"---|---" rule with a key cell and its amounts below ("APS4 |", "$75,279 |"); a stream of cells
split by "|" ("Grade", "B/O", "Step 1" ..., then "1", "B", "10.53" ...); cells a line with
nothing to mark them ("Group", "0", "1", then "01-01", "ELEM BLDG SECRETARY", "22.09" ...); pay by
years of experience under a grade's heading ("Band 6", "2-5 years  £39,405"); and scales, a
title line above a line of its points ("Executive Officer (PPC)" above "36,044 – 37,278"); and
columns named a line each ("Minimum per annum", "Maximum per annum", "£", "£") above rows of a
title line and its amounts a line each.
"""

from __future__ import annotations

import itertools
import re

from assistant.grid_layouts import NUMBERED_COLUMN, Grid, GridRow, heading_above, numbered_run
from index.money import money_value
from index.pay_tables import amount_cell

# A scale written as its points on one line: "36,044 – 37,278 – 38,369¹".
_SCALE_SEPARATOR = re.compile(r"\s*[–—-]\s*|\s+")
_SCALE_MARK = re.compile(r"[¹²³⁴⁵⁶⁷⁸⁹*]+$")
_MIN_SCALE_POINTS = 2
_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$")
# Pay by experience under a grade's heading: "<2 years' experience  £37,338", "2-5 years
# £39,405", "5+ years  £44,962"; and the years a question gives ("3 yrs experience").
_BRACKET_LINE = re.compile(
    r"^\s*(?P<bracket>(?:<|under|less than)?\s*\d+(?:\.\d+)?\s*(?:[-–]\s*\d+(?:\.\d+)?|\+)?"
    r"\s*(?:years?|yrs?)\b[^\d£$€]*?)\s+(?P<amount>[£$€]?\s?\d[\d,]*(?:\.\d{2})?)\s*$",
    re.IGNORECASE,
)
_HEADING_WORDS = 4
# A grid of a cell a line: at most so many key cells a row, at least so many rows.
_LONE_KEY_CELLS = 3
_MIN_LONE_ROWS = 2
# A grid of two amounts a row needs more rows: a label and its value a line each are no grid.
_MIN_NARROW_ROWS = 3
_MAX_HEADER_ROWS = 4
_MIN_FIGURED_HEADER_ROWS = 2


def cell_grids(lines: list[str]) -> list[Grid]:
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
            heading = heading_above(lines, position - len(above))
            header = "\n".join(x for x in above if x.strip())
            grids.append(Grid(heading, header, "", columns, tuple(rows)))
    return grids


def stream_grids(lines: list[str]) -> list[Grid]:
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
        numbered = [n for n in names if NUMBERED_COLUMN.fullmatch(n)]
        # The first row's key cells follow the last column's name.
        last = max(
            (n for n, name in enumerate(names) if NUMBERED_COLUMN.fullmatch(name)), default=0
        )
        header_length = last + 1 - len(numbered)
        if not numbered_run(numbered) or names[header_length : last + 1] != numbered:
            position = max(end, position + 1)
            continue
        key_names = names[:header_length][-2:]
        start = position + header_length + len(numbered)
        rows, position = _stream_rows(lines, cells, start, len(numbered), max(len(key_names), 1))
        if rows:
            first_line = cells[start - len(numbered) - len(key_names)][0]
            header = "\n".join(lines[first_line : cells[start - 1][0] + 1])
            heading = heading_above(lines, first_line)
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


def bracket_grids(lines: list[str]) -> list[Grid]:
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


def within_bracket(years: float, bracket: str) -> bool:
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


def lone_cell_grids(lines: list[str]) -> list[Grid]:
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
        names, header_rows = _stacked_names(header, width)
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
        if len(rows) >= (_MIN_LONE_ROWS if width > _MIN_SCALE_POINTS else _MIN_NARROW_ROWS):
            # A header of several rows names no key column; one row names it before its columns.
            above = width * header_rows if header_rows > 1 else keys + width
            start = cells[first_key - above][0] if first_key >= above else 0
            key_name = "" if header_rows > 1 else " ".join(header[-width - keys : -width])
            header_text = "\n".join(lines[start : cells[first_key - 1][0] + 1])
            # The cells above the header are more of it ("Steps", "Longevity"), not a heading.
            grids.append(Grid("", header_text, key_name, tuple(names), tuple(rows)))
            position = at
        else:
            position += 1
    return grids


def _stacked_names(header: list[str], width: int) -> tuple[list[str], int]:
    """The names of a grid's `width` columns from the header cells above its first row, and
    how many rows of cells the header takes: the last `width`, or, where the header is written
    over several rows of cells alike in shape ("July 1, 2024", "June 11, 2025", then "to",
    "to", then "June 10, 2025", "June 30, 2026"), each column's cells joined ("July 1, 2024 to
    June 10, 2025")."""
    rows = 1
    while (rows + 1) * width <= len(header) and rows < _MAX_HEADER_ROWS:
        cells = header[len(header) - (rows + 1) * width : len(header) - rows * width]
        named = not any(amount_cell(c) or len(c.split()) > _HEADING_WORDS for c in cells)
        if len({_cell_shape(c) for c in cells}) != 1 or not named:
            break
        rows += 1
    last = header[len(header) - rows * width :]
    # Two rows of figures at least: the ends of a span ("from ... to ..."), not the key
    # columns' names over the columns' numbers ("Group", "Classification", then "0", "1").
    figured = sum(
        all(re.search(r"\d", c) for c in last[n : n + width]) for n in range(0, len(last), width)
    )
    if rows == 1 or figured < _MIN_FIGURED_HEADER_ROWS:
        return header[-width:], 1
    return [" ".join(last[n::width]) for n in range(width)], rows


def _cell_shape(cell: str) -> str:
    """A cell's shape: its words and numbers as classes ("June 10, 2025" is "a 9, 9")."""
    return re.sub(r"[A-Za-z]+", "a", re.sub(r"\d+", "9", cell))


def _lone_cell_shape(cells: list[tuple[int, str]], position: int) -> tuple[int, int, int] | None:
    """(where the first row's key cells start, how many key cells a row has, how many amounts)
    when cells[position] starts a row of key cells then at least two amounts, and the next
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
    if width < _MIN_SCALE_POINTS or run(following, amounts=False) != keys:
        return None
    if run(following + keys, amounts=True) != width:
        return None
    return position, keys, width


def scale_grids(lines: list[str]) -> list[Grid]:
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


# A column named on its own line ("Minimum per annum", "Maximum per week"), and a line that is
# only the currency of the column below it ("£").
_NAMED_COLUMN_LINE = re.compile(
    r"^(?:minimum|maximum|midpoint|mid-point|min|max|mid)\b.{0,30}$", re.IGNORECASE
)
_CURRENCY_LINE = re.compile(r"^[£$€¥]$")
_ROW_KEY_WORDS = 10


def named_column_grids(lines: list[str]) -> list[Grid]:
    """Grids whose column names stand a line each ("Minimum per annum", "Maximum per annum",
    then a "£" line under each), above rows of a key line ("Executive Officer") and its
    amounts a line each ("6,465", "12,810"). A row with fewer amounts than columns cannot
    say which it lacks ("Secretary", "35,695"): it is left out, and the rows go on."""
    cells = [(n, line.strip()) for n, line in enumerate(lines) if line.strip()]
    texts = [text for _, text in cells]
    grids = []
    position = 0
    while position < len(cells):
        width = 0
        while position + width < len(cells) and _NAMED_COLUMN_LINE.match(texts[position + width]):
            width += 1
        if width < 2:
            position += 1
            continue
        columns = tuple(texts[position : position + width])
        at = position + width
        while at < len(cells) and _CURRENCY_LINE.match(texts[at]):
            at += 1
        rows: list[GridRow] = []
        while at < len(cells) and amount_cell(texts[at]) is None:
            key = texts[at]
            if _NAMED_COLUMN_LINE.match(key) or len(key.split()) > _ROW_KEY_WORDS:
                break
            following = texts[at + 1 :]
            amounts = list(itertools.takewhile(lambda t: amount_cell(t) is not None, following))
            if not amounts or len(amounts) > width:
                break
            if len(amounts) == width:
                quote = "\n".join(lines[cells[at][0] : cells[at + width][0] + 1])
                rows.append(GridRow(key, tuple(amount_cell(a) or a for a in amounts), quote))
            at += 1 + len(amounts)
        if rows:
            header = "\n".join(lines[cells[position][0] : cells[position + width - 1][0] + 1])
            grids.append(Grid(_heading_before(texts, position), header, "", columns, tuple(rows)))
        position = max(at, position + 1)
    return grids


def _heading_before(cells: list[str], position: int) -> str:
    """The short line just above a grid's first column name, when there is one."""
    above = cells[position - 1] if position else ""
    if amount_cell(above) is not None or len(above.split()) > _ROW_KEY_WORDS:
        return ""
    return above
