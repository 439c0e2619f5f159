"""Pay-point tables flattened one row a line, each class named once, at the start of its first
row: "APS 5Maximum pay point$91,549$95,028$98,259" then "3rd pay point$89,503$92,904$96,063"
... "1st pay point$85,633$88,887$91,909", then "APS 4Maximum pay point...". The row labels
repeat under every class; what stands before a repeated label is the class's name."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

from index.cells import reads_as_title
from index.class_facts import ClassFacts
from index.money import CURRENCY_SIGNS, money_value
from index.pay_tables import context_period

# The amounts closing a row, each with its currency sign, glued or spaced; a "*" marks a
# footnote.
_AMOUNTS = re.compile(rf"(?:[{CURRENCY_SIGNS}]\s?\d{{1,3}}(?:,\d{{3}})*(?:\.\d{{2}})?\*?\s*)+$")
_AMOUNT = re.compile(rf"[{CURRENCY_SIGNS}]\s?\d{{1,3}}(?:,\d{{3}})*(?:\.\d{{2}})?")
# Where two cells ran together: a small letter, figure or mark, then a capital with no space.
_GLUED = re.compile(r"(?<=[a-z0-9*)])(?=[A-Z][a-z])")
# A class's short name: "APS 5", "EL2", "SCS".
_SHORT_NAME = re.compile(r"^[A-Z]{2,5}\s?\d{0,2}[A-Z]?$")
_MIN_GROUPS = 2
_MIN_POINTS = 2


@dataclass(frozen=True)
class _Row:
    index: int  # its line
    head: str  # the words before its amounts
    amounts: tuple[str, ...]


def grouped_pay_points(lines: list[str]) -> list[ClassFacts]:
    """Each class of such a table, its range from its lowest pay point to its highest in the
    first column (the rates in force first; later columns are later rates). A row that states
    a span ("Zone of discretion* $168,610 / to $178,558") holds fewer amounts than the pay
    points and is not one; it may still open its class."""
    rows = [row for index, line in enumerate(lines) if (row := _row(index, line))]
    if not rows:
        return []
    width = Counter(len(r.amounts) for r in rows if len(r.amounts) > 1).most_common(1)
    if not width:
        return []
    points = {r.index for r in rows if len(r.amounts) == width[0][0]}  # lines of pay points
    labels = _repeated_labels([r.head for r in rows])
    groups: list[tuple[str, int, list[_Row]]] = []  # (class name, its first line, its points)
    for row in rows:
        if row.head in labels:
            if groups and row.index in points:
                groups[-1][2].append(row)
            continue
        name = _name_before(row.head, labels)
        if name is None:
            groups.append(("", row.index, []))  # a row of another kind ends the class above
            continue
        groups.append((name, row.index, [row] if row.index in points else []))
    named = [g for g in groups if g[0] and len(g[2]) >= _MIN_POINTS]
    if len(named) < _MIN_GROUPS:
        return []
    period = context_period(lines[: rows[0].index])
    found = []
    for name, first, group in named:
        facts = _class_facts(name, group, lines[first : group[-1].index + 1], period)
        if facts:
            found.append(facts)
    return found


def _row(index: int, line: str) -> _Row | None:
    match = _AMOUNTS.search(line)
    if not match:
        return None
    head = line[: match.start()].strip()
    if not re.search(r"[A-Za-z]", head):
        return None
    return _Row(index, head, tuple(_AMOUNT.findall(match.group(0))))


def _repeated_labels(heads: list[str]) -> set[str]:
    """The row labels every class repeats: a head written whole twice or more, or the part
    after a glued class name ("Executive Level 2Zone of discretion*") that two heads share."""
    whole = Counter(heads)
    glued = Counter(parts[-1] for head in set(heads) if len(parts := _GLUED.split(head)) > 1)
    return {h for h, n in whole.items() if n > 1} | {p for p, n in glued.items() if n > 1}


def _name_before(head: str, labels: set[str]) -> str | None:
    """The class name written before a row label: one that repeats, or one of a repeated
    label's shape with another number ("Clerk I Step 1" where "Step 2" and "Step 3" repeat)."""
    shapes = {_shape(label) for label in labels}
    words = head.split()
    spaced = [" ".join(words[i:]) for i in range(1, len(words))]
    candidates = sorted(labels, key=len, reverse=True) + [s for s in spaced if _shape(s) in shapes]
    for label in candidates:
        if head.endswith(label) and len(head) > len(label):
            name = head[: -len(label)].strip()
            if _SHORT_NAME.match(name) or reads_as_title(name):
                return name
    return None


def _shape(label: str) -> str:
    return re.sub(r"\d+", "#", label)


def _class_facts(
    name: str, group: list[_Row], quoted: list[str], period: str | None
) -> ClassFacts | None:
    firsts = [r.amounts[0] for r in group]
    values = [v for a in firsts if (v := money_value(a)) is not None]
    steps = list(pairwise(values))
    climbing, falling = all(a < b for a, b in steps), all(a > b for a, b in steps)
    if len(values) < len(firsts) or not (climbing or falling):
        return None  # pay points climb one way; a table read wrongly does not
    low, high = (firsts[0], firsts[-1]) if climbing else (firsts[-1], firsts[0])
    return ClassFacts(
        name, "\n".join(quoted).strip(), salary_min=low, salary_max=high, salary_period=period
    )
