"""Words that are data, not code: intents and section headings, read once from YAML beside this."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

_HERE = Path(__file__).resolve().parent

# The files a document's parse reads (field labels, section headings); the others are read for
# questions only. A change to one of these parses every document again (index.build).
PARSER_VOCABULARY = ("fields.yaml", "sections.yaml")


@dataclass(frozen=True)
class Intent:
    """One thing a question can ask for, and how each stage of the product treats it."""

    name: str
    words: tuple[str, ...]
    sections: tuple[str, ...] = ()  # the section kinds that answer it, in the order shown
    fallback: tuple[str, ...] = ()  # the kinds that answer it where none of those is found
    catalog: bool = False  # answered from the class catalog's figures
    noun: str = ""  # "qualifications", "certification requirements"
    retrieval: str = ""  # words added to the retrieval query
    phrase: str = ""  # "What is the salary range of"
    # Words a line states it with that a question never asks it by: "Supervisor:",
    # "Subordinates:" state the supervision of a post.
    stated_by: tuple[str, ...] = ()


def _read(name: str) -> dict[str, Any]:
    data = yaml.safe_load((_HERE / name).read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{_HERE / name}: expected a mapping")
    return data


@cache
def intents() -> dict[str, Intent]:
    """Every intent by name, in order of precedence."""
    table: dict[str, Intent] = {}
    for name, entry in _read("intents.yaml").items():
        if not isinstance(entry, dict):
            raise ValueError(f"intents.yaml: {name} must be a mapping")
        table[name] = Intent(
            name=name,
            words=tuple(str(w) for w in entry.get("words", ())),
            sections=tuple(entry.get("sections", ())),
            fallback=tuple(entry.get("fallback", ())),
            catalog=bool(entry.get("catalog", False)),
            noun=str(entry.get("noun", "")),
            retrieval=str(entry.get("retrieval", "")),
            phrase=str(entry.get("phrase", "")),
            stated_by=tuple(str(w) for w in entry.get("stated_by", ())),
        )
    return table


@cache
def section_headings() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(section kind, heading words) in the order they are tried."""
    return tuple((kind, tuple(map(str, words))) for kind, words in _read("sections.yaml").items())


@dataclass(frozen=True)
class FieldLabels:
    """The words standards use to label a class's code and grade, and to speak of pay."""

    code: tuple[str, ...]
    grade: tuple[str, ...]
    salary: tuple[str, ...]


@cache
def field_labels() -> FieldLabels:
    data = _read("fields.yaml")
    return FieldLabels(
        code=tuple(map(str, data["code_labels"])),
        grade=tuple(map(str, data["grade_labels"])),
        salary=tuple(map(str, data["salary_words"])),
    )


@cache
def pay_elements() -> frozenset[str]:
    """Words for pay other than the base rate ("overtime", "stipend", "locality")."""
    return frozenset(map(str, _read("fields.yaml")["pay_elements"]))


@cache
def value_labels() -> frozenset[str]:
    """Labels a form writes on a line of their own, their value on the next ("Reports to")."""
    return frozenset(str(label).lower() for label in _read("fields.yaml")["value_labels"])


@cache
def asked_labels() -> dict[str, tuple[str, ...]]:
    """The label words a question's word asks for ("where": location, address)."""
    table = _read("fields.yaml")["asked_labels"]
    return {str(word): tuple(map(str, labels)) for word, labels in table.items()}


@cache
def abbreviations() -> dict[str, str]:
    """Abbreviations as people type them, and the word each stands for ("mgr" -> "manager")."""
    table = _read("typing.yaml")["abbreviations"]
    return {str(short): str(word) for short, word in table.items()}


@cache
def spellings() -> dict[str, str]:
    """British and Commonwealth spellings and the American ones ("licence" -> "license"),
    plurals in -s included ("licences" -> "licenses")."""
    table = {str(k): str(v) for k, v in _read("typing.yaml")["spellings"].items()}
    return {**table, **{f"{k}s": f"{v}s" for k, v in table.items()}}


@cache
def linking_verbs() -> frozenset[str]:
    """Verbs that tie what is asked to its class, never naming either ("goes with", "used for")."""
    return frozenset(str(word) for word in _read("typing.yaml")["question_words"]["linking"])


@cache
def typed_question_words() -> frozenset[str]:
    """Words that say what a question asks or how, never what it is about."""
    groups = _read("typing.yaml")["question_words"]
    return frozenset(str(word) for words in groups.values() for word in words)
