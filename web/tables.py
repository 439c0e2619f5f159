"""What the Catalog, Sources and Evaluate tabs show: table rows, the index overview, evaluations."""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from index.errors import IndexError_
from index.money import PERIOD_NAMES
from index.types import ClassRecord

if TYPE_CHECKING:
    from assistant.config import Settings
    from assistant.service import Assistant
    from evals.results import RunResult
    from web.state import DocumentStatus, ServerState

CATALOG_HEADERS = (
    "Title",
    "Jurisdiction",
    "Code",
    "Level",
    "Grade / group",
    "Salary min",
    "Salary max",
    "Pay period",
    "Source",
)
DOCUMENT_HEADERS = ("Document", "Title", "Jurisdiction", "Status", "Passages", "Last indexed")
FAILED_HEADERS = ("Case", "Kind", "Question", "Expected", "Missing", "Answer")
# Headers and cells that read wrongly when broken: codes, money, grades, dates.
_WHOLE = frozenset({"Code", "Level", "Grade / group", "Salary min", "Salary max", "Pay period"})


def source_url(source: str) -> str:
    """Where GET /api/sources serves a source: the path percent-encoded, so that a file name
    with spaces, `(`, `)`, `<`, `#` or `?` stays one working address."""
    return "/api/sources/" + quote(source, safe="/")


def source_link_html(source: str) -> str:
    """A link to a source, named by its file name: no name breaks it or adds markup."""
    name = html.escape(source.rsplit("/", 1)[-1])
    return f'<a href="{html.escape(source_url(source))}" target="_blank" rel="noopener">{name}</a>'


def pay_period(record: ClassRecord) -> str:
    """The period a class's salary is paid for, as the source states it ("yearly", "hourly");
    "not stated" for a salary without one, "" for a class with no salary."""
    if not (record.salary_min or record.salary_max):
        return ""
    return PERIOD_NAMES.get(record.salary_period or "", "not stated")


def catalog_row(record: ClassRecord) -> list[str]:
    """A class as the catalog lists it; money as the source writes it ("$27,910", cents kept)."""
    level = record.level_label or (str(record.level) if record.level is not None else "")
    return [
        record.title,
        record.jurisdiction or "",
        record.code or "",
        level,
        record.pay_text or "",
        record.salary_min or "",
        record.salary_max or "",
        pay_period(record),
        record.source,
    ]


def class_key(record: ClassRecord) -> str:
    """What a catalog row's link names its class by (the viewer finds it again by this)."""
    return quote(record.record_id, safe="")


def catalog_record(catalog: Iterable[ClassRecord], key: str) -> ClassRecord | None:
    """The class a catalog link ("#class-<key>") points at."""
    return next((r for r in catalog if class_key(r) == key.strip()), None)


def _cell(header: str, value: Any, inner: str | None = None) -> str:
    whole = ' class="whole"' if header in _WHOLE else ""
    shown = inner if inner is not None else html.escape(str(value))
    return f'<td data-label="{html.escape(header)}"{whole}>{shown}</td>'


def _table(caption: str, headers: Sequence[str], rows: list[str], empty: str, css: str) -> str:
    if not rows:
        return f'<div class="viewer-empty">{html.escape(empty)}</div>'
    head = "".join(f'<th scope="col">{html.escape(h)}</th>' for h in headers)
    # The caption sits above the scrolling box, not inside the table: a <caption> is as wide
    # as its table, and on a phone its words ran off the visible part of the box.
    named = f'aria-labelledby="{css}-caption"'
    return (
        f'<p class="table-caption" id="{css}-caption">{html.escape(caption)}</p>'
        f'<div class="table-scroll {css}" tabindex="0" role="region" {named}>'
        f'<table class="data-html" {named}><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


# Rows the catalog table shows at most: the whole catalog of 10,000 standards (30,000 classes)
# took 2 s to render at every start and made a page of megabytes; the search narrows it.
CATALOG_ROWS = 500


def catalog_html(
    records: Sequence[ClassRecord], search: str = "", limit: int = CATALOG_ROWS
) -> str:
    """The catalog as a table that uses the width and scrolls sideways on a phone with the
    title kept in view; each title opens the class in the viewer below. At most `limit` rows
    are shown; the caption says how many match."""
    words = search.lower().split()
    if words:
        matching = [r for r in records if all(w in " ".join(catalog_row(r)).lower() for w in words)]
    else:
        matching = list(records)
    rows = []
    for record in matching[:limit]:
        row = catalog_row(record)
        title = (
            f'<a href="#class-{class_key(record)}" class="class-link" '
            f'title="Read this class in its standard">{html.escape(record.title)}</a>'
        )
        cells = [f'<th scope="row">{title}</th>']
        cells += [_cell(h, v) for h, v in zip(CATALOG_HEADERS[1:-1], row[1:-1], strict=True)]
        cells.append(_cell("Source", "", source_link_html(record.source)))
        rows.append(f"<tr>{''.join(cells)}</tr>")
    shown = f"{len(matching)} of {len(records)} classes" if words else f"{len(records)} classes"
    if len(matching) > limit:
        shown += f"; the first {limit} shown, search to narrow"
    empty = "No class matches the search." if records else "No classes are indexed yet."
    return _table(
        f"Classes in the index ({shown}): select a title to read its standard",
        CATALOG_HEADERS,
        rows,
        empty,
        "catalog",
    )


def sources_html(documents: Sequence[DocumentStatus]) -> str:
    rows = []
    for document in documents:
        row = document_row(document)
        cells = [f'<th scope="row">{html.escape(document.source)}</th>']
        cells += [_cell(h, v) for h, v in zip(DOCUMENT_HEADERS[1:], row[1:], strict=True)]
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return _table(
        "Documents in the sources folder",
        DOCUMENT_HEADERS,
        rows,
        "The sources folder holds no standards yet.",
        "sources",
    )


def document_row(document: DocumentStatus) -> list[Any]:
    status = f"{document.status}: {document.detail}" if document.detail else document.status
    if document.protected:
        status += " (bundled)"
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


def failed_html(rows: Sequence[Sequence[str]]) -> str:
    """The failed cases; each answer whole, folded to its first words until opened."""
    shown = []
    for row in rows:
        *facts, answer = row
        cells = [_cell(h, v) for h, v in zip(FAILED_HEADERS[:-1], facts, strict=True)]
        first = " ".join(answer.split())
        short = first if len(first) <= 90 else first[:87].rstrip() + "…"
        cells.append(
            _cell(
                "Answer",
                "",
                f'<details class="full-answer"><summary>{html.escape(short)}</summary>'
                f'<div class="answer-text">{html.escape(answer)}</div></details>',
            )
        )
        shown.append(f"<tr>{''.join(cells)}</tr>")
    return _table(
        f"Failed cases ({len(rows)}): open an answer to read it whole",
        FAILED_HEADERS,
        shown,
        "No case failed.",
        "failed",
    )


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
        "\n".join([*head, "", *scrolling("Evaluation summary", summary_table(run))]),
        "\n".join(["### By kind", "", *scrolling("Results by kind", kind_table(run))]),
    )


def scrolling(name: str, table: Sequence[str]) -> list[str]:
    """A Markdown table in a box that scrolls sideways on a phone, and that a keyboard can reach
    and scroll (a scrolling region must take the focus: WCAG 2.1.1)."""
    region = f'tabindex="0" role="region" aria-label="{html.escape(name)}"'
    return [f'<div class="eval-scroll" {region}>', "", *table, "", "</div>"]


# What the catalog and sources tables show until the page's first load fills them: rendering
# them at build time delayed the server's start by seconds at 10,000 standards, for tables that
# the first page load renders again.
READING_HTML = "<p>Reading the index…</p>"


@dataclass(frozen=True)
class IndexOverview:
    """What every tab shows of the index, read once after it changes."""

    status: str
    coverage: str  # what a new visitor is told the assistant covers
    jurisdictions: list[tuple[str, str]]
    documents: list[tuple[str, str]]
    classes: list[ClassRecord]
    sources: list[DocumentStatus]
    deletable: list[str]


def coverage_line(classes: Sequence[ClassRecord], documents: Sequence[DocumentStatus]) -> str:
    """ "Answers from 2 documents (New York, Texas) on 4 classes", or why it cannot yet."""
    indexed = [d for d in documents if d.chunks]
    if not indexed:
        return "No standards are indexed yet: add one in the Sources tab."
    places = sorted({d.jurisdiction for d in indexed} - {""})
    where = f" from {len(places)} jurisdiction{'s' * (len(places) != 1)} ({', '.join(places)})"
    return (
        f"Answers with citations from {len(indexed)} standard document"
        f"{'s' * (len(indexed) != 1)}{where if places else ''}, covering {len(classes)} "
        f"class{'es' * (len(classes) != 1)}: titles, codes, grades, salaries, duties and "
        "requirements."
    )


def index_overview(state: ServerState) -> IndexOverview:
    try:
        catalog = state.assistant().catalog
    except IndexError_:
        catalog = []
    documents = state.documents()
    indexed = [d for d in documents if d.chunks]  # in the order of their source paths
    return IndexOverview(
        status=state.status_line(),
        coverage=coverage_line(catalog, documents),
        jurisdictions=[
            ("All jurisdictions", ""),
            *((j, j) for j in sorted({d.jurisdiction for d in indexed} - {""})),
        ],
        documents=[
            ("All documents", ""),
            *((f"{d.title} ({d.source})", d.source) for d in indexed),
        ],
        classes=list(catalog),
        sources=documents,
        deletable=[d.source for d in documents if not d.protected],
    )


def builtin_datasets(folder: Path) -> list[tuple[str, str]]:
    """The evaluation sets that ship with the project: (file name, path)."""
    found = sorted(p for p in folder.glob("*") if p.suffix in (".yaml", ".yml", ".jsonl"))
    return [(p.name, str(p)) for p in found]


def dataset_note(path: Path, sources_dir: Path) -> str:
    """What a person should know before running a set: the documents it asks about that this
    server does not have (its cases about them cannot pass here)."""
    from evals.dataset import DatasetError, load_dataset

    try:
        dataset = load_dataset(path)
    except DatasetError as error:
        return f"**{path.name}** cannot be read: {error}"
    wanted = sorted({s for case in dataset.cases for s in case.sources})
    missing = [s for s in wanted if not (sources_dir / s).is_file()]
    cases = len(dataset.cases)
    if not missing:
        return f"**{path.name}**: {cases} cases about the standards this server holds."
    failing = sum(1 for case in dataset.cases if set(case.sources) & set(missing))
    named = ", ".join(f"`{s}`" for s in missing[:4]) + (" and others" if len(missing) > 4 else "")
    return (
        f"**{path.name} needs other sources**: {failing} of its {cases} cases ask about "
        f"{len(missing)} document{'s' * (len(missing) != 1)} this server does not hold ({named}), "
        "so they fail here with “source not found”. Add those standards in the Sources tab "
        "first, or run the set where they are indexed."
    )


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
