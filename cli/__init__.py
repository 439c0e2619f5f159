"""The command line: index, ask (one, --json, or a --jsonl batch), classes, serve, eval, bench."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.config import Settings, get_settings
from index.prefetch import read_ahead

if TYPE_CHECKING:
    from assistant.types import Answer

log = logging.getLogger("assistant")


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s: %(message)s",
        stream=sys.stderr,
    )
    from assistant.errors import AssistantError
    from index.errors import IndexError_

    try:
        return int(args.handler(args))
    except (IndexError_, AssistantError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader went away (`... | head`): not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--sources", type=Path, help="folder of standards (default: sources/)")
    common.add_argument("--store", type=Path, help="index folder (default: .data/chroma)")
    common.add_argument("-v", "--verbose", action="store_true", help="log what happens")

    parser = argparse.ArgumentParser(
        prog="python -m assistant",
        parents=[common],
        description="Answers questions about job classification standards, with citations.",
    )
    commands = parser.add_subparsers(dest="command", required=True)

    index = commands.add_parser("index", parents=[common], help="build or update the index")
    index.add_argument("--no-progress", action="store_true", help="no progress bar")
    index.add_argument(
        "--repair",
        action="store_true",
        help="first delete a store database or class catalog that cannot be read, "
        "then rebuild them from the sources",
    )
    index.set_defaults(handler=run_index)

    ask = commands.add_parser("ask", parents=[common], help="answer a question")
    ask.add_argument("question", nargs="?", help="the question (omit with --jsonl)")
    ask.add_argument("--json", action="store_true", help="print the answer as one JSON object")
    ask.add_argument(
        "--jsonl",
        action="store_true",
        help='read {"id","question","history"} lines on stdin, write answers',
    )
    ask.set_defaults(handler=run_ask)

    classes = commands.add_parser("classes", parents=[common], help="list the class catalog")
    classes.add_argument("--json", action="store_true", help="one JSON object per class")
    classes.set_defaults(handler=run_classes)

    serve = commands.add_parser("serve", parents=[common], help="start the web app and API")
    serve.add_argument("--host", help="address to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=port_number, help="port, 1-65535 (default 7860)")
    serve.add_argument(
        "--allow-delete-bundled",
        action="store_true",
        help="let the page delete the standards that came with the server, not only uploads",
    )
    serve.set_defaults(handler=run_serve)

    evaluate = commands.add_parser("eval", parents=[common], help="run an evaluation set")
    from evals.cli import add_arguments as add_eval_arguments

    add_eval_arguments(evaluate)
    evaluate.set_defaults(handler=run_eval)

    catalog = commands.add_parser(
        "eval-catalog",
        parents=[common],
        help="score the class catalog against gold labels (field precision and recall)",
    )
    catalog.add_argument(
        "--labels",
        type=Path,
        help="gold labels YAML (default: labels.yaml in the sources folder)",
    )
    catalog.set_defaults(handler=run_eval_catalog)

    bench = commands.add_parser("bench", parents=[common], help="measure answer latency")
    bench.add_argument("--repeat", type=int, default=20, help="rounds over the questions")
    bench.set_defaults(handler=run_bench)
    return parser


def port_number(text: str) -> int:
    """A TCP port as a flag gives it; anything else is refused before the server starts."""
    try:
        port = int(text)
    except ValueError:
        port = -1
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port: give a number from 1 to 65535")
    return port


def settings_from(args: argparse.Namespace) -> Settings:
    """The configured settings with --sources / --store applied."""
    update: dict[str, Any] = {}
    if args.sources is not None:
        if not args.sources.is_dir():
            raise ValueError(f"sources folder not found: {args.sources}")
        update["sources_dir"] = args.sources.resolve()
    if args.store is not None:
        update["store_dir"] = args.store.resolve()
    return get_settings().model_copy(update=update)


def run_index(args: argparse.Namespace) -> int:
    from assistant.snapshot import collector_paused

    with collector_paused():
        return _index(args)


def _index(args: argparse.Namespace) -> int:
    from assistant.indexing import ensure_index, store_location
    from index.build import index_lock, repair_index

    settings = settings_from(args)
    if args.repair:
        with index_lock(settings.index_lock_path):
            for problem in repair_index(store_location(settings), settings.catalog_path):
                print(f"repair: {problem}: rebuilding it from the sources", file=sys.stderr)
    summary = ensure_index(settings, progress=False if args.no_progress else None)
    for skipped in summary.skipped:
        print(f"skipped {skipped.source}: {skipped.reason}", file=sys.stderr)
    print(f"indexed {settings.sources_dir} -> {settings.chroma_path}: {summary.line()}")
    return 0


def run_ask(args: argparse.Namespace) -> int:
    if args.jsonl == bool(args.question):
        raise ValueError("give either a QUESTION or --jsonl (questions on stdin)")
    settings = settings_from(args)
    read_ahead(settings.chroma_path)  # while the libraries below are imported
    from assistant.service import Assistant
    from index.build import verify_index

    assistant = Assistant.open(settings)
    verify_index(assistant.store, settings.catalog_path)  # half an index answers wrongly
    if args.jsonl:
        return _answer_lines(assistant)
    answer = assistant.ask(args.question)  # the assistant makes invalid Unicode readable
    print(
        json.dumps(answer.to_json(), ensure_ascii=False, indent=2)
        if args.json
        else format_answer(answer)
    )
    return 0


def _answer_lines(assistant: Any) -> int:
    """One answer line per request line; a bad line gets an error line, the batch goes on."""
    from assistant.batch import BadRequest, answer_or_error, error_response, read_request_json

    failures = 0
    # Bytes, decoded line by line: one line that is not UTF-8 must not end the batch.
    lines = getattr(sys.stdin, "buffer", sys.stdin)
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            request = read_request_json(line, assistant.settings.max_json_depth)
        except BadRequest as error:
            log.warning("line %d: %s", number, error)
            response, ok = error_response(None, f"line {number}: {error}"), False
        else:
            response, ok = answer_or_error(assistant, request, f"line {number}")
        failures += not ok
        print(json.dumps(response, ensure_ascii=False), flush=True)
    return 1 if failures else 0


def run_classes(args: argparse.Namespace) -> int:
    """Every class in the index: jurisdiction, title, code, grade or group, salary range."""
    from index.catalog import load_catalog

    settings = settings_from(args)
    records = load_catalog(settings.catalog_path)
    if not records:
        raise ValueError(f"no class catalog at {settings.catalog_path}: run `index` first")
    for record in sorted(records, key=lambda r: (r.jurisdiction or "", r.series, r.level or 0)):
        if args.json:
            print(json.dumps(record.to_json(), ensure_ascii=False))
            continue
        cells = [
            record.jurisdiction or "-",
            record.title,
            record.code or "-",
            record.pay_text or "-",
            record.salary_text or "no salary amount",
            record.source,
        ]
        print(" | ".join(cells))
    return 0


def format_answer(answer: Answer) -> str:
    """The answer for a terminal: text, then numbered citations with their quotes."""
    return answer.plain_text(source_first=True) + f"({answer.latency_ms:.0f} ms)"


def run_serve(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    read_ahead(settings.chroma_path)  # while Gradio and the rest are imported
    update: dict[str, object] = {
        k: v for k, v in (("host", args.host), ("port", args.port)) if v is not None
    }
    if args.allow_delete_bundled:
        update["allow_delete_bundled"] = True
    from web.app import serve

    serve(settings.model_copy(update=update))
    return 0


def run_eval(args: argparse.Namespace) -> int:
    from evals.cli import run

    return run(args)


def run_eval_catalog(args: argparse.Namespace) -> int:
    """Print per-document and per-field precision and recall of the catalog."""
    from evals.catalog import LabelsError, load_labels, report, score_catalog

    sources = settings_from(args).sources_dir
    try:
        labels = load_labels(args.labels or sources / "labels.yaml")
    except LabelsError as error:
        # No gold labels beside the sources (the seed folder has none): say where to point.
        print(f"error: {error} (give --labels, or --sources evals/corpora/real)", file=sys.stderr)
        return 2
    print(report(score_catalog(sources, labels)))
    return 0


def run_bench(args: argparse.Namespace) -> int:
    from evals.bench import run_benchmark

    return run_benchmark(settings_from(args), args.repeat)
