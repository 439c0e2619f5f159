"""The records the indexer produces: source documents, chunks and class-catalog entries."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from typing import Any


@dataclass(frozen=True)
class SourceDocument:
    """One standard as read from the sources folder, text unescaped but otherwise as written."""

    source: str  # path relative to the sources folder, with forward slashes
    title: str
    text: str
    content_hash: str
    format: str
    jurisdiction: str | None = None
    publisher: str | None = None
    date: str | None = None


@dataclass(frozen=True)
class Chunk:
    """A passage of one section of one standard, with the context needed to cite it."""

    chunk_id: str
    source: str
    doc_title: str
    section: str  # section path, e.g. "Minimum Qualifications > Certified Peer Specialist 2"
    section_kind: str
    text: str  # exactly as in the source (escaped dollars unescaped)
    position: int
    content_hash: str
    jurisdiction: str | None = None
    classes: tuple[str, ...] = ()  # titles of the classes this passage describes
    table_header: str | None = None  # header line kept with a table row

    def embedding_text(self) -> str:
        """The contextual header plus the passage: what gets embedded and keyword-indexed."""
        context = [self.doc_title]
        if self.jurisdiction:
            context.append(self.jurisdiction)
        context.append(self.section)
        if self.classes:
            context.append("; ".join(self.classes))
        body = f"{self.table_header}\n{self.text}" if self.table_header else self.text
        return " | ".join(context) + "\n" + body

    def to_metadata(self) -> dict[str, str | int]:
        """Flat metadata for the vector store (Chroma accepts scalars only)."""
        return {
            "source": self.source,
            "doc_title": self.doc_title,
            "section": self.section,
            "section_kind": self.section_kind,
            "position": self.position,
            "content_hash": self.content_hash,
            "jurisdiction": self.jurisdiction or "",
            "classes": json.dumps(list(self.classes)),
            "table_header": self.table_header or "",
            "text": self.text,
        }

    @classmethod
    def from_metadata(cls, chunk_id: str, meta: dict[str, Any]) -> Chunk:
        return cls(
            chunk_id=chunk_id,
            source=str(meta["source"]),
            doc_title=str(meta["doc_title"]),
            section=str(meta["section"]),
            section_kind=str(meta["section_kind"]),
            text=str(meta["text"]),
            position=int(meta["position"]),
            content_hash=str(meta["content_hash"]),
            jurisdiction=str(meta["jurisdiction"]) or None,
            classes=tuple(json.loads(str(meta["classes"]))),
            table_header=str(meta["table_header"]) or None,
        )


@dataclass(frozen=True)
class Evidence:
    """The exact line of a standard that states one catalog fact."""

    field: str  # "code", "pay_grade", "salary", "title"
    section: str
    quote: str


@dataclass(frozen=True)
class ClassRecord:
    """One class (one level of a series) as a standard describes it."""

    source: str
    title: str
    jurisdiction: str | None = None
    publisher: str | None = None
    date: str | None = None
    doc_title: str = ""
    series: str = ""  # the title without its level, e.g. "Certified Peer Specialist"
    level: int | None = None
    level_label: str | None = None  # e.g. "supervisory level", "full performance level"
    code: str | None = None
    pay_label: str | None = None  # as the standard names it: "Salary Group", "Grade", ...
    pay_grade: str | None = None  # "A12", "14"
    salary_min: str | None = None  # as written, e.g. "$30,840"
    salary_max: str | None = None
    salary_period: str | None = None  # "hour", "week", "biweek", "month", "year"; None: unsaid
    evidence: tuple[Evidence, ...] = field(default_factory=tuple)
    # Every pay column of the class's table row as its header names it: ("Step 1", "26821").
    pay_columns: tuple[tuple[str, str], ...] = ()

    @property
    def record_id(self) -> str:
        return f"{self.source}#{self.code or self.title}"

    @property
    def names_only_its_grade(self) -> bool:
        """A row of a pay table that the standard names by its grade alone ("Band 5", "Grade
        9"): found by its grade, not by title words."""
        if not self.pay_grade:
            return False
        named = " ".join(self.title.lower().split())
        return named in (self.pay_grade.lower(), f"{self.pay_label or ''} {self.pay_grade}".lower())

    @property
    def pay_text(self) -> str | None:
        """The grade or group as a reader says it: "Grade 14", "Salary Group A12"."""
        if self.pay_grade is None:
            return None
        return f"{self.pay_label or 'Grade'} {self.pay_grade}"

    @property
    def salary_text(self) -> str | None:
        if self.salary_min and self.salary_max:
            return f"{self.salary_min} - {self.salary_max}"
        return self.salary_min or self.salary_max

    def evidence_for(self, name: str) -> Evidence | None:
        return next((e for e in self.evidence if e.field == name), None)

    def to_json(self) -> dict[str, Any]:
        """What asdict gives, as JSON writes it, built directly: asdict's deep copy took most
        of the time of writing a catalog of 30,000 classes."""
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data["evidence"] = [
            {"field": e.field, "section": e.section, "quote": e.quote} for e in self.evidence
        ]
        data["pay_columns"] = [list(column) for column in self.pay_columns]
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ClassRecord:
        evidence = tuple(Evidence(**e) for e in data.pop("evidence", []))
        columns = tuple((str(name), str(amount)) for name, amount in data.pop("pay_columns", []))
        return cls(**data, evidence=evidence, pay_columns=columns)
