"""Load and validate QA datasets (YAML or JSONL); every problem is reported with file:line."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

# The kinds the development set uses; other kinds are accepted (reports group by any kind).
KNOWN_KINDS = (
    "salary",
    "code",
    "grade",
    "qualification",
    "certification",
    "duty",
    "description",
    "comparison",
    "ambiguous",
    "unanswerable",
    "follow-up",
    "false-premise",
    "reverse-lookup",
    "boundary",
)
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:-]*$")


class DatasetError(Exception):
    """A dataset that cannot be used; the message names the file and line of each problem."""

    def __init__(self, path: Path, problems: list[tuple[int | None, str]]) -> None:
        self.path = path
        self.problems = problems
        super().__init__(
            "\n".join(
                f"{path}:{line}: {what}" if line else f"{path}: {what}" for line, what in problems
            )
        )


class HistoryTurn(BaseModel):
    """One earlier exchange of the conversation a follow-up question belongs to."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    user: str = Field(min_length=1)
    assistant: str = ""


class EvalCase(BaseModel):
    """One question with the facts a correct answer must contain."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    question: str = Field(min_length=1)
    kind: str = Field(min_length=1)
    expected: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    answer_absent: bool = False
    history: tuple[HistoryTurn, ...] = ()
    notes: str | None = None
    line: int | None = Field(default=None, exclude=True)  # where the case starts in its file

    @field_validator("id")
    @classmethod
    def _id_is_a_name(cls, value: str) -> str:
        if not _ID.match(value):
            raise ValueError("must be letters, digits and . _ : - (no spaces)")
        return value

    @field_validator("id", mode="before")
    @classmethod
    def _number_id_is_text(cls, value: Any) -> Any:
        return str(value) if isinstance(value, int) and not isinstance(value, bool) else value

    @field_validator("expected", "sources", mode="before")
    @classmethod
    def _one_string_is_a_list(cls, value: Any) -> Any:
        # YAML reads `expected: [4008]` as a number; a code is text.
        if isinstance(value, str | int) and not isinstance(value, bool):
            value = [value]
        if isinstance(value, list | tuple):
            return [str(v) if isinstance(v, int) and not isinstance(v, bool) else v for v in value]
        return value

    @field_validator("expected", "sources")
    @classmethod
    def _no_blank_entries(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if any(not item.strip() for item in value):
            raise ValueError("has an empty entry")
        return value

    @field_validator("kind")
    @classmethod
    def _kind_lower(cls, value: str) -> str:
        return value.strip().lower()

    def request(self) -> dict[str, Any]:
        """The `ask --jsonl` request for this case."""
        return {
            "id": self.id,
            "question": self.question,
            "history": [{"user": t.user, "assistant": t.assistant} for t in self.history],
        }


@dataclass(frozen=True)
class Dataset:
    path: Path
    cases: tuple[EvalCase, ...]
    name: str = ""
    description: str = ""
    kinds: tuple[str, ...] = field(default=())

    def __post_init__(self) -> None:
        if not self.kinds:
            object.__setattr__(self, "kinds", tuple(dict.fromkeys(c.kind for c in self.cases)))


def load_dataset(path: Path) -> Dataset:
    """Read a .yaml/.yml file (a list of cases, or a mapping with `cases:`) or a .jsonl file."""
    if not path.is_file():
        raise DatasetError(path, [(None, "file not found")])
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise DatasetError(path, [(None, f"cannot read: {error}")]) from error
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        name, description, raw = path.stem, "", list(_jsonl_cases(path, text))
    elif suffix in (".yaml", ".yml"):
        name, description, raw = _yaml_cases(path, text)
    else:
        raise DatasetError(path, [(None, "expected a .yaml, .yml or .jsonl file")])
    cases, problems = _validate(raw)
    if problems:
        raise DatasetError(path, problems)
    if not cases:
        raise DatasetError(path, [(None, "no cases")])
    return Dataset(path=path, cases=tuple(cases), name=name or path.stem, description=description)


def _jsonl_cases(path: Path, text: str) -> Iterator[tuple[int, Any]]:
    problems: list[tuple[int | None, str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        try:
            yield number, json.loads(line)
        except json.JSONDecodeError as error:
            problems.append((number, f"not valid JSON: {error.msg} (column {error.colno})"))
    if problems:
        raise DatasetError(path, problems)


def _yaml_cases(path: Path, text: str) -> tuple[str, str, list[tuple[int, Any]]]:
    """Cases with the line each starts on, read from the YAML node tree."""
    loader = yaml.SafeLoader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            raise DatasetError(path, [(None, "the file is empty")])
        name = description = ""
        items = root
        if isinstance(root, yaml.MappingNode):
            top = {k.value: v for k, v in root.value if isinstance(k, yaml.ScalarNode)}
            unknown = sorted(set(top) - {"name", "description", "cases"})
            if unknown:
                raise DatasetError(
                    path,
                    [
                        (
                            root.start_mark.line + 1,
                            f"unknown top-level key(s): {', '.join(unknown)} "
                            "(expected name, description, cases)",
                        )
                    ],
                )
            if "cases" not in top:
                raise DatasetError(path, [(root.start_mark.line + 1, "no `cases:` list")])
            name = str(loader.construct_object(top["name"], deep=True)) if "name" in top else ""
            description = (
                str(loader.construct_object(top["description"], deep=True))
                if "description" in top
                else ""
            )
            items = top["cases"]
        if not isinstance(items, yaml.SequenceNode):
            raise DatasetError(path, [(items.start_mark.line + 1, "cases must be a list")])
        return (
            name,
            description.strip(),
            [
                (node.start_mark.line + 1, loader.construct_object(node, deep=True))
                for node in items.value
            ],
        )
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        raise DatasetError(path, [(line, f"not valid YAML: {error.problem or error}")]) from error
    except yaml.YAMLError as error:
        raise DatasetError(path, [(None, f"not valid YAML: {error}")]) from error
    finally:
        loader.dispose()


def _validate(raw: list[tuple[int, Any]]) -> tuple[list[EvalCase], list[tuple[int | None, str]]]:
    cases: list[EvalCase] = []
    problems: list[tuple[int | None, str]] = []
    seen: dict[str, int] = {}
    for line, item in raw:
        if not isinstance(item, dict):
            problems.append((line, f"a case must be a mapping, not {type(item).__name__}"))
            continue
        label = f"case {item.get('id')!r}: " if item.get("id") else "case: "
        try:
            case = EvalCase.model_validate({**item, "line": line})
        except ValidationError as error:
            problems.extend((line, label + _describe(e)) for e in error.errors())
            continue
        if case.id in seen:
            problems.append((line, f"{label}duplicate id (first on line {seen[case.id]})"))
        seen.setdefault(case.id, line)
        if not case.answer_absent and not case.expected:
            problems.append(
                (
                    line,
                    label + "`expected` is empty; an answerable case needs at "
                    "least one fact (or set answer_absent: true)",
                )
            )
        if case.expected and not case.sources:
            problems.append((line, label + "`expected` facts need the `sources` that hold them"))
        cases.append(case)
    return cases, problems


def _describe(error: Any) -> str:
    where = ".".join(str(p) for p in error["loc"]) or "case"
    if error["type"] == "missing":
        return f"missing required field `{where}`"
    if error["type"] == "extra_forbidden":
        return f"unknown field `{where}`"
    return f"`{where}`: {error['msg']}"


def facts_missing_from_sources(dataset: Dataset, sources_dir: Path) -> list[str]:
    """Expected facts that occur in none of their case's source files (read as the indexer reads
    them, so `\\$` is unescaped and PDFs give their text); an honest dataset returns []."""
    from evals.metrics import contains_fact

    texts: dict[str, str | None] = {}
    problems = []
    for case in dataset.cases:
        for source in case.sources:
            if source not in texts:
                texts[source], problem = _source_text(sources_dir, source)
                if problem:
                    problems.append(f"{dataset.path}:{case.line}: case {case.id!r}: {problem}")
        held = [t for s in case.sources if (t := texts.get(s))]
        problems.extend(
            f"{dataset.path}:{case.line}: case {case.id!r}: expected {fact!r} occurs in none of "
            f"its sources"
            for fact in case.expected
            if held and not any(contains_fact(t, fact) for t in held)
        )
    return problems


def _source_text(sources_dir: Path, source: str) -> tuple[str | None, str | None]:
    """The text of one source file as the indexer reads it, or why there is none."""
    from index.errors import SourceReadError
    from index.load import read_document  # the same reader the index uses

    path = sources_dir / source
    if not path.is_file():
        return None, f"source {source!r} not found in {sources_dir}"
    try:
        return read_document(path, source, {}).text, None
    except SourceReadError as error:
        return None, f"source {source!r} cannot be read: {error}"
