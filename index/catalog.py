"""Parse a standard into its sections and a catalog of the classes (levels) it describes."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from pathlib import Path

from index.structure import (
    LEVEL_SUFFIX,
    Block,
    Section,
    build_sections,
    normalise_title,
    parse_blocks,
)
from index.types import ClassRecord, Evidence, SourceDocument

_ROMAN_VALUES = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8,
                 "IX": 9, "X": 10}
MONEY = r"\$\s?\d{1,3}(?:,\d{3})*(?:\.\d{2})?|\$\s?\d+(?:\.\d{2})?"
_SALARY_RANGE = re.compile(rf"(?P<min>{MONEY})\s*(?:-|–|—|to)\s*(?P<max>{MONEY})")
_CODE = re.compile(r"^(?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{2,11}$")
_PAY_GRADE = re.compile(r"^[A-Z]{0,3}-?\d{1,3}[A-Z]?$")
# "Certified Peer Specialist 1, Grade 11" in a title cell.
_TITLE_WITH_GRADE = re.compile(
    r"^(?P<title>.+?),\s*(?P<label>Salary Group|Pay Grade|Pay Range|Grade|Group|Range)\s+"
    r"(?P<grade>[A-Z]{0,3}-?\d{1,3}[A-Z]?)$",
    re.IGNORECASE,
)
# "Salary Group: A12", "Class Code: 4008" in a title block.
_KEY_VALUE = re.compile(
    r"^(?P<key>Salary Group|Pay Grade|Pay Range|Grade|Class Code|Job Code|Occupational Code|"
    r"Code)\s*:\s*(?P<value>\S.*?)\s*$",
    re.IGNORECASE,
)
_COLUMN_ROLES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("minimum", ("minimum", "min")),
    ("maximum", ("maximum", "max")),
    ("pay_grade", ("salary group", "pay grade", "grade", "group", "pay range", "schedule")),
    ("salary", ("salary range", "annual salary", "range", "salary")),
    ("code", ("code", "number", "no.")),
    ("title", ("title", "class", "position", "job")),
)
_SMALL_WORDS = {"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to"}


@dataclass(frozen=True)
class ParsedStandard:
    document: SourceDocument
    sections: list[Section]
    classes: list[ClassRecord]
    recognised: bool  # False when no class could be read: indexed as passages only


def parse_standard(document: SourceDocument) -> ParsedStandard:
    """Sections and class records of one standard."""
    blocks = parse_blocks(document.text)
    table_rows = _table_classes(blocks)
    titles = [row.title for row in table_rows]
    sections = build_sections(blocks, document.title, titles)
    classes = _merge_classes(document, sections, table_rows)
    return ParsedStandard(document, sections, classes, recognised=bool(classes))


def split_level(title: str) -> tuple[str, int | None]:
    """("Certified Peer Specialist 2") -> ("Certified Peer Specialist", 2)."""
    match = LEVEL_SUFFIX.search(title)
    if not match:
        return title, None
    level = _ROMAN_VALUES[match.group("roman")] if match.group("roman") else int(
        match.group("arabic"))
    return title[: match.start()].strip(" ,"), level


def smart_title(text: str) -> str:
    """Title case for ALL-CAPS titles, keeping Roman numerals and small words as they should be."""
    if not text.isupper():
        return text
    words = []
    for index, word in enumerate(text.split()):
        if word in _ROMAN_VALUES:
            words.append(word)
        elif index and word.lower() in _SMALL_WORDS:
            words.append(word.lower())
        else:
            words.append(word.capitalize())
    return " ".join(words)


@dataclass(frozen=True)
class _TableRow:
    title: str
    quote: str
    header: str | None
    code: str | None
    pay_label: str | None
    pay_grade: str | None
    salary_min: str | None
    salary_max: str | None


def _table_classes(blocks: list[Block]) -> list[_TableRow]:
    rows: list[_TableRow] = []
    for block in blocks:
        if block.kind != "table":
            continue
        header_cells = _header_cells(block.lines[0])
        data = block.lines[1:] if header_cells else block.lines
        roles = [_column_role(cell) for cell in header_cells] if header_cells else []
        header = block.lines[0] if header_cells else None
        for line in data:
            row = _parse_row(line, roles, header_cells, header)
            if row:
                rows.append(row)
    return rows


def _header_cells(line: str) -> list[str] | None:
    cells = [c.strip() for c in line.split("\t")]
    if any(re.search(r"\d", c) for c in cells):
        return None
    if sum(1 for c in cells if _column_role(c)) >= 2:
        return cells
    return None


def _column_role(cell: str) -> str | None:
    lowered = cell.lower()
    for role, keywords in _COLUMN_ROLES:
        if any(re.search(rf"\b{re.escape(k)}\b", lowered) for k in keywords):
            return role
    return None


def _parse_row(line: str, roles: list[str | None], header_cells: list[str] | None,
               header: str | None) -> _TableRow | None:
    cells = [c.strip() for c in line.split("\t")]
    found: dict[str, str] = {}
    pay_label = None
    for index, cell in enumerate(cells):
        role = roles[index] if index < len(roles) else None
        if not cell:
            continue
        if role == "pay_grade" and header_cells:
            found["pay_grade"] = cell
            pay_label = smart_title(header_cells[index])
        elif role in ("title", "code", "minimum", "maximum", "salary"):
            found[role] = cell
        elif _SALARY_RANGE.search(cell):
            found["salary"] = cell
        elif _CODE.match(cell) and "title" in found:
            found.setdefault("code", cell)
        elif re.search(r"[a-z]{3}", cell.lower()) and "title" not in found:
            found["title"] = cell
    title = found.get("title")
    if not title:
        return None
    grade_match = _TITLE_WITH_GRADE.match(title)
    if grade_match:
        title = grade_match.group("title")
        pay_label = smart_title(grade_match.group("label")).title()
        found["pay_grade"] = grade_match.group("grade")
    salary_min, salary_max = found.get("minimum"), found.get("maximum")
    salary = _SALARY_RANGE.search(found.get("salary", ""))
    if salary:
        salary_min, salary_max = salary.group("min"), salary.group("max")
    if not (found.get("code") or found.get("pay_grade") or salary_min):
        return None
    return _TableRow(smart_title(title), line, header, found.get("code"), pay_label,
                     found.get("pay_grade"), salary_min, salary_max)


def _merge_classes(document: SourceDocument, sections: list[Section],
                   rows: list[_TableRow]) -> list[ClassRecord]:
    """One record per class: table rows, then title-block facts for the class named in the title."""
    section_of_line = {line: s.name for s in sections for b in s.blocks for line in b.lines}
    records: dict[str, ClassRecord] = {}
    for row in rows:
        series, level = split_level(row.title)
        section = section_of_line.get(row.quote, document.title)
        evidence = [Evidence("title", section, row.quote)]
        if row.code:
            evidence.append(Evidence("code", section, row.quote))
        if row.pay_grade:
            evidence.append(Evidence("pay_grade", section, row.quote))
        if row.salary_min:
            evidence.append(Evidence("salary", section, row.quote))
        records[normalise_title(row.title)] = ClassRecord(
            source=document.source, title=row.title, jurisdiction=document.jurisdiction,
            publisher=document.publisher, date=document.date, doc_title=document.title,
            series=series, level=level, code=row.code, pay_label=row.pay_label,
            pay_grade=row.pay_grade, salary_min=row.salary_min, salary_max=row.salary_max,
            evidence=tuple(evidence),
        )
    _add_title_block_facts(document, sections, records)
    _add_level_labels(sections, records)
    return list(records.values())


def _add_title_block_facts(document: SourceDocument, sections: list[Section],
                           records: dict[str, ClassRecord]) -> None:
    """ "Salary Group: A12" / "Class Code: 4008" under the title describe the title's class."""
    if not sections or sections[0].kind != "heading":
        return
    facts: dict[str, str] = {}
    evidence: list[Evidence] = []
    for block in sections[0].blocks:
        for line in block.lines:
            match = _KEY_VALUE.match(line.strip())
            if not match:
                continue
            key, value = match.group("key").title(), match.group("value")
            field = "code" if "Code" in key else "pay_grade"
            if field == "pay_grade":
                facts["pay_label"] = key
            facts[field] = value
            evidence.append(Evidence(field, sections[0].name, line.strip()))
    if not facts:
        return
    key = normalise_title(document.title)
    existing = records.get(key)
    if existing is None:
        series, level = split_level(document.title)
        existing = ClassRecord(source=document.source, title=document.title,
                               jurisdiction=document.jurisdiction, publisher=document.publisher,
                               date=document.date, doc_title=document.title, series=series,
                               level=level)
    records[key] = replace(
        existing,
        code=existing.code or facts.get("code"),
        pay_grade=existing.pay_grade or facts.get("pay_grade"),
        pay_label=existing.pay_label or facts.get("pay_label"),
        evidence=(*existing.evidence, *evidence),
    )


def _add_level_labels(sections: list[Section], records: dict[str, ClassRecord]) -> None:
    """ "Certified Peer Specialist 2: supervisory level; ..." gives the level's label."""
    for section in sections:
        if section.kind != "distinguishing":
            continue
        for block in section.blocks:
            match = re.match(r"^(?P<title>[^:]{3,80}):\s*(?P<label>[^;,.]*\blevel)\b", block.text)
            if match and normalise_title(match.group("title")) in records:
                key = normalise_title(match.group("title"))
                records[key] = replace(records[key], level_label=match.group("label").strip())


def save_catalog(path: Path, records: list[ClassRecord]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = {"records": [r.to_json() for r in records]}
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(payload, indent=1, ensure_ascii=False), encoding="utf-8")
    tmp.replace(path)


def load_catalog(path: Path) -> list[ClassRecord]:
    if not path.is_file():
        return []
    payload = json.loads(path.read_text(encoding="utf-8"))
    return [ClassRecord.from_json(r) for r in payload.get("records", [])]
