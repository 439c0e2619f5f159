"""The Chat tab: one conversation that the chat, follow-ups, feedback, copy and export all read,
kept in the browser with the list of past conversations."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import gradio as gr

from web import render as ui
from web.conversation import Conversation, NothingToExport
from web.feedback import Feedback, Rating, append_feedback, feedback_path
from web.saved import EMPTY, STORAGE_KEY, forgotten, remembered, reopened, saved_choices
from web.state import ServerState
from web.tables import IndexOverview

EXAMPLE_SLOTS = 4
# The saved conversations live in the person's own browser; Gradio encrypts them with this
# key, which only has to stay the same across restarts (the page sends it to the browser).
_STORAGE_SECRET = "classification-assistant-local-conversations"


@dataclass(frozen=True)
class ChatTab:
    """What the rest of the page updates in the Chat tab when the index changes."""

    jurisdiction: gr.Dropdown
    document: gr.Dropdown
    examples: list[gr.Button]
    restore: dict[str, Any]  # the page's load event: reopen the conversation of last time


def example_updates(questions: list[str]) -> list[Any]:
    """One update per example button: its question, or hidden when there are fewer."""
    padded = questions[:EXAMPLE_SLOTS] + [""] * (EXAMPLE_SLOTS - len(questions))
    return [gr.update(value=q, visible=bool(q)) for q in padded]


def build_chat_tab(
    state: ServerState,
    overview: IndexOverview,
    examples: list[str],
    about: gr.Markdown,
    plain_error: Callable[[Exception], str],
) -> ChatTab:
    """The Chat tab's components and handlers (call inside the page's Blocks)."""
    limit = state.settings.max_question_chars
    conversation = gr.State(Conversation())
    saved = gr.BrowserState(EMPTY, storage_key=STORAGE_KEY, secret=_STORAGE_SECRET)
    pending = gr.State(None)  # the rating a comment would be added to
    with gr.Row(equal_height=False, elem_id="chat-row"):
        with gr.Column(scale=3, min_width=300):
            with gr.Row(elem_id="filters"):
                jurisdiction = gr.Dropdown(
                    overview.jurisdictions, value="", label="Jurisdiction", min_width=150
                )
                document = gr.Dropdown(
                    overview.documents, value="", label="Document", min_width=150
                )
            chat = gr.Chatbot(
                label="Conversation",
                elem_id="chat",
                height=300,
                buttons=["copy"],
                placeholder="Ask about a class: its salary range, grade, code, "
                "duties or requirements.",
            )
            with gr.Group(visible=False, elem_id="comment-panel") as comment_panel:
                rated = gr.Markdown()
                comment = gr.Textbox(
                    label="Add a comment to your rating (optional)",
                    max_lines=3,
                    max_length=state.settings.max_comment_chars,
                    elem_id="comment",
                )
                with gr.Row():
                    send_comment = gr.Button("Send comment", size="sm", variant="primary")
                    close_comment = gr.Button("No comment", size="sm")
            question = gr.Textbox(
                label="Your question",
                elem_id="question",
                max_lines=4,
                submit_btn="Send",
                placeholder="e.g. What is the salary range of a CPSS II?  (Enter sends)",
            )
            gr.HTML(
                f'<div id="question-count" data-limit="{limit}" aria-live="polite">'
                f"0 / {limit} characters</div>",
                elem_id="question-count-box",
                padding=False,
            )
            with gr.Row(elem_id="examples"):
                gr.HTML('<span class="examples-label">Try:</span>', padding=False, min_width=0)
                slots = [*examples, *[""] * EXAMPLE_SLOTS][:EXAMPLE_SLOTS]
                buttons = [
                    gr.Button(q, size="sm", elem_classes="example", min_width=0, visible=bool(q))
                    for q in slots
                ]
        with gr.Column(scale=2, min_width=300):
            with gr.Row(elem_id="conversation-actions"):
                restart = gr.Button("Start over", size="sm", min_width=0)
                copy = gr.Button("Copy answer", size="sm", min_width=0)
                export = gr.DownloadButton("Export (.md)", size="sm", min_width=0)
            past = gr.Dropdown(
                [], value=None, label="Past conversations (kept in this browser)", elem_id="past"
            )
            with gr.Row(elem_id="past-actions"):
                reopen = gr.Button("Open conversation", size="sm", min_width=0)
                forget = gr.Button("Delete conversation", size="sm", min_width=0)
            gr.HTML('<h2 class="panel-title">Source viewer</h2>', padding=False)
            viewer = gr.HTML(ui.VIEWER_EMPTY, elem_id="viewer")
    # Links inside answers reach the server through these (see web.style.UI_HEAD).
    with gr.Row(elem_classes="hidden-control"):
        cite_key = gr.Textbox(label="Citation to open", elem_id="cite-key")
        cite_open = gr.Button("Open citation", elem_id="cite-open")
        choice_key = gr.Textbox(label="Class chosen", elem_id="choice-key")
        choice_open = gr.Button("Ask about the class", elem_id="choice-open")
        chosen = gr.Textbox(label="Question for the class")
        clipboard = gr.Textbox(label="Copied text")

    def shown(talk: Conversation, keep: Any) -> tuple[Any, ...]:
        """The page's view of a conversation: chat, its export and the saved list."""
        kept = remembered(keep, talk)
        exported = str(talk.write_markdown(state.status_line())) if talk.exchanges else None
        return talk.messages(), talk, exported, kept, gr.update(choices=saved_choices(kept))

    conversation_views = [chat, conversation, export, saved, past]

    def ask(
        question: str, where: str, source: str, talk: Conversation, keep: Any
    ) -> Iterator[tuple[Any, ...]]:
        text = (question or "").strip()
        if not text:
            gr.Warning("Please type a question.")
            yield (gr.skip(),) * 7
            return
        if len(text) > limit:  # the page blocks sending it; a client may still send it
            gr.Warning(
                f"The question is {len(text)} characters long; the limit is {limit}. "
                "Please shorten it to the part you want answered."
            )
            yield (gr.skip(),) * 7
            return
        before = talk.messages()
        box: Any = ""  # emptied once: what is typed while the answer streams is kept
        for html in talk.ask(state.assistant, text, where, source):
            live = [
                *before,
                {"role": "user", "content": text},
                {"role": "assistant", "content": html},
            ]
            yield box, live, talk, gr.skip(), gr.skip(), gr.skip(), gr.skip()
            box = gr.skip()
        exchange = talk.exchanges[-1]
        timing = (
            f"Last answer: first words after {exchange.first_words_ms:.0f} ms, complete after "
            f"{exchange.total_ms:.0f} ms."
            if exchange.answer
            else ""
        )
        yield (gr.skip(), *shown(talk, keep), about_text(state, timing))

    asking: dict[str, Any] = dict(
        fn=ask,
        inputs=[question, jurisdiction, document, conversation, saved],
        outputs=[question, *conversation_views, about],
    )
    question.submit(**asking)
    for button in buttons:
        button.click(lambda q: q, button, question).then(**asking)

    def choose(key: str, talk: Conversation) -> Any:
        title = talk.choice(key)
        return title if title else gr.skip()

    choice_open.click(choose, [choice_key, conversation], chosen).then(
        **(asking | {"inputs": [chosen, jurisdiction, document, conversation, saved]})
    )

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

    def check_export(talk: Conversation) -> None:
        try:
            if not talk.exchanges:
                raise NothingToExport("There is nothing to export yet: ask a question first.")
        except NothingToExport as error:
            gr.Warning(str(error))

    export.click(check_export, conversation, None)

    def start_over(keep: Any) -> tuple[Any, ...]:
        return (*shown(Conversation(), keep), ui.VIEWER_EMPTY, gr.update(visible=False), None)

    fresh = [*conversation_views, viewer, comment_panel, pending]
    restart.click(start_over, saved, fresh)
    chat.clear(start_over, saved, fresh)  # the chat's own bin starts over too: one state

    def load(keep: Any) -> tuple[Any, ...]:
        return shown(reopened(keep), keep)

    def open_past(chosen_id: str | None, keep: Any) -> tuple[Any, ...]:
        if not chosen_id:
            gr.Warning("Choose a conversation to open.")
            return (gr.skip(),) * 7
        return (*shown(reopened(keep, chosen_id), keep), ui.VIEWER_EMPTY, gr.update(visible=False))

    reopen.click(open_past, [past, saved], [*conversation_views, viewer, comment_panel])

    def forget_past(chosen_id: str | None, talk: Conversation, keep: Any) -> tuple[Any, ...]:
        if not chosen_id:
            gr.Warning("Choose a conversation to delete.")
            return (gr.skip(),) * 5
        kept = forgotten(keep, chosen_id)
        gr.Info("The conversation was deleted from this browser.")
        return shown(Conversation() if talk.id == chosen_id else talk, kept)

    forget.click(
        forget_past,
        [past, conversation, saved],
        conversation_views,
        js="(id, talk, keep) => [id && confirm('Delete the chosen conversation from this "
        "browser? This cannot be undone.') ? id : null, talk, keep]",
    )

    def rate(talk: Conversation, event: gr.LikeData) -> tuple[Any, ...]:
        index = event.index if isinstance(event.index, int) else event.index[0]
        exchange = talk.exchange_of_message(index) if isinstance(index, int) else None
        if exchange is None or exchange.answer is None:
            gr.Warning("Only answers can be rated.")
            return gr.skip(), gr.skip(), gr.skip()
        rating: Rating = "up" if event.liked else "down"
        try:
            feedback = Feedback.about(
                rating, exchange.question, exchange.answer, "", exchange.filters
            )
            append_feedback(feedback_path(state.settings), feedback)
        except Exception as error:
            gr.Warning(f"Your feedback was not saved: {plain_error(error)}")
            return gr.skip(), gr.skip(), gr.skip()
        gr.Info("Thank you: your rating was saved.")
        thumb = "👍" if rating == "up" else "👎"
        asked = " ".join(exchange.question.split())[:120]
        note = f"You rated the answer to “{asked}” {thumb}."
        return {"id": feedback.id, "rating": rating, "index": index}, gr.update(visible=True), note

    chat.like(rate, conversation, [pending, comment_panel, rated])

    def add_comment(text: str, rating: Any, talk: Conversation) -> tuple[Any, ...]:
        exchange = talk.exchange_of_message(rating["index"]) if rating else None
        if not text.strip() or exchange is None or exchange.answer is None:
            return "", gr.update(visible=False), None
        try:
            feedback = Feedback.about(
                rating["rating"],
                exchange.question,
                exchange.answer,
                text,
                exchange.filters,
                max_comment_chars=state.settings.max_comment_chars,
                rating_id=rating["id"],
            )
            append_feedback(feedback_path(state.settings), feedback)
        except Exception as error:  # the comment stays in its box, so nothing is lost
            gr.Warning(f"Your comment was not saved: {plain_error(error)}")
            return gr.skip(), gr.skip(), gr.skip()
        gr.Info("Thank you: your comment was saved with your rating.")
        return "", gr.update(visible=False), None

    send_comment.click(
        add_comment, [comment, pending, conversation], [comment, comment_panel, pending]
    )
    comment.submit(add_comment, [comment, pending, conversation], [comment, comment_panel, pending])
    close_comment.click(
        lambda: ("", gr.update(visible=False), None), None, [comment, comment_panel, pending]
    )

    restore = {"fn": load, "inputs": saved, "outputs": conversation_views}
    return ChatTab(jurisdiction, document, buttons, restore)


def about_text(state: ServerState, timing: str = "") -> str:
    """The About panel: what the index holds, which models answer, the last answer's times."""
    lines = [f"**Index and models**: {state.status_line()}"]
    if timing:
        lines.append(timing)
    lines.append(
        "The HTTP API and its documentation: [/docs](/docs). Conversations are kept in this "
        "browser only; feedback goes to the server's log."
    )
    return "\n\n".join(lines)
