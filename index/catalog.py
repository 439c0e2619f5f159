"""Parse a standard into its sections and a catalog of the classes (levels) it describes."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from pathlib import Path

from index.class_facts import (
    MONEY,
    SALARY_RANGE,
    ClassFacts,
    bare_pay_facts,
    key_value_facts,
    label_line_facts,
    range_below_grade_facts,
    spaced_row_classes,
    stacked_label_facts,
    stacked_run_facts,
    table_classes,
    titled_code_facts,
    uncoloned_code_facts,
    uncoloned_pay_facts,
    with_period_lines,
)
from index.extract import head_names_one_class, layout_classes, one_class_title
from index.levels import LEVEL_SUFFIX, ROMAN_VALUES, level_value, roman
from index.money import money_value, period_beside, period_in
from index.pay_tables import pay_table_classes
from index.period_columns import period_pair_rows
from index.step_groups import grouped_pay_points
from index.structure import (
    Section,
    build_sections,
    normalise_title,
    parse_blocks,
    smart_title,
)
from index.titled_blocks import level_keyed_ranges
from index.types import ClassRecord, Evidence, SourceDocument

__all__ = [
    "MONEY",
    "SALARY_RANGE",
    "ParsedStandard",
    "catalog_lines",
    "load_catalog",
    "parse_standard",
    "record_line",
    "save_catalog",
    "save_catalog_lines",
    "smart_title",
    "split_level",
]

# "Miscellaneous Clerk and Assistant, GS-5": a federal grade is the level within the series.
_GRADE_SUFFIX = re.compile(r",?\s+(?:GS|GG|GM)-(?P<grade>\d{1,2})$")
# "Water Treatment Operator Trainee": a named entry level, below level 1, with no number.
_WORD_LEVEL_SUFFIX = re.compile(r",?\s+(?:Trainee|Apprentice|Intern|Recruit)$", re.IGNORECASE)
# "Miscellaneous Clerk and Assistant Series, GS-0303" / "Water Treatment Operator Series".
_SERIES_TITLE = re.compile(
    r"^(?:[A-Z]{2}-\d{4}\s+)?(?P<name>.+?)(?:\s+(?:Class\s+)?Series)?(?:,?\s+[A-Z]{2}-\d{4})?$"
)
_SERIES_WORD = re.compile(r"\bSeries(?:,?\s+[A-Z]{2}-\d{4})?$|\b[A-Z]{2}-\d{4}\b", re.IGNORECASE)
# Titles of documents that list many classes: their title-block facts belong to no one class.
_MANY_CLASSES = re.compile(
    # "work schedule" is when a class works, not a schedule of classes.
    r"\b(?<!work )(?:schedule|pay plan|salary plan|compensation plan|salary table|pay table)s?\b",
    re.IGNORECASE,
)
# A parenthesis, innermost first: "(..., pay plan, salary, ...)".
_PARENTHESIS = re.compile(r"\([^()]*\)")


def titles_many_classes(title: str) -> bool:
    """Whether a document's title names a document of many classes ("Salary Schedule 2024",
    "Pay Systems and Tables (SES pay plan ...)"). Words in parentheses after a head that names
    one class list what its posting holds ("Senior Equipment Operator - state job posting
    (requisition number, pay plan, salary ...)"): no plan of many classes."""
    if not _MANY_CLASSES.search(title):
        return False
    outside = title
    while (inner := _PARENTHESIS.sub("", outside)) != outside:
        outside = inner
    return bool(_MANY_CLASSES.search(outside)) or not head_names_one_class(title)


# "... journey level", "... full performance level": at most three words before "level".
_LEVEL_LABEL = r"(?P<label>(?:[\w-]+\s+){0,3}?level)\b"


@dataclass(frozen=True)
class ParsedStandard:
    document: SourceDocument
    sections: list[Section]
    classes: list[ClassRecord]
    recognised: bool  # False when no class could be read: indexed as passages only


def parse_standard(document: SourceDocument) -> ParsedStandard:
    """Sections and class records of one standard."""
    blocks = parse_blocks(document.text)
    lines = document.text.splitlines()
    rows = table_classes(blocks, series_name(document.title)) + spaced_row_classes(blocks)
    rows += layout_classes(document.text) + pay_table_classes(document.text)
    rows += grouped_pay_points(lines)
    # A document titled for several levels ("Grounds Assistant 1 / 2 - ...") describes each:
    # a heading that names one opens that class's section.
    several = levels_titled(document.title)
    rows += level_keyed_ranges(lines, several)
    rows = [_run_on(row, lines) for row in rows]
    titles = [row.title or "" for row in rows] + several
    sections = build_sections(blocks, document.title, titles)
    catalog = _Catalog(document, sections, _one_class(document, rows))
    one = catalog.one_class[0] if catalog.one_class else None
    # The one row of the document's heading, naming its class at more length.
    heading = len({normalise_title(row.title) for row in rows if row.title}) == 1
    for row in rows:
        longer = one is not None and heading and _names_longer(row.title, one)
        catalog.add(row, one if longer or row.title is None else None)
    if catalog.one_class:
        for facts in catalog.one_class[1]:
            catalog.add(facts, catalog.one_class[0])
    _add_key_value_facts(catalog)
    if catalog.one_class:  # "BAND / GRADE" stacked above "A / 1" state the class's facts
        for facts in stacked_run_facts(lines):
            catalog.add(facts, catalog.one_class[0])
        for facts in titled_code_facts(lines, catalog.one_class[0]):
            catalog.add(facts, catalog.one_class[0])
        for facts in bare_pay_facts(lines) + range_below_grade_facts(lines):
            catalog.add(facts, catalog.one_class[0])
        for facts in period_pair_rows(lines):
            catalog.add(facts, catalog.one_class[0])
    _add_level_labels(catalog)
    _periods_written_twice(catalog, lines)
    classes = list(catalog.records.values())
    return ParsedStandard(document, sections, classes, recognised=bool(classes))


def _run_on(row: ClassFacts, lines: list[str]) -> ClassFacts:
    """A row whose line runs on into the next after a slash ("$25.41-$30.89 Hourly /
    $1,905.75-$2,316.75 BiWeekly /" over "$4,129.13-$5,019.63 Monthly / $49,549.50-$60,235.50
    Yearly"), quoted with that line: it gives the same pay by other periods."""
    last = row.quote.split("\n")[-1].rstrip()
    if not last.endswith("/") or not row.salary_min:
        return row
    at = next((n for n, line in enumerate(lines) if line.rstrip() == last), None)
    following = (
        next((line.strip() for line in lines[at + 1 :] if line.strip()), "")
        if at is not None
        else ""
    )
    return replace(row, quote=f"{row.quote}\n{following}") if following else row


def split_level(title: str) -> tuple[str, int | None]:
    """("Certified Peer Specialist 2") -> ("Certified Peer Specialist", 2); a named entry level
    ("... Trainee") keeps its series and has no number; a federal grade ("..., GS-5") is one."""
    grade = _GRADE_SUFFIX.search(title)
    if grade:
        return title[: grade.start()].strip(" ,"), int(grade.group("grade"))
    word = _WORD_LEVEL_SUFFIX.search(title)
    if word:
        return title[: word.start()].strip(" ,"), None
    qualified = _QUALIFIER_AFTER_LEVEL.search(title)
    if qualified:  # "Police Dispatcher 1 (Flex)": the level before a word in parentheses
        series, level = split_level(title[: qualified.start()])
        # "Bus Operator (Part-Time)": how the post is held, not which class it is.
        if level is not None or _TERMS_OF_POST.fullmatch(qualified.group(0)):
            return series, level
    match = LEVEL_SUFFIX.search(title)
    if not match:
        return title, None
    level = (
        ROMAN_VALUES[match.group("roman")] if match.group("roman") else int(match.group("arabic"))
    )
    return title[: match.start()].strip(" ,"), level


# A word or two in parentheses closing a title, and the unit after a comma: "(Flex)",
# "(Parks)", "(Part-Time), Circulation"; not the levels listed after it (", II, III").
_QUALIFIER_AFTER_LEVEL = re.compile(
    r"(?:\s+\([A-Za-z][\w -]{0,20}\)|,\s+(?![IVX]+\b)[A-Z][A-Za-z &-]{0,30})+\s*$"
)


# How a post is held, as a title may write it in parentheses and a question beside the class.
POST_TERMS = (
    "casual", "temporary", "seasonal", "permanent", "fixed-term", "contract", "relief", "locum",
    "part-time", "full-time",
)  # fmt: skip
# A parenthesis that says how a post is held: "(Part-Time)", "(Seasonal)", "(Temporary)".
_TERMS_OF_POST = re.compile(
    rf"\s*\((?:{'|'.join(term.replace('-', '[- ]?') for term in POST_TERMS)})\)", re.IGNORECASE
)


def series_name(title: str) -> str | None:
    """The series a title names ("Water Treatment Operator Series" -> "Water Treatment
    Operator"), or None when the title names one class."""
    if not _SERIES_WORD.search(title):
        return None
    match = _SERIES_TITLE.match(title.strip())
    return match.group("name").strip(" ,") if match else None


class _Catalog:
    """The records of one standard as they are found, keyed by normalised title."""

    def __init__(
        self,
        document: SourceDocument,
        sections: list[Section],
        one_class: tuple[str, list[ClassFacts]] | None = None,
    ) -> None:
        self.document = document
        self.sections = sections
        self.one_class = one_class  # the class the whole standard describes, if it is one
        self.records: dict[str, ClassRecord] = {}
        self._section_of_line = {
            line: s.name for s in sections for b in s.blocks for line in b.lines
        }

    def section_of(self, quote: str) -> str:
        return self._section_of_line.get(quote, self.document.title)

    def add(self, facts: ClassFacts, title: str | None = None) -> None:
        """Merge one line's facts into the record of its class (created if new).

        Facts already known are kept: the first line that states a fact (a table row before
        the title block) supplies it; every line that states it is kept as evidence.
        """
        title = title or facts.title
        if not title:
            return
        if SEVERAL_LEVELS.match(title):
            # "Utility Worker I, II, III": the levels may share a code or grade, but a pay
            # line under such a title does not say which level it pays.
            facts = replace(facts, salary_min=None, salary_max=None, salary_period=None,
                            pay_columns=())  # fmt: skip
            if not facts.fields and normalise_title(title) not in self.records:
                return
        key = normalise_title(title)
        record = self.records.get(key)
        if record is not None and (namesake := _namesake(record, facts, title)):
            # "Accountant 2 00311" and "Accountant 2 90311": two rows of one title, each
            # with its own code (or its own grade and pay), are two classes.
            key = f"{key}#{namesake}"
            record = self.records.get(key)
        record = record or self._new_record(title)
        section = self.section_of(facts.quote)
        evidence = [Evidence(name, section, facts.quote) for name in facts.fields]
        salary_min, salary_max, period = _merged_pay(record, facts)
        self.records[key] = replace(
            record,
            code=record.code or facts.code,
            pay_grade=record.pay_grade or facts.pay_grade,
            pay_label=record.pay_label if record.pay_grade else facts.pay_label,
            salary_min=salary_min,
            salary_max=salary_max,
            salary_period=period,
            evidence=(*record.evidence, *evidence),
            pay_columns=record.pay_columns or facts.pay_columns,
        )

    def _new_record(self, title: str) -> ClassRecord:
        document = self.document
        series, level = split_level(title)
        return ClassRecord(
            source=document.source,
            title=title,
            jurisdiction=document.jurisdiction,
            publisher=document.publisher,
            date=document.date,
            doc_title=document.title,
            series=series,
            level=level,
        )


def _namesake(record: ClassRecord, facts: ClassFacts, title: str) -> str | None:
    """What tells apart a row titled as a record that is another class of the same title:
    both rows name the title and give different codes of one shape ("00311", "90311"; not a
    job code and the "M1" of a career track), or different grades each with its own pay ("SCS
    Pay Band 1 56,100 116,000" and "SCS Pay Band 2 81,600 160,000"); None when it is the same
    class."""
    own_row = facts.title is not None and normalise_title(facts.title) == normalise_title(title)
    if not own_row:
        return None
    if record.code and facts.code and record.code != facts.code:
        return facts.code if _shape(record.code) == _shape(facts.code) else None
    graded = record.pay_grade and facts.pay_grade and record.pay_grade != facts.pay_grade
    paid = record.salary_min and facts.salary_min and record.salary_min != facts.salary_min
    return facts.pay_grade if graded and paid else None


def _shape(code: str) -> str:
    return re.sub(r"[A-Za-z]", "A", re.sub(r"\d", "9", code))


def _merged_pay(
    record: ClassRecord, facts: ClassFacts
) -> tuple[str | None, str | None, str | None]:
    """(minimum, maximum, period) once a line's facts join the record's. A range comes whole
    from the first line that states one; a line that states only its top ("Maximum salary
    $26.85") completes a bottom that came alone, and a line that states only a period ("Pay
    range frequency: Hourly") gives the amounts' period."""
    completes = bool(record.salary_min and not record.salary_max)
    completes = completes and bool(facts.salary_max and not facts.salary_min)
    if not (facts.salary_min or facts.salary_max):
        return record.salary_min, record.salary_max, record.salary_period or facts.salary_period
    if record.salary_min and not completes:
        return record.salary_min, record.salary_max, record.salary_period
    amount = facts.salary_min or facts.salary_max
    period = facts.salary_period or period_beside(facts.quote, amount) or record.salary_period
    return record.salary_min or facts.salary_min, facts.salary_max, period


# Section kinds whose "Label: value" lines state the facts of the class described.
_FACT_SECTIONS = ("heading", "pay_table", "description", "note")


def _add_key_value_facts(catalog: _Catalog) -> None:
    """ "Salary Group: A12" / "Class Code: 4008" lines of the title block, pay sections, class
    sub-sections and the sections that describe the class ("Job Description" holding "Pay
    Grade: 10"); the lines of a section on duties, requirements or related classes may name
    another class's code or grade."""
    for section in catalog.sections:
        if (
            section.kind in _FACT_SECTIONS
            or section.class_title
            or _headed_by_class(catalog, section)
            or _headed_by_label(catalog, section)
        ):
            for facts in _key_value_lines(section):
                _add_key_value(catalog, section, facts)


def _headed_by_class(catalog: _Catalog, section: Section) -> bool:
    """Whether the section's heading is the title of the one class the standard describes: its
    lines ("Range: $30,533.38 - $45,767.77", "Position Number: 3327") are that class's."""
    if not catalog.one_class or not section.path:
        return False
    return normalise_title(section.path[-1]) == normalise_title(catalog.one_class[0])


def _headed_by_label(catalog: _Catalog, section: Section) -> bool:
    """Whether the section's heading is a field's label over its value, in a standard of one
    class: "Job Number" above "181-2023-4" in a posting laid out a label a line."""
    lines = [line.strip() for block in section.blocks for line in block.lines]
    if not catalog.one_class or not section.path:
        return False
    label = section.path[-1]
    values = lines[1:] if lines[:1] == [label] else lines  # the heading among its lines or not
    return bool(values) and stacked_label_facts(label, values[0]) is not None


def _key_value_lines(section: Section) -> list[ClassFacts]:
    """The facts of a section's labelled lines. A value alone on the line below its label may
    look like a heading ("Pay range frequency" above "Hourly"), and so may a label, the
    section's own heading among them ("Salary" above "$23.93-$29.09 Hourly"): each is read
    with the line below, and with the lines of other periods' ranges that follow it."""
    lines = [
        (line, block.kind == "heading", number)
        for number, block in enumerate(section.blocks)
        for line in block.lines
    ]
    plain = [line for line, heading, _ in lines if not heading]

    def stacked(label: str, at: int) -> ClassFacts | None:
        """The label read with the line at `at`, and the period lines after it."""
        if at >= len(lines):
            return None
        facts = stacked_label_facts(label, lines[at][0])
        block = lines[at][2]
        rest = [line for line, _, number in lines[at + 1 :] if number == block]
        return with_period_lines(facts, rest) if facts is not None else None

    # The section's own heading labels its first line ("Salary" over "$23.93-$29.09 Hourly").
    headed = stacked(section.path[-1], 0) if section.path else None
    found = [headed] if headed is not None else []
    at_plain = 0
    for index, (line, heading, _) in enumerate(lines):
        if heading:  # "Salary" heading "$23.93-$29.09 Hourly"
            facts = stacked(line, index + 1)
            found += [facts] if facts is not None else []
            continue
        at_plain += 1
        following = plain[at_plain] if at_plain < len(plain) else ""
        labelled = key_value_facts(line)
        if labelled is not None:  # and the lines of other periods' amounts after it
            labelled = with_period_lines(labelled, plain[at_plain:])
        facts = (
            label_line_facts(line, following)
            or labelled
            or stacked(line, index + 1)
            or uncoloned_code_facts(line)
            or uncoloned_pay_facts(line, lines[index - 1][0] if index else "")
        )
        if facts is not None:
            found.append(facts)
    return found


def _add_key_value(catalog: _Catalog, section: Section, facts: ClassFacts) -> None:
    """In a class's own sub-section the facts describe that class; elsewhere, the class the
    document is titled after; under a series title, a code every level shares unless it has
    its own. A schedule's title names no class, so its title block describes none."""
    title = catalog.document.title
    if section.class_title:
        catalog.add(facts, section.class_title)
    elif catalog.one_class:
        catalog.add(facts, catalog.one_class[0])
    elif series_name(title) and facts.code:
        _add_series_code(catalog, facts)


def _one_class(
    document: SourceDocument, rows: list[ClassFacts]
) -> tuple[str, list[ClassFacts]] | None:
    """The class a standard's title or "Class Title:" line names, unless its rows name others."""
    if titles_many_classes(document.title):
        return None
    one = one_class_title(document.title, document.text)
    if one and series_name(document.title) and not one[1]:
        return None
    titles = {normalise_title(row.title) for row in rows if row.title}
    if one is None:
        return None
    longer = len(titles) == 1 and _names_longer(next(iter(titles)), one[0])
    if titles and normalise_title(one[0]) not in titles and not longer:
        return None
    return _without_employer(one[0], document), one[1]


def _names_longer(title: str | None, one: str) -> bool:
    """Whether a row's title names the document's one class at more length, as its heading
    may ("Exam Bulletin - Forester I - Nonsupervisory" of "Forester I (Nonsupervisory)")."""
    words = set(re.findall(r"[a-z0-9]+", (title or "").lower()))
    own = set(re.findall(r"[a-z0-9]+", one.lower()))
    return bool(own) and own < words


# "Utility Worker I, II, III", "Road Maintenance Worker I/II": a title naming several levels.
_LEVEL_WORD = r"(?:[IVX]{1,4}|\d{1,2})"
SEVERAL_LEVELS = re.compile(
    rf"^(?P<series>[A-Za-z][\w &'.-]*?)\s+(?P<levels>{_LEVEL_WORD}"
    rf"(?:\s*(?:,|/|&|\band\b|\bor\b)\s*{_LEVEL_WORD})+)\s*$"
)


# A title naming a run of levels: "Maintenance I-IV", "Grounds Keeper 1 to 3".
_LEVEL_RUN = re.compile(
    rf"^(?P<series>[A-Za-z][\w &'.-]*?)\s+(?P<low>{_LEVEL_WORD})\s*(?:-|–|—|\bto\b|\bthrough\b)"
    rf"\s*(?P<high>{_LEVEL_WORD})\s*$"
)
_MAX_RUN = 10


def levels_titled(title: str) -> list[str]:
    """The classes a title naming several levels names: "Utility Worker I, II, III - City of
    X job posting" -> "Utility Worker I", "Utility Worker II", "Utility Worker III"; a run of
    levels names each ("Maintenance I-IV" -> "Maintenance I" to "Maintenance IV")."""
    head = re.split(r"\s+[-–—]\s+|\s*\(", title, maxsplit=1)[0].strip()
    match = SEVERAL_LEVELS.match(head)
    if match:
        levels = re.findall(_LEVEL_WORD, match.group("levels"))
        return [f"{match.group('series')} {level}" for level in levels]
    run = _LEVEL_RUN.match(head)
    if not run:
        return []
    low, high = level_value(run.group("low")), level_value(run.group("high"))
    if low is None or high is None or not 0 < high - low < _MAX_RUN:
        return []
    written = roman if run.group("low").isalpha() else str
    return [f"{run.group('series')} {written(level)}" for level in range(low, high + 1)]


# "Custodian I - Escondido Union School District": the title, a dash, then its employer.
_LAST_DASH = re.compile(r"\s+[-–—]\s+(?=[^-–—]*$)")
_PLACE_FILLERS = frozenset({"of", "the", "and"})


def _without_employer(title: str, document: SourceDocument) -> str:
    """The title less a last part after a dash that names the document's jurisdiction or
    publisher, word for word."""
    parts = _LAST_DASH.split(title, maxsplit=1)
    if len(parts) < 2:
        return title
    employer = re.findall(r"[a-z]+", f"{document.jurisdiction} {document.publisher}".lower())
    named = set(re.findall(r"[a-z]+", parts[1].lower())) - _PLACE_FILLERS
    return parts[0] if named and named <= set(employer) else title


def _add_series_code(catalog: _Catalog, facts: ClassFacts) -> None:
    """A series code ("Series Code: 0303") is the code of each level that names none."""
    for record in list(catalog.records.values()):
        if record.code is None:
            catalog.add(ClassFacts(None, facts.quote, code=facts.code), record.title)


def _periods_written_twice(catalog: _Catalog, lines: list[str]) -> None:
    """A range a class's line gives with no period ("Starting Salary range: 71,385 - 83,987")
    that another line of the document writes with its period ("$71,385 - $83,987 / year") is
    pay of that period, as that line writes it; the line is quoted first."""
    # Each line's range and period, read once: (its ends' values, the match, the period, line).
    written = [
        ((money_value(match["min"]), money_value(match["max"])), match, period, line.strip())
        for line in lines
        if (match := SALARY_RANGE.search(line)) and (period := period_in(line))
    ]
    for key, record in catalog.records.items():
        if record.salary_period or not (record.salary_min and record.salary_max):
            continue
        ends = (money_value(record.salary_min), money_value(record.salary_max))
        twin = next((w for w in written if w[0] == ends), None)
        if twin is None:
            continue
        _, match, period, line = twin
        evidence = Evidence("salary", catalog.section_of(line), line)
        catalog.records[key] = replace(
            record,
            salary_min=match["min"].strip(),
            salary_max=match["max"].strip(),
            salary_period=period,
            evidence=(evidence, *record.evidence),
        )


def _add_level_labels(catalog: _Catalog) -> None:
    """The label a standard gives each level: "Certified Peer Specialist 2: supervisory level",
    "Eligibility Worker II is the journey level", or "Entry level; ..." under a class heading."""
    for section in catalog.sections:
        if section.kind not in ("distinguishing", "description"):
            continue
        for block in section.blocks:
            if section.class_title:
                _label_from_class_section(catalog, section.class_title, block.text)
            for record in list(catalog.records.values()):
                _label_from_sentence(catalog, record, block.text)


def _label_from_class_section(catalog: _Catalog, class_title: str, text: str) -> None:
    match = re.match(rf"(?:(?:the|an?)\s+)?{_LEVEL_LABEL}", text, re.IGNORECASE)
    if match:
        _set_label(catalog, class_title, match.group("label"))


def _label_from_sentence(catalog: _Catalog, record: ClassRecord, text: str) -> None:
    if record.title.lower() not in text.lower():  # the pattern quotes the title: skip compiling
        return
    pattern = (
        rf"(?<![\w-]){re.escape(record.title)}(?![\w-])"
        rf"(?:\s*:\s*|\s+is\s+(?:the|an?)\s+){_LEVEL_LABEL}"
    )
    match = re.search(pattern, text, re.IGNORECASE)
    if match:
        _set_label(catalog, record.title, match.group("label"))


def _set_label(catalog: _Catalog, title: str, label: str) -> None:
    key = normalise_title(title)
    record = catalog.records.get(key)
    if record is not None and record.level_label is None:
        catalog.records[key] = replace(record, level_label=label.strip())


_CATALOG_OPENS, _CATALOG_CLOSES = '{"records": [', "]}"


def record_line(record: ClassRecord) -> str:
    """One record as its line of the catalog."""
    return json.dumps(record.to_json(), ensure_ascii=False)


def save_catalog(path: Path, records: list[ClassRecord]) -> None:
    save_catalog_lines(path, [record_line(r) for r in records])


def save_catalog_lines(path: Path, lines: list[str]) -> None:
    """Write the catalog a record a line (record_line): readable, written by json's C encoder
    (an indented dump runs in Python: 0.8 against 0.3 s for 30,000 classes), and a run that
    rewrites a few documents copies the others' lines as they are (catalog_lines)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    body = ",\n".join(lines)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(f"{_CATALOG_OPENS}\n{body}\n{_CATALOG_CLOSES}\n", encoding="utf-8")
    tmp.replace(path)


def catalog_lines(path: Path, classes: dict[str, int]) -> dict[str, list[str]] | None:
    """Each document's records as their lines of a catalog save_catalog_lines wrote, cut by
    how many classes each document has there (in the catalog's order), none parsed: reading
    30,000 records and writing them back took 1.4 s. None when the file is not laid out so."""
    lines = path.read_text(encoding="utf-8").split("\n")
    if lines[:1] != [_CATALOG_OPENS] or lines[-2:] != [_CATALOG_CLOSES, ""]:
        return None
    body = [line.removesuffix(",") for line in lines[1:-2] if line]
    if len(body) != sum(classes.values()):
        return None
    found: dict[str, list[str]] = {}
    start = 0
    for source, count in classes.items():
        own = body[start : start + count]
        start += count
        named = f'"source": {json.dumps(source, ensure_ascii=False)}'
        if own and not (named in own[0] and named in own[-1]):
            return None  # not the document's lines: the counts do not describe this file
        found[source] = own
    return found


def load_catalog(path: Path) -> list[ClassRecord]:
    if not path.is_file():
        return []
    payload = json.loads(path.read_text(encoding="utf-8"))
    return [ClassRecord.from_json(r) for r in payload.get("records", [])]
