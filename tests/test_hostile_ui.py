"""The Gradio UI under failure and hostile names: a pop-up or report never shows an exception's
text, class or a server path; a catalog link works whatever its file is called; and no test
reaches beyond this machine (issue: network safety)."""

from __future__ import annotations

import html
import logging
import socket
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import gradio as gr
import pytest
from fastapi.testclient import TestClient

from assistant.config import PROJECT_ROOT
from assistant.service import Assistant
from index.errors import IndexDamaged
from index.types import ClassRecord
from web import render as ui
from web import tables as tabs
from web.api import create_api
from web.app import UNEXPECTED, build_ui, create_app
from web.conversation import Conversation
from web.state import ServerState

SALARY = "What is the salary range of a Certified Peer Support Specialist II?"
HOSTILE_NAME = "a (b) <c> #1?.txt"
# What a raw exception would show: its text, its class, a server folder, a traceback.
LEAKS = ("kaboom", "RuntimeError", "ValueError", "PermissionError", "/srv/", "Traceback")


def boom(*_: Any, **__: Any) -> Any:
    raise RuntimeError("kaboom in /srv/classification/secret/module.py")


@pytest.fixture
def state(fake_assistant: Assistant, tmp_path: Path) -> ServerState:
    """A server state on loopback over the shared fake index; writes go to a private folder."""
    settings = fake_assistant.settings.model_copy(update={"data_dir": tmp_path / "data"})
    return ServerState(settings, fake_assistant)


@pytest.fixture
def client(state: ServerState) -> Iterator[TestClient]:
    with TestClient(create_app(state)) as client:
        yield client


def call(client: TestClient, api_name: str, data: list[Any]) -> str:
    """A Gradio event called as a browser's client would: the whole event stream as text."""
    started = client.post(f"/gradio_api/call/{api_name}", json={"data": data})
    assert started.status_code == 200, started.text
    return client.get(f"/gradio_api/call/{api_name}/{started.json()['event_id']}").text


def assert_plain(stream: str) -> None:
    assert "event: complete" in stream, stream  # answered, not an error event
    for leak in LEAKS:
        assert leak not in stream, (leak, stream)


def test_an_unexpected_failure_of_re_indexing_is_logged_and_told_plainly(
    client: TestClient, state: ServerState, monkeypatch: pytest.MonkeyPatch, caplog: Any
) -> None:
    monkeypatch.setattr(state, "reindex", boom)

    with caplog.at_level(logging.ERROR, logger="web.app"):
        stream = call(client, "reindex", [])

    assert_plain(stream)
    assert f"**Indexing failed**: {UNEXPECTED}" in stream
    assert any("kaboom" in str(r.exc_info[1]) for r in caplog.records if r.exc_info)


def test_a_known_failure_is_told_without_the_server_folders(
    client: TestClient, state: ServerState, monkeypatch: pytest.MonkeyPatch
) -> None:
    def damaged(*_: Any, **__: Any) -> Any:
        raise IndexDamaged("/srv/classification/data/catalog.json cannot be read: run `index`")

    monkeypatch.setattr(state, "reindex", damaged)

    stream = call(client, "reindex", [])

    assert_plain(stream)
    assert "**Indexing failed**: catalog.json cannot be read" in stream


def test_a_failed_upload_is_reported_not_raised(
    client: TestClient, state: ServerState, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(state, "reindex", boom)

    stream = call(client, "add", [[]])

    assert_plain(stream)
    assert f"**Not added**: {UNEXPECTED}" in stream


def test_a_failed_deletion_names_the_problem_not_the_path(
    state: ServerState, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused(source: str) -> None:
        raise PermissionError(13, "Permission denied", f"/srv/classification/sources/{source}")

    monkeypatch.setattr(state, "delete_source", refused)
    state.allow_delete_bundled = True  # or the bundled standard is not offered at all

    with TestClient(create_app(state)) as client:
        stream = call(client, "delete_source", ["texas/certified-peer-support-specialist-ii.txt"])

    assert_plain(stream)
    assert "**Not deleted**: the server could not read or write a file (permission denied)" in (
        stream
    )


def test_an_evaluation_that_breaks_midway_is_reported_not_raised(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tabs, "run_evaluation", boom)
    builtin = tabs.builtin_datasets(PROJECT_ROOT / "evals" / "datasets")[0][1]

    stream = call(client, "run", [builtin, None])

    assert_plain(stream)
    assert f"**The evaluation did not run**: {UNEXPECTED}" in stream


def handler(state: ServerState, name: str) -> Callable[..., Any]:
    """An event handler of the page, called directly (gradio passes LikeData by annotation)."""
    page = build_ui(state)
    return next(f.fn for f in page.fns.values() if f.name == name and f.fn is not None)


@pytest.fixture
def popups(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What gr.Warning and gr.Info would show, in order."""
    shown: list[str] = []
    monkeypatch.setattr(gr, "Warning", lambda message, *_, **__: shown.append(message))
    monkeypatch.setattr(gr, "Info", lambda message, *_, **__: shown.append(message))
    return shown


def test_feedback_that_cannot_be_saved_keeps_the_comment_and_says_so_plainly(
    state: ServerState, fake_assistant: Assistant, tmp_path: Path, popups: list[str]
) -> None:
    folder = tmp_path / "not-a-file"
    folder.mkdir()  # appending to a folder fails as a full or read-only disk would
    state.settings = state.settings.model_copy(update={"feedback_path": folder})
    talk = Conversation()
    list(talk.ask(lambda: fake_assistant, SALARY))
    rate, add_comment = handler(state, "rate"), handler(state, "add_comment")

    rated = rate(talk, gr.LikeData(None, {"index": 1, "value": "", "liked": True}))
    kept = add_comment("clear answer", {"id": "r1", "rating": "up", "index": 1}, talk)

    assert all(isinstance(r, dict) and r.get("__type__") == "update" for r in rated)  # skipped
    assert kept[0] is not None and kept[0].get("__type__") == "update"  # the box keeps its text
    plain = "the server could not read or write a file (is a directory)."
    assert popups == [
        f"Your feedback was not saved: {plain}",
        f"Your comment was not saved: {plain}",
    ]
    assert str(tmp_path) not in popups[0] and "Error" not in popups[0]


def test_a_class_asked_for_with_no_index_is_a_notice(tmp_path: Path, popups: list[str]) -> None:
    from tests.conftest import make_settings

    state = ServerState(make_settings(tmp_path))  # nothing indexed there
    choose = handler(state, "choose_class")

    choose("texas%2Fcertified-peer-support-specialist-ii.txt%234008")

    assert len(popups) == 1 and popups[0].startswith("The class cannot be shown: ")
    assert str(tmp_path) not in popups[0]


class Links(HTMLParser):
    """The links of an HTML fragment and every tag in it."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.links: list[tuple[str, str]] = []
        self._href: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "a":
            self._href = dict(attrs).get("href") or ""
            self.links.append((self._href, ""))

    def handle_data(self, data: str) -> None:
        if self._href is not None:
            href, text = self.links[-1]
            self.links[-1] = (href, text + data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self._href = None


def parsed(fragment: str) -> Links:
    links = Links()
    links.feed(fragment)
    return links


@pytest.mark.parametrize(
    "name", [HOSTILE_NAME, "[x](javascript:alert(1)).txt", "tab\tand *stars* & <b>.txt"]
)
def test_a_catalog_link_is_one_harmless_link_whatever_the_file_is_called(name: str) -> None:
    record = ClassRecord(title="Clerk <i>", source=f"uploads/{name}", jurisdiction="Texas")

    table = parsed(tabs.catalog_html([record]))

    assert "i" not in table.tags and "b" not in table.tags  # no markup smuggled in by a name
    [(opens, title), (href, text)] = table.links
    assert opens.startswith("#class-") and title == "Clerk <i>"
    assert text == name
    assert unquote(href) == f"/api/sources/uploads/{name}" and " " not in href


def test_a_catalog_link_serves_its_file(state: ServerState, tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    (sources / "uploads").mkdir(parents=True)
    (sources / "uploads" / HOSTILE_NAME).write_text("CLERK\n", encoding="utf-8")
    state.settings = state.settings.model_copy(update={"sources_dir": sources})
    record = ClassRecord(title="Clerk", source=f"uploads/{HOSTILE_NAME}")
    [_, (href, _)] = parsed(tabs.catalog_html([record])).links

    with TestClient(create_api(state)) as client:
        served = client.get(html.unescape(href))

    assert served.status_code == 200 and served.text == "CLERK\n"


def test_the_document_header_links_its_file_by_a_quoted_address() -> None:
    source = f"uploads/{HOSTILE_NAME}"

    header = parsed(ui._document_header(ui.DocumentInfo(source=source, title="Clerk")))

    [(href, text)] = header.links
    assert text == source and unquote(html.unescape(href)) == f"/api/sources/{source}"
    assert "#" not in href and "?" not in href


def test_no_test_can_reach_beyond_this_machine() -> None:
    """pytest-socket (configured in pyproject.toml) refuses a connection off loopback."""
    with socket.socket() as outbound, pytest.raises(RuntimeError, match=r"192\.0\.2\.1"):
        outbound.connect(("192.0.2.1", 80))  # TEST-NET-1: never routed
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        socket.create_connection(server.getsockname(), timeout=5).close()
