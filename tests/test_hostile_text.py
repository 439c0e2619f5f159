"""Hostile text wherever people type (issue 11): the question reader and the money and level
parsers take any string, the title finder stays linear, feedback and exports take any text,
and the page script cannot be made to loop by what an answer says."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.query import analyse, normalise_question
from assistant.service import Assistant, valid_text
from assistant.titles import find_mentions
from index.levels import level_value, roman
from index.money import money_value, parse_money, period_in, periods_in
from web.conversation import Conversation, conversation_markdown
from web.feedback import CommentTooLong, Feedback, append_feedback, read_feedback
from web.style import UI_HEAD

# Any text, lone surrogates included (what JSON and argv can carry), with the words and
# signs the parsers look for mixed in so that the interesting paths are reached.
HINTS = ["$", "$1,234.56", " - ", "to", "per hour", "II", "level", "cpss", "grade", "\\$", "\n"]
ANY_TEXT = st.lists(
    st.one_of(st.text(alphabet=st.characters(codec=None), max_size=40), st.sampled_from(HINTS)),
    max_size=12,
).map("".join)
PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(text=ANY_TEXT)
def test_the_question_reader_takes_any_string(fake_assistant: Assistant, text: str) -> None:
    analysis = analyse(text, fake_assistant.class_index)
    assert isinstance(analysis.question, str)
    normalise_question(text)


@PROPERTY
@given(text=ANY_TEXT, context=ANY_TEXT)
def test_money_parsing_takes_any_string(text: str, context: str) -> None:
    value = money_value(text)
    assert value is None or value >= 0
    parse_money(text, context)
    period_in(text)
    periods_in(text)


@PROPERTY
@given(token=ANY_TEXT)
def test_level_parsing_takes_any_string(token: str) -> None:
    value = level_value(token)
    assert value is None or (value >= 0 and isinstance(roman(value), str | type(None)))


@PROPERTY
@given(text=ANY_TEXT)
def test_any_question_is_answered_or_refused_with_a_named_error(
    fake_assistant: Assistant, text: str
) -> None:
    from assistant.errors import AssistantError

    try:
        answer = fake_assistant.ask(text)
    except AssistantError:
        return
    json.dumps(answer.to_json(), ensure_ascii=False).encode("utf-8")


def test_finding_titles_is_linear_in_the_length_of_the_text(fake_assistant: Assistant) -> None:
    """A history repeating a title 20,000 times took minutes (every mention was compared with
    every exact one); now well under a second."""
    series = fake_assistant.class_index.series
    for words in (["cpss"] * 20_000, ["certified", "peer", "support", "specialist", "ii"] * 5000):
        started = time.perf_counter()
        mentions = find_mentions(words, series)
        assert time.perf_counter() - started < 3
        assert len(mentions) >= 5000


def test_a_title_inside_a_longer_exact_title_is_still_hidden(fake_assistant: Assistant) -> None:
    words = "certified peer support specialist ii and peer specialist".split()
    spans = {(m.start, m.end) for m in find_mentions(words, fake_assistant.class_index.series)}

    assert (0, 4) in spans
    assert not any(s >= 0 and e <= 4 and (s, e) != (0, 4) for s, e in spans)


def test_lone_surrogates_become_replacement_characters() -> None:
    assert valid_text("a\ud800b\udfffc") == "a\ufffdb\ufffdc"
    assert valid_text("plain café 😀") == "plain café 😀"


def test_a_comment_over_the_limit_is_refused_whole(fake_assistant: Assistant) -> None:
    answer = fake_assistant.ask("grade of CPS 1?")
    limit = fake_assistant.settings.max_comment_chars

    with pytest.raises(CommentTooLong, match=f"the limit is {limit}"):
        Feedback.about("up", "q", answer, "x" * (limit + 1), max_comment_chars=limit)
    kept = Feedback.about("up", "q", answer, "x" * limit, max_comment_chars=limit)
    assert len(kept.comment) == limit


def test_lone_surrogates_in_feedback_are_written_readably(
    fake_assistant: Assistant, tmp_path: Path
) -> None:
    answer = fake_assistant.ask("grade of CPS 1?")
    log = tmp_path / "feedback.jsonl"

    append_feedback(log, Feedback.about("down", "q\ud800", answer, "bad \udfff", {"d": "\ud800"}))

    entry = read_feedback(log)[0]
    assert entry["comment"] == "bad \ufffd" and entry["question"] == "q\ufffd"
    assert entry["filters"] == {"d": "\ufffd"}


def test_an_export_takes_lone_surrogates_and_line_breaks_in_a_question(
    fake_assistant: Assistant,
) -> None:
    conversation = Conversation()
    list(conversation.ask(lambda: fake_assistant, "grade of\n# CPS 1?\ud800\n- x"))

    markdown = conversation.write_markdown().read_text(encoding="utf-8")

    assert "## grade of # CPS 1?\ufffd - x\n" in markdown
    assert not re.search(r"^# CPS", markdown, re.MULTILINE)
    assert "\ud800" not in conversation_markdown(conversation)


# The page script under a small stand-in for the DOM: attribute selectors, and a
# MutationObserver that reports every aria-label write (as a browser does, even of the same
# value) until the page is quiet, or gives up after 1,000 rounds.
_DOM = """
const attrs = %(attrs)s;
const message = {
  attrs, dataset: {}, innerText: %(text)s,
  getAttribute(name) { return name in this.attrs ? this.attrs[name] : null; },
  setAttribute(name, value) {
    this.attrs[name] = String(value);
    if (name === 'aria-label') dirty = true;
  },
};
let dirty = false, observer = null;
const selectorParts = /\\[([\\w-]+)(?:(\\*?=)"?([^"\\]]*)"?)?\\]/g;
const matches = (node, selector) => [...selector.matchAll(selectorParts)]
  .every(([, name, op, value]) => {
    const actual = node.getAttribute(name);
    if (actual === null) return false;
    return !op || (op === '=' ? actual === value : actual.includes(value));
  });
globalThis.document = {
  documentElement: {}, addEventListener() {}, readyState: 'loading',
  querySelectorAll: (selector) => [message].filter((node) => matches(node, selector)),
  execCommand() {}, createElement() { return {}; },
};
globalThis.window = globalThis;
globalThis.MutationObserver = class { constructor(callback) { observer = callback; } observe() {} };
%(script)s
dirty = true;
let rounds = 0;
while (dirty && rounds < 1000) { dirty = false; rounds += 1; observer([]); }
console.log(JSON.stringify({rounds, label: message.getAttribute('aria-label')}));
"""


@pytest.mark.skipif(shutil.which("node") is None, reason="needs node to run the page script")
@pytest.mark.parametrize(
    "text", ["Experience: < 2 years", "Salary < $40,000 <b>", "plain answer", "<<<<"]
)
def test_the_page_script_settles_whatever_an_answer_says(tmp_path: Path, text: str) -> None:
    script = re.search(r"<script>(.*)</script>", UI_HEAD, re.DOTALL)
    assert script is not None
    page = tmp_path / "page.js"
    page.write_text(
        _DOM
        % {
            "attrs": json.dumps({"data-testid": "bot", "aria-label": f"<p>{text}</p>"}),
            "text": json.dumps(text),
            "script": script.group(1),
        }
    )

    result = subprocess.run(["node", str(page)], capture_output=True, text=True, timeout=30)

    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stdout)
    assert outcome["rounds"] <= 3, "the observer keeps firing: the tab would freeze"
    assert outcome["label"] == f"Answer: {text}"


def test_a_long_chat_sends_its_latest_turns_within_the_limits(fake_assistant: Assistant) -> None:
    conversation = Conversation()
    limit = fake_assistant.settings.max_history_turns
    for _ in range(limit + 2):
        list(conversation.ask(lambda: fake_assistant, "grade of CPS 1?"))
    list(conversation.ask(lambda: fake_assistant, "and CPS 2?"))

    last = conversation.exchanges[-1]
    assert last.error is None and last.answer is not None
    recent = fake_assistant.recent_history(conversation.turns())
    assert len(recent) == limit and recent[-1] == conversation.turns()[-1]
