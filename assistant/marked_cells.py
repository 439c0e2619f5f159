"""Pay grids written a cell a line, each cell opened by a "|", as a web page's table copies:
"|Category", "|Salary (pm) FY 2020/2021", then "|Permanent Secretary (U1S)", "|15,400,000",
"|77"; a line without the mark continues the cell above it.
"""

from __future__ import annotations

import re

from assistant.grid_layouts import Grid, GridRow, heading_above
from index.pay_tables import amount_cell

# A header of cells opened by "|" names its key column and two amount columns at least.
_MIN_MARKED_NAMES = 3
_MIN_ROWS = 2
# A figure in a cell: an amount, or a count or share with no sign ("77", "14%").
_BARE_FIGURE = re.compile(r"^\d{1,3}(?:\.\d+)?%?$")


def marked_cell_grids(lines: list[str]) -> list[Grid]:
    """Grids written a cell a line, each cell opened by a "|": a header of names ("|Category",
    "|Salary (pm) FY 2015/ 2016", ...), then rows of a key cell and a figure under each other
    name. A line without the mark inside such a run continues the cell above ("|Approve Pay
    Target" then "(FY 2022/2023)"). Figures may be bare counts or shares ("|77")."""
    grids = []
    for run in _marked_runs(lines):
        texts = [text for _, text in run]
        lead = next((n for n, text in enumerate(texts) if _figure(text)), len(texts))
        width = lead - 1  # the names of the header; the last cell before a figure is a key
        if width < _MIN_MARKED_NAMES:
            continue
        rows: list[GridRow] = []
        at = lead - 1
        while at + width <= len(run) and not _figure(texts[at]):
            amounts = texts[at + 1 : at + width]
            if not all(_figure(a) for a in amounts):
                break
            quote = "\n".join(lines[run[at][0] : run[at + width - 1][0] + 1])
            rows.append(GridRow(texts[at], tuple(amount_cell(a) or a for a in amounts), quote))
            at += width
        if len(rows) >= _MIN_ROWS:
            header = "\n".join(lines[run[0][0] : run[lead - 2][0] + 1])
            heading = heading_above(lines, run[0][0])
            grids.append(Grid(heading, header, texts[0], tuple(texts[1 : lead - 1]), tuple(rows)))
    return grids


def _marked_runs(lines: list[str]) -> list[list[tuple[int, str]]]:
    """Runs of cells a line each opened by a "|" (the mark dropped), with their line numbers;
    a line without the mark between two marked ones continues the cell above it."""
    runs: list[list[tuple[int, str]]] = []
    run: list[tuple[int, str]] = []
    written = [(n, line.strip()) for n, line in enumerate(lines) if line.strip()]
    for at, (number, text) in enumerate(written):
        if text.startswith("|") and "|" not in text[1:]:
            run.append((number, text[1:].strip()))
            continue
        following = written[at + 1][1] if at + 1 < len(written) else ""
        if run and following.startswith("|") and not _figure(text):
            run[-1] = (run[-1][0], f"{run[-1][1]} {text}")
            continue
        if run:
            runs.append(run)
        run = []
    return [*runs, run] if run else runs


def _figure(cell: str) -> bool:
    """Whether a cell holds a figure: an amount, a count or a share."""
    return amount_cell(cell) is not None or bool(_BARE_FIGURE.match(cell))
