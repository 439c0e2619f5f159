"""The web app: a Gradio UI (Chat, Catalog, Sources, Evaluate) and the HTTP API on one server."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
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
from web.conversation import Conversation
from web.feedback import Feedback, Rating, append_feedback, feedback_path
from web.state import UPLOAD_SUFFIXES, BadUpload, ServerState
from web.style import UI_CSS, UI_HEAD

# Fonts that ship with Gradio (nothing comes from a CDN). Its semibold files are small subsets
# that lack letters, so only the complete regular and bold faces are used.
THEME = gr.themes.Default(
    primary_hue="blue",
    neutral_hue="slate",
    font=[gr.themes.LocalFont("IBM Plex Sans", weights=(400, 700)), "system-ui", "sans-serif"],
    font_mono=[gr.themes.LocalFont("IBM Plex Mono", weights=(400, 700)), "monospace"],
)
HEADER = (
    "<h1>Classification Assistant</h1><p>Job classification standards: titles, codes, grades, "
    "salary ranges, duties and qualifications, with citations.</p>"
)
Chat = list[dict[str, str]]
UNEXPECTED = "Something went wrong on the server. The error has been logged."

log = logging.getLogger(__name__)


def table(
    value: list[list[Any]] | None, headers: tuple[str, ...], label: str, **kwargs: Any
) -> gr.Dataframe:
    return gr.Dataframe(
        value,
        headers=list(headers),
        label=label,
        interactive=False,
        wrap=True,
        elem_classes="data-table",
        **kwargs,
    )


def build_ui(state: ServerState) -> gr.Blocks:
    """The four tabs; every handler reads the one Assistant through `state`."""
    overview = tabs.index_overview(state)
    with gr.Blocks(title="Classification Assistant", analytics_enabled=False) as page:
        conversation = gr.State(Conversation())
        gr.HTML(HEADER, elem_id="app-header")
        status = gr.Markdown(without_paths(overview.status), elem_id="status-line")
        with gr.Tab("Chat"), gr.Row(equal_height=False):
            with gr.Column(scale=3):
                with gr.Row():
                    jurisdiction = gr.Dropdown(
                        overview.jurisdictions, value="", label="Jurisdiction"
                    )
                    document = gr.Dropdown(overview.documents, value="", label="Document")
                chat = gr.Chatbot(
                    label="Conversation",
                    height=440,
                    buttons=["copy"],
                    placeholder="Ask about a class: its salary range, grade, code, "
                    "duties or requirements.",
                )
                question = gr.Textbox(
                    label="Your question",
                    elem_id="question",
                    max_lines=4,
                    submit_btn="Send",
                    autofocus=True,
                    placeholder="e.g. What is the salary range of a CPSS II?  (Enter sends)",
                )
                examples = gr.Examples(
                    [[q] for q in examples_for(state)], question, label="Example questions"
                )
                with gr.Row():
                    copy = gr.Button("Copy answer", size="sm")
                    export = gr.DownloadButton("Export conversation (.md)", size="sm")
                    restart = gr.Button("Start over", size="sm")
                comment = gr.Textbox(
                    label="Comment (optional): sent with your next thumbs up or down on an answer",
                    max_lines=3,
                    max_length=state.settings.max_comment_chars,
                )
            with gr.Column(scale=2):
                gr.Markdown("**Source viewer**")
                viewer = gr.HTML(ui.VIEWER_EMPTY, elem_id="viewer")
        with gr.Tab("Catalog"):
            catalog = table(
                overview.catalog,
                tabs.CATALOG_HEADERS,
                "Classes in the index: select a row to read its standard",
                datatype=["str"] * 5 + ["number"] * 2 + ["markdown"],
                show_search="search",
                elem_id="catalog-table",
                column_widths=["11%", "22%", "9%", "13%", "13%", "8%", "8%", "16%"],
            )
            class_viewer = gr.HTML(ui.CLASS_VIEWER_EMPTY, elem_id="class-viewer")
        with gr.Tab("Sources"):
            sources = table(
                overview.sources,
                tabs.DOCUMENT_HEADERS,
                "Documents in the sources folder",
                elem_id="sources-table",
            )
            report = gr.Markdown()
            with gr.Row(visible=state.allow_uploads):
                upload = gr.File(
                    label=f"Add standards ({', '.join(UPLOAD_SUFFIXES)})",
                    file_types=list(UPLOAD_SUFFIXES),
                    file_count="multiple",
                )
                with gr.Column():
                    doomed = gr.Dropdown(overview.deletable, value=None, label="Document to delete")
                    delete = gr.Button("Delete document", variant="stop", size="sm")
            if not state.allow_uploads:
                gr.Markdown("Uploads and deletions are switched off on this server.")
            with gr.Row():
                rescan = gr.Button("Re-index the sources folder", size="sm", scale=0, min_width=260)
        with gr.Tab("Evaluate"):
            sets = tabs.builtin_datasets(PROJECT_ROOT / "evals" / "datasets")
            with gr.Row():
                builtin = gr.Dropdown(
                    sets, value=sets[0][1] if sets else None, label="Built-in set"
                )
                qa_file = gr.File(
                    label="Or upload a QA file (.yaml, .yml, .jsonl)",
                    file_types=[".yaml", ".yml", ".jsonl"],
                )
            evaluate = gr.Button("Run evaluation", variant="primary")
            with gr.Row(equal_height=False):
                with gr.Column(scale=1, min_width=300):
                    eval_summary = gr.Markdown(elem_classes="eval-table")
                with gr.Column(scale=3):
                    eval_kinds = gr.Markdown(elem_classes="eval-table")
            failed = table(None, tabs.FAILED_HEADERS, "Failed cases")
            reports = gr.File(label="Reports (JSON, Markdown)", file_count="multiple")
        # Citation links inside answers reach the server through these (see ui_style.UI_HEAD).
        with gr.Row(elem_classes="hidden-control"):
            cite_key = gr.Textbox(label="Citation to open", elem_id="cite-key")
            cite_open = gr.Button("Open citation", elem_id="cite-open")
            clipboard = gr.Textbox(label="Copied text")

        def ask(
            question: str, where: str, source: str, talk: Conversation, messages: Chat
        ) -> Iterator[tuple[Any, ...]]:
            if not (question or "").strip():
                gr.Warning("Please type a question.")
                yield gr.skip(), gr.skip(), gr.skip(), gr.skip()
                return
            messages = [*messages, {"role": "user", "content": question.strip()}]
            for html in talk.ask(state.assistant, question.strip(), where, source):
                yield "", [*messages, {"role": "assistant", "content": html}], talk, gr.skip()
            yield gr.skip(), gr.skip(), talk, str(talk.write_markdown(state.status_line()))

        asking: dict[str, Any] = dict(
            fn=ask,
            outputs=[question, chat, conversation, export],
            inputs=[question, jurisdiction, document, conversation, chat],
        )
        question.submit(**asking)
        examples.load_input_event.then(**asking)

        def open_citation(key: str, talk: Conversation) -> Any:
            try:
                return ui.citation_page(state.assistant(), talk, key)
            except Exception as error:
                gr.Warning(f"The citation cannot be shown: {plain_error(error)}")
                return gr.skip()

        cite_open.click(open_citation, [cite_key, conversation], viewer)

        def copy_text(talk: Conversation) -> str:
            exchange = talk.last_answered()
            if exchange is None or exchange.answer is None:
                gr.Warning("There is no answer to copy yet.")
                return ""
            gr.Info("The answer and its citations were copied.")
            return ui.answer_text(exchange.question, exchange.answer)

        copy.click(copy_text, conversation, clipboard).then(
            None, clipboard, None, js="(text) => text && window.classificationCopy(text)"
        )
        restart.click(
            lambda: ([], Conversation(), ui.VIEWER_EMPTY, "", None),
            None,
            [chat, conversation, viewer, comment, export],
        )

        def rate(comment: str, talk: Conversation, event: gr.LikeData) -> str:
            index = event.index if isinstance(event.index, int) else event.index[0]
            exchange = talk.exchange_of_message(index) if isinstance(index, int) else None
            if exchange is None or exchange.answer is None:
                gr.Warning("Only answers can be rated.")
                return comment
            rating: Rating = "up" if event.liked else "down"
            try:
                feedback = Feedback.about(
                    rating,
                    exchange.question,
                    exchange.answer,
                    comment or "",
                    exchange.filters,
                    max_comment_chars=state.settings.max_comment_chars,
                )
                append_feedback(feedback_path(state.settings), feedback)
            except Exception as error:  # the comment stays in its box, so nothing is lost
                gr.Warning(f"Your feedback was not saved: {plain_error(error)}")
                return comment
            gr.Info("Thank you: your feedback was saved.")
            return ""

        chat.like(rate, [comment, conversation], comment)

        def choose_class(event: gr.SelectData) -> Any:  # gradio passes SelectData by annotation
            try:
                return ui.class_page(state.assistant(), event.row_value)
            except Exception as error:
                gr.Warning(f"The class cannot be shown: {plain_error(error)}")
                return gr.skip()

        catalog.select(choose_class, None, class_viewer)

        views = [status, jurisdiction, document, catalog, sources, doomed]

        def refreshed(message: str) -> tuple[Any, ...]:
            now = tabs.index_overview(state)
            return (
                without_paths(message),
                without_paths(now.status),
                gr.update(choices=now.jurisdictions),
                gr.update(choices=now.documents),
                now.catalog,
                now.sources,
                gr.update(choices=now.deletable, value=None),
            )

        def add(
            files: list[str] | None,
            progress: gr.Progress = gr.Progress(track_tqdm=True),  # noqa: B008
        ) -> tuple[Any, ...]:
            progress(0.1, desc="Indexing the new standards")

            def added() -> str:
                return state.add_uploads([uploaded_file(f) for f in files or []])

            return (None, *refreshed(reported(added, "Not added")))

        def delete_source(source: str | None) -> tuple[Any, ...]:
            return refreshed(reported(lambda: state.remove(source), "Not deleted"))

        def reindex() -> tuple[Any, ...]:
            return refreshed(reported(state.refresh, "Indexing failed"))

        upload.upload(add, upload, [upload, report, *views])
        page.load(lambda: refreshed(""), None, [report, *views])  # another tab may have changed it
        delete.click(
            delete_source,
            doomed,
            [report, *views],
            js="(source) => source && confirm(`Delete ${source}?`) ? source : null",
        )
        rescan.click(reindex, None, [report, *views])

        def run(
            chosen: str | None,
            uploaded: str | None,
            progress: gr.Progress = gr.Progress(track_tqdm=True),  # noqa: B008
        ) -> tuple[Any, ...]:
            progress(0, desc="Answering the cases")
            try:
                if uploaded:
                    path = uploaded_file(uploaded)
                elif chosen in dict(sets).values():
                    path = Path(str(chosen))
                else:
                    raise BadUpload("choose a built-in set or upload a QA file")
                return tabs.run_evaluation(state.assistant(), state.settings, path)
            except Exception as error:
                return f"**The evaluation did not run**: {plain_error(error)}", "", [], None

        evaluate.click(run, [builtin, qa_file], [eval_summary, eval_kinds, failed, reports])
    return page


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
    state = ServerState(settings)
    try:
        print(f"index: {state.reindex(progress=None).line()}", flush=True)
    except IndexError_ as error:  # the page says what is missing
        print(f"warning: {error}", flush=True)
    print(
        f"Classification assistant on http://{settings.host}:{settings.port}/ (API docs at "
        f"/docs; uploads {'on' if state.allow_uploads else 'off'})",
        flush=True,
    )
    uvicorn.run(create_app(state), host=settings.host, port=settings.port, log_level="warning")


def main() -> None:
    """`python app.py`: serve with the settings from the environment."""
    logging.basicConfig(level=logging.INFO, format="%(levelname)s: %(message)s")
    serve(get_settings())
