"""The web app: a Gradio UI (Chat, Catalog, Sources, Evaluate) and the HTTP API on one server."""

from __future__ import annotations

import html
import logging
import re
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import gradio as gr
from fastapi import FastAPI

from assistant.config import PROJECT_ROOT, Settings, get_settings
from assistant.errors import AssistantError
from assistant.examples import example_questions
from evals.dataset import DatasetError
from index.errors import IndexError_
from web import render as ui
from web import tables as tabs
from web.api import create_api
from web.chat_tab import about_text, build_chat_tab, example_updates
from web.feedback import feedback_path
from web.state import UPLOAD_SUFFIXES, BadUpload, ServerState
from web.style import THEME, UI_CSS, UI_HEAD

UNEXPECTED = "Something went wrong on the server. The error has been logged."

log = logging.getLogger(__name__)


def header_html(coverage: str) -> str:
    return f'<h1>Classification Assistant</h1><p id="coverage">{html.escape(coverage)}</p>'


def build_ui(state: ServerState) -> gr.Blocks:
    """The four tabs and the About panel; every handler reads the one Assistant through
    `state`."""
    overview = tabs.index_overview(state)
    with gr.Blocks(title="Classification Assistant", analytics_enabled=False) as page:
        header = gr.HTML(header_html(overview.coverage), elem_id="app-header", padding=False)
        about = gr.Markdown(about_text(state), elem_id="about-text", render=False)
        with gr.Tab("Chat"):
            chat = build_chat_tab(state, overview, examples_for(state), about, plain_error)
        with gr.Tab("Catalog"):
            search = gr.Textbox(
                label="Search the classes (title, code, grade, jurisdiction)",
                elem_id="catalog-search",
                max_lines=1,
            )
            catalog = gr.HTML(tabs.READING_HTML, elem_id="catalog-table")
            class_viewer = gr.HTML(ui.CLASS_VIEWER_EMPTY, elem_id="class-viewer")
        with gr.Tab("Sources"):
            sources = gr.HTML(tabs.READING_HTML, elem_id="sources-table")
            report = gr.Markdown(elem_id="sources-report")
            with gr.Row(visible=state.allow_uploads, elem_id="source-changes"):
                upload = gr.File(
                    label=f"Add standards ({', '.join(UPLOAD_SUFFIXES)})",
                    file_types=list(UPLOAD_SUFFIXES),
                    file_count="multiple",
                    min_width=260,
                )
                with gr.Column(min_width=260):
                    doomed = gr.Dropdown(
                        overview.deletable,
                        value=None,
                        label="Uploaded document to delete",
                        elem_id="doomed",
                        info=protection_note(state),
                    )
                    delete = gr.Button("Delete document", variant="stop", size="sm")
            if not state.allow_uploads:
                gr.Markdown("Uploads and deletions are switched off on this server.")
            with gr.Row():
                rescan = gr.Button("Re-index the sources folder", size="sm", scale=0, min_width=260)
        with gr.Tab("Evaluate"):
            sets = tabs.builtin_datasets(PROJECT_ROOT / "evals" / "datasets")
            first = sets[0][1] if sets else None
            with gr.Row():
                with gr.Column(min_width=260):
                    builtin = gr.Dropdown(
                        sets, value=first, label="Built-in set", elem_id="eval-set"
                    )
                    set_note = gr.Markdown(
                        tabs.dataset_note(Path(first), state.settings.sources_dir) if first else ""
                    )
                qa_file = gr.File(
                    label="Or upload a QA file (.yaml, .yml, .jsonl)",
                    file_types=[".yaml", ".yml", ".jsonl"],
                    min_width=260,
                )
            evaluate = gr.Button("Run evaluation", variant="primary")
            with gr.Row(equal_height=False):
                with gr.Column(scale=1, min_width=280):
                    eval_summary = gr.Markdown(elem_classes="eval-table")
                with gr.Column(scale=3, min_width=280):
                    eval_kinds = gr.Markdown(elem_classes="eval-table")
            failed = gr.HTML("", elem_id="failed-cases")
            # Shown once there are reports: an empty file box is only a grey icon.
            reports = gr.File(
                label="Reports (JSON, Markdown)", file_count="multiple", visible=False
            )
        with gr.Accordion("About and status", open=False, elem_id="about"):
            about.render()
        with gr.Row(elem_classes="hidden-control"):
            class_key = gr.Textbox(label="Class to open", elem_id="class-key")
            class_open = gr.Button("Open class", elem_id="class-open")

        def choose_class(key: str) -> Any:
            try:
                return ui.class_page(state.assistant(), key)
            except Exception as error:
                gr.Warning(f"The class cannot be shown: {plain_error(error)}")
                return gr.skip()

        class_open.click(choose_class, class_key, class_viewer)

        def search_catalog(words: str) -> str:
            try:
                records = state.assistant().catalog
            except IndexError_:
                records = []
            return tabs.catalog_html(records, words or "")

        search.change(search_catalog, search, catalog, show_progress="hidden")

        views = [header, chat.jurisdiction, chat.document, catalog, sources, doomed, *chat.examples]

        def refreshed(message: str) -> tuple[Any, ...]:
            now = tabs.index_overview(state)
            return (
                without_paths(message),
                header_html(now.coverage),
                gr.update(choices=now.jurisdictions),
                gr.update(choices=now.documents),
                tabs.catalog_html(now.classes),
                tabs.sources_html(now.sources),
                gr.update(choices=now.deletable, value=None),
                *example_updates(examples_for(state)),
            )

        def add(
            files: list[str] | None,
            progress: gr.Progress = gr.Progress(),  # noqa: B008
        ) -> tuple[Any, ...]:
            count = len(files or [])
            progress(0.2, desc=f"Reading and indexing {count} new standard{'s' * (count != 1)}")

            def added() -> str:
                return state.add_uploads([uploaded_file(f) for f in files or []])

            return (None, *refreshed(reported(added, "Not added")))

        def delete_source(source: str | None) -> tuple[Any, ...]:
            return refreshed(reported(lambda: state.remove(source), "Not deleted"))

        def reindex(progress: gr.Progress = gr.Progress()) -> tuple[Any, ...]:  # noqa: B008
            progress(0.2, desc="Re-indexing the sources folder")
            return refreshed(reported(state.refresh, "Indexing failed"))

        # One bar with plain words, over the report only (not over every table of the tab).
        upload.upload(add, upload, [upload, report, *views], show_progress_on=[report])
        page.load(lambda: refreshed(""), None, [report, *views], show_progress="hidden")
        page.load(**chat.restore, show_progress="hidden")
        delete.click(
            delete_source,
            doomed,
            [report, *views],
            js="(source) => source && confirm(`Delete the document ${source}? Its classes "
            "leave the index.`) ? source : null",
            show_progress_on=[report],
        )
        rescan.click(reindex, None, [report, *views], show_progress_on=[report])

        def describe_set(chosen: str | None) -> str:
            if chosen not in dict(sets).values():
                return ""
            return tabs.dataset_note(Path(str(chosen)), state.settings.sources_dir)

        builtin.change(describe_set, builtin, set_note, show_progress="hidden")

        def run(
            chosen: str | None,
            uploaded: str | None,
            progress: gr.Progress = gr.Progress(),  # noqa: B008
        ) -> tuple[Any, ...]:
            progress(0.1, desc="Answering the cases")
            try:
                if uploaded:
                    path = uploaded_file(uploaded)
                elif chosen in dict(sets).values():
                    path = Path(str(chosen))
                else:
                    raise BadUpload("choose a built-in set or upload a QA file")
                summary, kinds, rows, files = tabs.run_evaluation(
                    state.assistant(), state.settings, path
                )
                shown = gr.update(value=files, visible=True)
                return without_paths(summary), kinds, tabs.failed_html(rows), shown
            except Exception as error:
                failure = f"**The evaluation did not run**: {plain_error(error)}"
                return failure, "", "", gr.update(value=None, visible=False)

        evaluate.click(
            run,
            [builtin, qa_file],
            [eval_summary, eval_kinds, failed, reports],
            show_progress_on=[eval_summary],
        )
    return page


def protection_note(state: ServerState) -> str:
    if state.allow_delete_bundled:
        return "This server was started to allow deleting the bundled standards too."
    return "The standards that came with the server are protected; uploads can be deleted."


def uploaded_file(path: str) -> Path:
    """A file that arrived through Gradio's upload route. A server path that a client names in
    a file argument is refused, so no endpoint can be made to read a file of the server."""
    from gradio.utils import get_upload_folder

    resolved = Path(path).resolve()
    if not resolved.is_relative_to(Path(get_upload_folder()).resolve()) or not resolved.is_file():
        raise BadUpload("only files uploaded through this page can be used")
    return resolved


# The folders of an absolute path (not of a URL, a date or a source's relative path).
_SERVER_FOLDERS = re.compile(r"(?<![\w.:/~-])(?:~|[A-Za-z]:)?(?:[/\\][^/\\\s'\"`<>|:]+)+[/\\]")


def without_paths(message: str) -> str:
    """A message with the folders of server paths cut out (Gradio's cache, the data folder,
    the sources folder): a person sees `catalog.json`, not where the server keeps it."""
    return _SERVER_FOLDERS.sub("", message)


def plain_error(error: Exception) -> str:
    """What a person is told of an error: a known problem's own message without server paths;
    anything else is logged with its traceback and told in general words."""
    if isinstance(error, AssistantError | IndexError_ | DatasetError):
        return without_paths(str(error))
    log.error("a request from the page failed", exc_info=error)
    if isinstance(error, OSError) and error.strerror:
        return f"the server could not read or write a file ({error.strerror.lower()})."
    return UNEXPECTED


def reported(work: Callable[[], str], failure: str) -> str:
    """The Markdown report of `work`, or `**<failure>**: <why>` when it raises."""
    try:
        return work()
    except Exception as error:
        return f"**{failure}**: {plain_error(error)}"


def examples_for(state: ServerState) -> list[str]:
    """Example questions about the classes indexed now; the seeds' examples before any index."""
    try:
        drawn = example_questions(state.assistant().catalog)
    except IndexError_:
        drawn = []
    return drawn or list(ui.EXAMPLE_QUESTIONS)


def create_app(state: ServerState) -> FastAPI:
    """The API routes and their docs (/docs), with the Gradio UI mounted at "/"."""
    page = build_ui(state)
    app = gr.mount_gradio_app(
        create_api(state),
        page,
        path="/",
        css=UI_CSS,
        head=UI_HEAD,
        theme=THEME,
        footer_links=[],
        allowed_paths=[str(state.settings.data_dir / "evals")],  # the evaluation reports
        blocked_paths=[str(state.settings.chroma_path), str(feedback_path(state.settings))],
        max_file_size="25mb",
        run_history=False,
        # An unexpected error's own text (a path, a blocked-paths list) stays in the server log;
        # the handlers' own messages and warnings still reach the page.
        show_error=False,
    )
    # Gradio checks which server files a client may name in a file argument only once its
    # Blocks have "launched"; mounted Blocks never do, so the check would return early and
    # any file of the server could be copied into the cache and fetched. Serving through this
    # app is the launch.
    page.has_launched = True
    return app


def serve(settings: Settings) -> None:
    """Bring the index up to date, then serve the UI and the API until interrupted."""
    import uvicorn

    if not 1 <= settings.port <= 65535:  # uvicorn would listen on some other port instead
        raise ValueError(f"{settings.port} is not a port: give a number from 1 to 65535")
    state = ServerState(settings, allow_delete_bundled=settings.allow_delete_bundled)
    due: list[Callable[[], None]] = []  # the index run in the background, once serving
    state.start(lambda line: print(line, flush=True), due.append)
    print(
        f"Classification assistant on http://{settings.host}:{settings.port}/ (API docs at "
        f"/docs; uploads {'on' if state.allow_uploads else 'off'}; bundled standards "
        f"{'deletable' if state.allow_delete_bundled else 'protected'})",
        flush=True,
    )
    app = create_app(state)
    server = uvicorn.Server(
        uvicorn.Config(app, host=settings.host, port=settings.port, log_level="warning")
    )
    threading.Thread(target=_once_serving, args=(server, due), daemon=True).start()
    server.run()


def _once_serving(server: Any, due: list[Callable[[], None]]) -> None:
    """Run what is due once the server serves, or nothing if it stops first."""
    while not server.started:
        if server.should_exit:
            return
        time.sleep(0.05)
    for run in due:
        run()


def main() -> None:
    """`python app.py`: serve with the settings from the environment."""
    logging.basicConfig(level=logging.INFO, format="%(levelname)s: %(message)s")
    serve(get_settings())
