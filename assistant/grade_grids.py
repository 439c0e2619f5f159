"""Pay grids whose rows are grades written once for several lines: a grade named on the
first line of its group of rows only ("Grade 6       21 28,759", then "22 29,605"), or grades
across a line with their amounts one a line below ("#10  #11", then "$17,368.00  $18,283.20",
then "8.35  8.79"), as a bill may print them with line numbers in its gutter.
"""

from __future__ import annotations

import re

from assistant.grid_layouts import EMPTY_CELL, Grid, GridRow, heading_above
from index.pay_tables import amount_cell

# A grade's label and value opening a group of rows ("Grade 6", "Band 3", "Grade 10a"); the
# rest of its line is the group's first row, or nothing.
_GROUP_LABEL = re.compile(r"^(?P<label>(?P<word>[A-Za-z]+)\s+(?P<value>\d{1,3}[A-Za-z]?))(?:\s+|$)")
# Words of grade labels that name a grade, not the key of a row within it (a point, a step).
_GROUP_WORDS = frozenset({"grade", "band", "level", "group", "range", "scale", "zone"})
# A row of a group: a short key ("21", "Disc*") and its amounts.
_GROUP_ROW_KEY = re.compile(r"^[A-Za-z0-9][\w*.]{0,9}$")
_MIN_GROUPS = 2
_GROUP_NOTE_WORDS = 4
# What the rows of a group are keyed by, when the line above the groups says.
_ROW_KEY_NAMES = ("point", "step")


def grouped_grids(lines: list[str]) -> list[Grid]:
    """Rows grouped under a grade that only the group's first line names: "Grade 6       21
    28,759", then "22 29,605", "23 30,487" (or "Grade 8" alone, its rows below), until the
    next grade. Each group of a run of two or more is a grid of its own, headed by its grade;
    the line above the run is their header ("HERA grade Point Salary (£)"), and names the
    rows' key when it speaks of points or steps (a run of one group needs such a header).
    A short note may stand between a grade and its first row ("No automatic increments")."""
    runs: list[list[tuple[str, list[GridRow]]]] = []
    run: list[tuple[str, list[GridRow]]] = []
    headers: list[str] = []
    above = ""
    for line in lines:
        text = line.strip()
        if not text:
            continue
        label = _GROUP_LABEL.match(text)
        if label and label.group("word").lower() in _GROUP_WORDS:
            rest = text[label.end() :]
            first = _group_row(rest, text) if rest else None
            if not rest or first is not None:
                if not run:
                    headers.append(above)
                    runs.append(run)
                run.append((label.group("label"), [first] if first else []))
                continue
        row = _group_row(text, text)
        if row is not None:
            if run:
                run[-1][1].append(row)
            continue  # a row before any grade belongs to none, and heads nothing
        if run and not run[-1][1] and len(text.split()) <= _GROUP_NOTE_WORDS:
            continue  # a note between a grade and its rows ("No automatic increments")
        run, above = [], text
    grids = []
    for header, groups in zip(headers, runs, strict=True):
        named = next((n for n in _ROW_KEY_NAMES if n in header.lower()), "")
        if (len(groups) < _MIN_GROUPS and not named) or not all(rows for _, rows in groups):
            continue  # one group is a grid only under a header that names its rows' key
        for grade, rows in groups:
            width = len(rows[0].cells)
            if any(len(r.cells) != width for r in rows):
                continue
            columns = tuple(f"amount {n}" for n in range(1, width + 1))
            grids.append(Grid(grade, header or grade, named, columns, tuple(rows)))
    return grids


def _group_row(text: str, quote: str) -> GridRow | None:
    """A row of a group ("21 28,759", "Disc* 22,681"): a short key, then amounts only."""
    key, *cells = text.split()
    amounts = [amount_cell(cell) for cell in cells]
    if not amounts or any(a is None for a in amounts) or not _GROUP_ROW_KEY.match(key):
        return None
    if amount_cell(key) is not None:
        return None  # an amount first: a row of figures with no key
    return GridRow(key, tuple(a or "" for a in amounts), quote)


# A line number in a document's gutter, before its text ("  1 23 "): page and line.
_GUTTER = re.compile(r"^\s*\d{1,3}\s+\d{1,2}(?:\s+|$)")
_GUTTER_SHARE = 0.6
# A grade written as a key across a header: "#10", "A12", "GS-5".
_ACROSS_KEY = re.compile(r"^(?:#|[A-Z]{1,3}-?)(\d{1,3}[A-Za-z]?)$")


def without_gutter(lines: list[str]) -> list[str]:
    """The lines without the line numbers in their gutter, when most of them have such numbers
    (a legislature's bill: "  1 23 #10   #11"); else as they are."""
    written = [line for line in lines if line.strip()]
    numbered = sum(1 for line in written if _GUTTER.match(line))
    if not written or numbered < _GUTTER_SHARE * len(written):
        return lines
    return [_GUTTER.sub("", line, count=1) for line in lines]


def across_grids(lines: list[str]) -> list[Grid]:
    """Grades across a line ("#10  #11  #12"), each with the amounts below it, one a line
    ("$17,368.00  $18,283.20  $19,198.40" then "8.35  8.79  9.23"): each grade is a row of
    the grid, its amounts the cells of columns no header names. Line numbers in the gutter are
    read past; the rows quote the lines as the document writes them."""
    read = without_gutter(lines)
    grids = []
    position = 0
    while position < len(read):
        keys = [_ACROSS_KEY.match(token) for token in read[position].split()]
        if not keys or not all(keys):
            position += 1
            continue
        below = position + 1
        while below < len(read) and _amounts_only(read[below], len(keys)):
            below += 1
        if below == position + 1:
            position += 1
            continue
        quote = "\n".join(lines[position:below]).strip()
        amounts = [read[n].split() for n in range(position + 1, below)]
        # "#14" is grade 14; "GS-5" and "A12" keep their letters.
        names = [
            key.group(1) if key.group(0).startswith("#") else key.group(0) for key in keys if key
        ]
        rows = tuple(
            GridRow(name, tuple(cells[n] for cells in amounts), quote)
            for n, name in enumerate(names)
        )
        columns = tuple(f"amount {n}" for n in range(1, below - position))
        heading = heading_above(read, position)
        grids.append(
            Grid(heading, lines[position].strip(), "grade", columns, rows, whole_rows=True)
        )
        position = below
    return grids


def _amounts_only(line: str, width: int) -> bool:
    """A line of `width` amounts and nothing else, none of them empty ("0.00", "-")."""
    cells = line.split()
    return len(cells) == width and all(
        amount_cell(cell) and not EMPTY_CELL.match(cell) for cell in cells
    )
