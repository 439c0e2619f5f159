"""`python -m assistant eval DATASET`: the evaluation subcommand, wired in by assistant/cli.py."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path

from evals.config import Thresholds
from evals.dataset import DatasetError, facts_missing_from_sources, load_dataset
from evals.report import (
    ReportError,
    compare,
    load_report,
    side_by_side,
    summary_table,
    to_json,
    write_reports,
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The eval options; --sources and --store are added by assistant/cli.py to every command."""
    parser.add_argument(
        "dataset", type=Path, help="QA file: .yaml/.yml (cases) or .jsonl (one case per line)"
    )
    parser.add_argument(
        "--report",
        type=Path,
        metavar="DIR",
        help="folder for report.md, report.json and ragas.jsonl "
        "(default: <data_dir>/evals/<dataset>-<time>)",
    )
    parser.add_argument(
        "--baseline",
        action="store_true",
        help="also run a naive LangChain RAG on the same sources and questions",
    )
    parser.add_argument(
        "--compare",
        type=Path,
        metavar="OLD.json",
        help="print what improved and what regressed since an earlier report",
    )
    parser.add_argument(
        "--no-gate",
        action="store_true",
        help="report only: exit 0 even when a quality threshold fails",
    )
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")


def run(args: argparse.Namespace) -> int:
    """Exit status: 0 passed, 1 a quality threshold failed, 2 the run could not be made."""
    from assistant.config import get_settings
    from assistant.errors import AssistantError
    from evals.runner import evaluate
    from index.errors import IndexError_

    update = {}
    if getattr(args, "sources", None) is not None:
        update["sources_dir"] = Path(args.sources)
    if getattr(args, "store", None) is not None:
        update["store_dir"] = Path(args.store)
    settings = get_settings().model_copy(update=update)
    thresholds = Thresholds()
    try:
        dataset = load_dataset(args.dataset)
        old = load_report(args.compare) if args.compare else None
        for problem in facts_missing_from_sources(dataset, settings.sources_dir):
            print(f"warning: {problem}", file=sys.stderr)
        evaluation = evaluate(
            dataset,
            settings,
            k=thresholds.retrieval_k,
            baseline=args.baseline,
            progress=False if args.no_progress else None,
        )
    except DatasetError as error:
        print(f"error: invalid dataset\n{error}", file=sys.stderr)
        return 2
    except (ReportError, IndexError_, AssistantError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2

    mine, theirs = evaluation.assistant, evaluation.baseline
    failures = [] if args.no_gate else thresholds.failures(mine.summary)
    folder = args.report or settings.data_dir / "evals" / (
        f"{dataset.path.stem}-{datetime.now():%Y%m%d-%H%M%S}"
    )
    written = write_reports(folder, mine, theirs, None if args.no_gate else failures)

    print(
        f"{dataset.name}: {mine.summary.passed}/{mine.summary.cases} cases passed "
        f"(index ready in {mine.index_s:.1f} s)"
    )
    print("\n".join(side_by_side(mine, theirs) if theirs else summary_table(mine)))
    failed = [r.case.id for r in mine.results if not r.passed]
    if failed:
        print(f"failed: {', '.join(failed)}")
    if old is not None:
        print(f"\nCompared with {args.compare}:")
        print("\n".join(compare(old, to_json(mine, theirs, failures))))
    print("\nreports: " + ", ".join(str(p) for p in written.values()))
    if failures:
        print("GATE FAILED: " + "; ".join(failures), file=sys.stderr)
        return 1
    return 0
