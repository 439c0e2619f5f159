"""A table a web page flattened into a bulleted list: each row a bullet, its cells the lines
indented under it, the first bullet holding the column names.

      • Tiers                          Tiers | Avg Hours Worked per Week | Stipend ... |
        Avg Hours Worked per Week  ->  I | 6-10 hrs/week | $2,200 per Semester |
        Stipend Amount per Semester
      • I
        6-10 hrs/week
        $2,200 per Semester

A row is read so only when it has as many cells as the names: a bullet with a cell left out
("• IV" over two lines under three names) stays a list, since which cell is missing cannot be
told, and a figure under the wrong name would be a wrong answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_BULLET = re.compile(r"^(?P<indent>[ \t]*)[•●▪◦·*]\s+(?P<text>\S.*)$")
# A table has its names and this many rows of the same width at least.
_MIN_ROWS = 2
_MIN_CELLS = 2
_MAX_CELL_CHARS = 60
# The bullets read as one table at the most: a longer list is read a bullet at a time.
_MOST_ROWS = 100


@dataclass
class _Item:
    start: int  # the bullet's line
    end: int  # after its last cell
    key: str
    cells: list[str]


def bullet_rows_as_table(text: str) -> str:
    """The text with each bulleted table written as "|" rows: its names, then its rows."""
    lines = text.split("\n")
    out: list[str] = []
    position = 0
    while position < len(lines):
        items = _items_at(lines, position)
        if not _is_table(items):
            # A list of bullets that is no table: a table's names head its own list.
            end = items[-1].end if items else position + 1
            out.extend(lines[position:end])
            position = end
            continue
        names, width = items[0], len(items[0].cells)
        out.append(" | ".join([names.key, *names.cells]) + " |")
        apart = False
        for item in items[1:]:
            if len(item.cells) == width and not apart:
                out.append(" | ".join([item.key, *item.cells]) + " |")
                continue
            if not apart:
                out.append("")  # the bullets left a list are not rows of the table above
                apart = True
            out.extend(lines[item.start : item.end])
        position = items[-1].end
    return "\n".join(out)


def _items_at(lines: list[str], position: int) -> list[_Item]:
    """The bullets that follow one another from this line, each with the lines indented under
    it; [] when the line is no bullet."""
    items: list[_Item] = []
    while (
        position < len(lines)
        and len(items) < _MOST_ROWS
        and (bullet := _BULLET.match(lines[position]))
    ):
        depth = len(bullet["indent"].expandtabs())
        end = position + 1
        cells: list[str] = []
        while end < len(lines) and lines[end].strip() and not _BULLET.match(lines[end]):
            line = lines[end]
            if len(line) - len(line.lstrip()) <= depth:
                break  # back at the bullet's margin: the list has ended
            cells.append(line.strip())
            end += 1
        items.append(_Item(position, end, bullet["text"].strip(), cells))
        position = end
    return items


def _is_table(items: list[_Item]) -> bool:
    """Whether the items make a table: the first names its columns (no figure in them), and
    at least _MIN_ROWS others have a cell under each name, a figure among them."""
    if len(items) <= _MIN_ROWS:
        return False
    names = items[0]
    width = len(names.cells)
    if width < _MIN_CELLS or any(re.search(r"\d", c) for c in [names.key, *names.cells]):
        return False
    if any(len(c) > _MAX_CELL_CHARS or c.endswith((".", ":")) for c in names.cells):
        return False  # sentences or labels under a bullet, not the names of columns
    rows = [
        item
        for item in items[1:]
        if len(item.cells) == width and any(re.search(r"\d", c) for c in item.cells)
    ]
    return len(rows) >= _MIN_ROWS
