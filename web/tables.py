"""What the Catalog, Sources and Evaluate tabs show: table rows, the index overview, evaluations."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from index.errors import IndexError_
from index.money import money_value
from index.types import ClassRecord

if TYPE_CHECKING:
    from assistant.config import Settings
    from assistant.service import Assistant
    from evals.results import RunResult
    from web.state import DocumentStatus, ServerState

CATALOG_HEADERS = (
    "Jurisdiction",
    "Title",
    "Code",
    "Level",
    "Grade / group",
    "Salary min ($)",
    "Salary max ($)",
    "Source",
)
DOCUMENT_HEADERS = ("Document", "Title", "Jurisdiction", "Status", "Passages", "Last indexed")
FAILED_HEADERS = ("Case", "Kind", "Question", "Expected", "Missing", "Answer")
# What ends or turns link text into markup in Markdown; `<` and `&` are HTML-escaped instead.
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()#+!|~])")


def source_url(source: str) -> str:
    """Where GET /api/sources serves a source: the path percent-encoded, so that a file name
    with spaces, `(`, `)`, `<`, `#` or `?` stays one working address."""
    return "/api/sources/" + quote(source, safe="/")


def source_link(source: str) -> str:
    """A Markdown link to a source, named by its file name: no name breaks it or adds markup."""
    name = _MARKDOWN_PUNCTUATION.sub(r"\\\1", source.rsplit("/", 1)[-1])
    return f"[{html.escape(name, quote=False)}]({source_url(source)})"


def salary_number(text: str | None) -> float | None:
    """ "$30,840" -> 30840.0, so that the catalog sorts salaries as numbers."""
    value = money_value(text) if text else None
    return float(value) if value is not None else None


def catalog_row(record: ClassRecord) -> list[Any]:
    level = record.level_label or (str(record.level) if record.level is not None else "")
    return [
        record.jurisdiction or "",
        record.title,
        record.code or "",
        level,
        record.pay_text or "",
        salary_number(record.salary_min),
        salary_number(record.salary_max),
        source_link(record.source),
    ]


def catalog_key(row: Sequence[Any]) -> tuple[str, str, str]:
    """What identifies a catalog row: jurisdiction, title, code."""
    return (str(row[0] or ""), str(row[1] or ""), str(row[2] or ""))


def catalog_record(catalog: Iterable[ClassRecord], row: Sequence[Any]) -> ClassRecord | None:
    """The class a row of the catalog table shows."""
    key = catalog_key(row)
    return next((r for r in catalog if catalog_key(catalog_row(r)) == key), None)


def document_row(document: DocumentStatus) -> list[Any]:
    status = f"{document.status}: {document.detail}" if document.detail else document.status
    return [
        document.source,
        document.title,
        document.jurisdiction,
        status,
        document.chunks,
        document.indexed_at,
    ]


def failed_rows(run: RunResult) -> list[list[str]]:
    return [
        [
            r.case.id,
            r.case.kind,
            r.case.question,
            ", ".join(r.case.expected),
            r.answer.error or ", ".join(r.scores.facts_missing),
            r.answer.text,
        ]
        for r in run.results
        if not r.passed
    ]


def evaluation_markdown(
    run: RunResult, gate_failures: Sequence[str], warnings: Sequence[str] = ()
) -> tuple[str, str]:
    """The summary (with the gate's verdict) and the per-kind table of an evaluation run."""
    from evals.report import kind_table, summary_table

    summary = run.summary
    gate = (
        "**Gate: passed**" if not gate_failures else "**Gate: FAILED**: " + "; ".join(gate_failures)
    )
    head = [f"### `{run.dataset}`: {summary.passed} of {summary.cases} cases passed", "", gate, ""]
    head += [f"- warning: {w}" for w in warnings]
    return (
        "\n".join([*head, "", *summary_table(run)]),
        "\n".join(["### By kind", "", *kind_table(run)]),
    )


@dataclass(frozen=True)
class IndexOverview:
    """What every tab shows of the index, read once after it changes."""

    status: str
    jurisdictions: list[tuple[str, str]]
    documents: list[tuple[str, str]]
    catalog: list[list[Any]]
    sources: list[list[Any]]
    deletable: list[str]


def index_overview(state: ServerState) -> IndexOverview:
    try:
        catalog = state.assistant().catalog
    except IndexError_:
        catalog = []
    documents = state.documents()
    indexed = [d for d in documents if d.chunks]  # in the order of their source paths
    return IndexOverview(
        status=state.status_line(),
        jurisdictions=[
            ("All jurisdictions", ""),
            *((j, j) for j in sorted({d.jurisdiction for d in indexed} - {""})),
        ],
        documents=[
            ("All documents", ""),
            *((f"{d.title} ({d.source})", d.source) for d in indexed),
        ],
        catalog=[catalog_row(r) for r in catalog],
        sources=[document_row(d) for d in documents],
        deletable=[d.source for d in documents],
    )


def builtin_datasets(folder: Path) -> list[tuple[str, str]]:
    """The evaluation sets that ship with the project: (file name, path)."""
    found = sorted(p for p in folder.glob("*") if p.suffix in (".yaml", ".yml", ".jsonl"))
    return [(p.name, str(p)) for p in found]


def run_evaluation(
    assistant: Assistant, settings: Settings, path: Path
) -> tuple[str, str, list[list[str]], list[str]]:
    """Run a QA file through the evaluation harness: summary, per-kind table, failed cases
    and the written report files (JSON, Markdown). Raises DatasetError for a bad file."""
    from evals.config import Thresholds
    from evals.dataset import facts_missing_from_sources, load_dataset
    from evals.report import write_reports
    from evals.runner import AssistantSystem, Contender, describe_settings, run_systems

    dataset = load_dataset(path)
    thresholds = Thresholds()
    contender = Contender(AssistantSystem(assistant), 0.0, describe_settings(settings))
    run = run_systems([contender], dataset, thresholds.retrieval_k, progress=False)[0]
    failures = thresholds.failures(run.summary)
    folder = settings.data_dir / "evals" / f"{path.stem}-{datetime.now():%Y%m%d-%H%M%S}"
    written = write_reports(folder, run, None, failures)
    warnings = facts_missing_from_sources(dataset, settings.sources_dir)
    summary, kinds = evaluation_markdown(run, failures, warnings)
    return summary, kinds, failed_rows(run), [str(written["json"]), str(written["markdown"])]
