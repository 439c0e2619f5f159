"""Reports of a run: a Markdown page, a JSON file with the same data, a Ragas-compatible JSONL
export, the console table (assistant beside baseline), and the comparison with an older run."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from evals.results import CaseResult, RunResult, Summary


@dataclass(frozen=True)
class Metric:
    key: str  # a Summary field (or "pass_rate")
    label: str
    higher_is_better: bool
    unit: str  # "rate", "ms", "s", "count"


METRICS = (
    Metric("pass_rate", "cases passed", True, "rate"),
    Metric("fact_recall", "fact recall", True, "rate"),
    Metric("exact_match", "exact match", True, "rate"),
    Metric("citation_precision", "citation precision", True, "rate"),
    Metric("document_cited", "right document cited", True, "rate"),
    Metric("fact_support", "facts backed by a cited quote", True, "rate"),
    Metric("abstention_accuracy", "abstention accuracy", True, "rate"),
    Metric("abstention_precision", "abstention precision", True, "rate"),
    Metric("abstention_recall", "abstention recall", True, "rate"),
    Metric("invented_numbers", "invented numbers", False, "count"),
    Metric("hit_at_1", "retrieval hit@1", True, "rate"),
    Metric("hit_at_k", "retrieval hit@k", True, "rate"),
    Metric("mrr", "retrieval MRR", True, "rate"),
    Metric("recall_at_k", "retrieval recall@k", True, "rate"),
    Metric("context_recall", "facts in retrieved passages", True, "rate"),
    Metric("latency_p50_ms", "latency p50", False, "ms"),
    Metric("latency_p95_ms", "latency p95", False, "ms"),
    Metric("total_s", "total answering time", False, "s"),
)
_KIND_COLUMNS = (
    "pass_rate",
    "fact_recall",
    "exact_match",
    "abstention_accuracy",
    "invented_numbers",
    "hit_at_1",
    "mrr",
    "latency_p50_ms",
)
_BY_KEY = {m.key: m for m in METRICS}


def metric_value(summary: Summary | dict[str, Any], key: str) -> float | None:
    if isinstance(summary, Summary):
        value = summary.pass_rate if key == "pass_rate" else getattr(summary, key)
    else:
        value = summary.get(key)
    return None if value is None else float(value)


def show(value: float | None, unit: str) -> str:
    if value is None:
        return "n/a"
    if unit == "rate":
        return f"{value:.1%}"
    if unit == "ms":
        return f"{value:.0f} ms" if value >= 10 else f"{value:.1f} ms"
    if unit == "s":
        return f"{value:.1f} s"
    return f"{value:.0f}"


def ratio(assistant: float | None, baseline: float | None) -> str:
    if assistant is None or baseline is None or baseline == 0:
        return "n/a"
    return f"{assistant / baseline:.2f}x"


def _label(metric: Metric, k: int) -> str:
    return metric.label.replace("@k", f"@{k}")


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]

    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(str(c).ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

    return [
        line(header),
        "|" + "|".join("-" * (w + 2) for w in widths) + "|",
        *(line(r) for r in rows),
    ]


def summary_table(assistant: RunResult, baseline: RunResult | None = None) -> list[str]:
    """Metrics as rows; the baseline column and the ratio assistant/baseline when there is one."""
    header = ["metric", "assistant"] + (["baseline", "ratio"] if baseline else [])
    rows = []
    for metric in METRICS:
        mine = metric_value(assistant.summary, metric.key)
        row = [_label(metric, assistant.retrieval_k), show(mine, metric.unit)]
        if baseline:
            theirs = metric_value(baseline.summary, metric.key)
            row += [show(theirs, metric.unit), ratio(mine, theirs)]
        rows.append(row)
    return _table(header, rows)


def side_by_side(assistant: RunResult, baseline: RunResult) -> list[str]:
    """One row per system, as the console prints it, and a row of ratios."""
    keys = (
        "fact_recall",
        "exact_match",
        "abstention_accuracy",
        "citation_precision",
        "document_cited",
        "invented_numbers",
        "hit_at_1",
        "mrr",
        "latency_p50_ms",
        "latency_p95_ms",
    )
    header = ["system", *(_label(_BY_KEY[k], assistant.retrieval_k) for k in keys)]
    rows = [
        [run.system, *(show(metric_value(run.summary, k), _BY_KEY[k].unit) for k in keys)]
        for run in (assistant, baseline)
    ]
    rows.append(
        [
            "assistant/baseline",
            *(
                ratio(metric_value(assistant.summary, k), metric_value(baseline.summary, k))
                for k in keys
            ),
        ]
    )
    return _table(header, rows)


def kind_table(run: RunResult) -> list[str]:
    header = ["kind", "cases", *(_label(_BY_KEY[k], run.retrieval_k) for k in _KIND_COLUMNS)]
    rows = [
        [kind, str(s.cases), *(show(metric_value(s, k), _BY_KEY[k].unit) for k in _KIND_COLUMNS)]
        for kind, s in sorted(run.by_kind.items())
    ]
    return _table(header, rows)


def markdown(
    assistant: RunResult,
    baseline: RunResult | None = None,
    gate_failures: Sequence[str] | None = None,
) -> str:
    lines = [
        f"# Evaluation of `{assistant.dataset}` ({assistant.summary.cases} cases)",
        "",
        f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on `{assistant.dataset_path}`; "
        f"index ready in {assistant.index_s:.1f} s.",
        "",
        "Settings: " + ", ".join(f"{k} `{v}`" for k, v in assistant.settings.items()),
        "",
    ]
    if gate_failures is not None:
        lines += [
            "**Gate: passed**"
            if not gate_failures
            else "**Gate: FAILED**: " + "; ".join(gate_failures),
            "",
        ]
    lines += ["## Summary", "", *summary_table(assistant, baseline), ""]
    if baseline:
        lines += ["Baseline: " + ", ".join(f"{k} `{v}`" for k, v in baseline.settings.items()), ""]
    lines += ["## By kind", "", *kind_table(assistant), ""]
    failed = [r for r in assistant.results if not r.passed]
    lines += [f"## Failed cases ({len(failed)})", ""]
    for result in failed:
        lines += _failed_case(result)
    if not failed:
        lines += ["None.", ""]
    return "\n".join(lines)


def _failed_case(result: CaseResult) -> list[str]:
    case, answer = result.case, result.answer
    lines = [f"### `{case.id}` ({case.kind})", ""]
    lines += [f"- earlier turn: {t.user!r} -> {t.assistant!r}" for t in case.history]
    lines += [
        f"- question: {case.question}",
        f"- expected: {', '.join(case.expected) or '(nothing)'}"
        + (" (answer absent from the sources: should abstain)" if case.answer_absent else ""),
    ]
    lines += [f"- **{problem}**" for problem in result.problems()]
    if answer.standalone_question and answer.standalone_question != case.question:
        lines.append(f"- understood as: {answer.standalone_question}")
    lines += ["", "> " + (answer.text.strip() or "(empty)").replace("\n", "\n> "), ""]
    lines += [
        f'{i}. `{c.source}` {c.section}: "{c.quote}"'
        for i, c in enumerate(answer.citations, start=1)
    ]
    if not answer.citations:
        lines.append("(no citations)")
    return [*lines, ""]


def run_to_json(run: RunResult) -> dict[str, Any]:
    summary = asdict(run.summary) | {"pass_rate": run.summary.pass_rate}
    return {
        "system": run.system,
        "dataset": run.dataset,
        "dataset_path": run.dataset_path,
        "retrieval_k": run.retrieval_k,
        "index_s": run.index_s,
        "settings": run.settings,
        "summary": summary,
        "by_kind": {
            kind: asdict(s) | {"pass_rate": s.pass_rate} for kind, s in run.by_kind.items()
        },
        "cases": [r.to_json() for r in run.results],
    }


def to_json(
    assistant: RunResult,
    baseline: RunResult | None = None,
    gate_failures: Sequence[str] | None = None,
) -> dict[str, Any]:
    data: dict[str, Any] = {
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "gate": None
        if gate_failures is None
        else {"passed": not gate_failures, "failures": list(gate_failures)},
        "assistant": run_to_json(assistant),
        "baseline": run_to_json(baseline) if baseline else None,
    }
    if baseline:
        data["ratios"] = {
            m.key: _ratio_value(
                metric_value(assistant.summary, m.key), metric_value(baseline.summary, m.key)
            )
            for m in METRICS
        }
    return data


def _ratio_value(assistant: float | None, baseline: float | None) -> float | None:
    return None if assistant is None or not baseline else assistant / baseline


def ragas_rows(run: RunResult) -> list[dict[str, Any]]:
    """One Ragas SingleTurnSample per case (user_input, retrieved_contexts, response,
    reference), in dataset order; follow-ups carry their earlier turns in user_input."""
    rows = []
    for result in run.results:
        case = result.case
        turns = [f"User: {t.user}\nAssistant: {t.assistant}" for t in case.history]
        question = "\n".join([*turns, f"User: {case.question}"]) if turns else case.question
        contexts = [p.text for p in result.answer.retrieved if p.text is not None]
        if not contexts:  # a system that hides passage texts still shows what it cited
            contexts = [c.quote for c in result.answer.citations]
        reference = "; ".join(case.expected)
        if case.answer_absent:
            reference = "The sources do not state this." + (
                f" They do state: {reference}." if reference else ""
            )
        rows.append(
            {
                "user_input": question,
                "retrieved_contexts": contexts,
                "response": result.answer.text,
                "reference": reference,
            }
        )
    return rows


def write_reports(
    folder: Path,
    assistant: RunResult,
    baseline: RunResult | None,
    gate_failures: Sequence[str] | None,
) -> dict[str, Path]:
    """report.md, report.json and ragas.jsonl (and baseline.ragas.jsonl) in folder."""
    folder.mkdir(parents=True, exist_ok=True)
    written = {
        "markdown": folder / "report.md",
        "json": folder / "report.json",
        "ragas": folder / "ragas.jsonl",
    }
    written["markdown"].write_text(
        markdown(assistant, baseline, gate_failures) + "\n", encoding="utf-8"
    )
    written["json"].write_text(
        json.dumps(to_json(assistant, baseline, gate_failures), indent=2, ensure_ascii=False)
        + "\n",
        encoding="utf-8",
    )
    _write_jsonl(written["ragas"], ragas_rows(assistant))
    if baseline:
        written["baseline_ragas"] = folder / "baseline.ragas.jsonl"
        _write_jsonl(written["baseline_ragas"], ragas_rows(baseline))
    return written


def _write_jsonl(path: Path, rows: list[dict[str, Any]]) -> None:
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
    )


class ReportError(Exception):
    """An earlier report that cannot be read for --compare."""


def load_report(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise ReportError(f"cannot read report {path}: {error}") from error
    if not isinstance(data, dict) or not isinstance(data.get("assistant"), dict):
        raise ReportError(f"{path} is not a report.json written by `eval`")
    return data


def compare(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """What improved and what regressed from an older report.json to a newer one."""
    before, after = old["assistant"], new["assistant"]
    improved: list[str] = []
    regressed: list[str] = []
    for metric in METRICS:
        if metric.unit in ("ms", "s"):
            continue  # timings differ run to run; they are in both reports
        was = metric_value(before["summary"], metric.key)
        now = metric_value(after["summary"], metric.key)
        if was is None or now is None or abs(now - was) < 1e-9:
            continue
        line = f"{metric.label}: {show(was, metric.unit)} -> {show(now, metric.unit)}"
        better = (now > was) == metric.higher_is_better
        (improved if better else regressed).append(line)
    old_cases = {c["id"]: c for c in before.get("cases", [])}
    for case in after.get("cases", []):
        previous = old_cases.get(case["id"])
        if previous is None or previous.get("passed") == case.get("passed"):
            continue
        line = f"case {case['id']} ({case.get('kind')}): " + (
            "now passes"
            if case.get("passed")
            else "now fails: " + "; ".join(case.get("problems") or ["see report"])
        )
        (improved if case.get("passed") else regressed).append(line)
    new_ids = {c["id"] for c in after.get("cases", [])}
    added = [i for i in new_ids if i not in old_cases]
    removed = [i for i in old_cases if i not in new_ids]
    lines = [
        "Improved:",
        *(f"  + {x}" for x in improved or ["nothing"]),
        "Regressed:",
        *(f"  - {x}" for x in regressed or ["nothing"]),
    ]
    if added or removed:
        lines.append(f"Cases added: {len(added)}, removed: {len(removed)}")
    return lines
