"""Score the class catalog against hand-made gold labels: field-level precision and recall, per
document and overall (`python -m assistant eval-catalog`).

A gold class is matched to the extracted record of the same document whose title is the same
(case, punctuation and Roman/Arabic level aside). Every extracted value is then right, wrong, or
extra; every gold value is found or missed. An extracted record that matches no gold class
counts against title precision: a class that does not exist is a wrong figure waiting to happen.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from index.catalog import parse_standard, split_level
from index.levels import level_value
from index.load import load_sources
from index.money import money_value
from index.structure import normalise_title
from index.types import ClassRecord

FIELDS = ("title", "code", "pay_grade", "salary_min", "salary_max", "period")


class LabelsError(Exception):
    """A gold-label file that cannot be used."""


@dataclass
class FieldScore:
    """Counts for one field: extracted right, extracted wrong, gold values present."""

    right: int = 0
    extracted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float | None:
        return self.right / self.extracted if self.extracted else None

    @property
    def recall(self) -> float | None:
        return self.right / self.gold if self.gold else None

    def add(self, other: FieldScore) -> None:
        self.right += other.right
        self.extracted += other.extracted
        self.gold += other.gold


@dataclass
class DocumentScore:
    source: str
    gold_classes: int
    extracted_classes: int
    fields: dict[str, FieldScore] = field(default_factory=lambda: {f: FieldScore() for f in FIELDS})


def load_labels(path: Path) -> dict[str, list[dict[str, Any]]]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise LabelsError(f"{path}: {error}") from error
    if not isinstance(data, dict):
        raise LabelsError(f"{path}: expected a mapping of document paths to class lists")
    return {str(k): list(v or []) for k, v in data.items()}


def score_catalog(sources: Path, labels: dict[str, list[dict[str, Any]]]) -> list[DocumentScore]:
    """Parse every labelled document as the indexer does and score its records."""
    loaded = {d.source: d for d in load_sources(sources).documents}
    scores = []
    for source, gold in sorted(labels.items()):
        document = loaded.get(source)
        records = parse_standard(document).classes if document else []
        scores.append(score_document(source, gold, records))
    return scores


def score_document(
    source: str, gold: list[dict[str, Any]], records: list[ClassRecord]
) -> DocumentScore:
    score = DocumentScore(source, len(gold), len(records))
    unmatched = list(records)
    for expected in gold:
        record = _match(expected, unmatched)
        if record is not None:
            unmatched.remove(record)
        for name in FIELDS:
            want = expected.get(name)
            if name == "title" and not want and record is not None:
                continue  # a grade row the standard gives no title: the record's name is a label
            got = _value(record, name) if record is not None else None
            if name == "title" and record is not None and record.title == record.code:
                got = None  # a class named by its code alone ("AU-1" heading its grid): no title
            tally = score.fields[name]
            tally.gold += want is not None and want != ""
            tally.extracted += got is not None
            tally.right += got is not None and want is not None and _same(name, got, str(want))
    score.fields["title"].extracted += len(unmatched)  # classes that are not in the standard
    for record in unmatched:
        for name in FIELDS[1:]:
            score.fields[name].extracted += _value(record, name) is not None
    return score


def _match(expected: dict[str, Any], records: list[ClassRecord]) -> ClassRecord | None:
    title = expected.get("title")
    if title:
        wanted = _title_key(str(title))
        for record in records:
            if _title_key(record.title) == wanted:
                return record
    code = expected.get("code")
    if code:
        return next((r for r in records if r.code and r.code.lower() == str(code).lower()), None)
    grade = expected.get("pay_grade")
    if grade and not title:  # a row of a pay table keyed by its grade ("GS 9", "Band 5")
        wanted_grade = str(grade).strip().lower()
        return next(
            (r for r in records if r.pay_grade and r.pay_grade.strip().lower() == wanted_grade),
            None,
        )
    return None


def _title_key(title: str) -> str:
    """A title for matching: lower case, punctuation gone, its level as a number."""
    series, level = split_level(title.strip())
    words = normalise_title(series)
    if level is None:
        tail = re.search(r"\s(\S+)$", words)
        level = level_value(tail.group(1)) if tail else None
        if level is not None and tail:
            words = words[: tail.start()]
    return f"{words} {level}" if level is not None else words


def _value(record: ClassRecord, name: str) -> str | None:
    if name == "period":
        return record.salary_period
    value = getattr(record, name)
    return str(value) if value else None


def _same(name: str, got: str, want: str) -> bool:
    if name == "title":
        return _title_key(got) == _title_key(want)
    if name in ("salary_min", "salary_max"):
        return money_value(got) == money_value(want)
    return " ".join(got.split()).lower() == " ".join(want.split()).lower()


def totals(scores: list[DocumentScore]) -> dict[str, FieldScore]:
    overall = {name: FieldScore() for name in FIELDS}
    for score in scores:
        for name in FIELDS:
            overall[name].add(score.fields[name])
    return overall


def report(scores: list[DocumentScore]) -> str:
    """Markdown: per document classes found and field recall, then per field P and R."""

    def pct(value: float | None) -> str:
        return "-" if value is None else f"{value:.0%}"

    lines = ["| document | gold classes | extracted | " + " | ".join(FIELDS) + " |"]
    lines.append("|" + "---|" * (3 + len(FIELDS)))
    for score in scores:
        cells = [f"{pct(score.fields[f].precision)}/{pct(score.fields[f].recall)}" for f in FIELDS]
        lines.append(
            f"| {score.source} | {score.gold_classes} | {score.extracted_classes} | "
            + " | ".join(cells)
            + " |"
        )
    overall = totals(scores)
    lines += ["", "| field | precision | recall | right | extracted | gold |", "|---" * 6 + "|"]
    for name, tally in overall.items():
        lines.append(
            f"| {name} | {pct(tally.precision)} | {pct(tally.recall)} | {tally.right} | "
            f"{tally.extracted} | {tally.gold} |"
        )
    counts = Counter(s.extracted_classes == 0 for s in scores)
    lines.append("")
    lines.append(f"documents with no class extracted: {counts[True]} of {len(scores)}")
    lines.append("(per document: precision/recall of each field)")
    return "\n".join(lines)
