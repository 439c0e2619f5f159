"""The lines of a document that name one of its classes, read for what a question asks of that
class: in a table of several classes flattened a row a line ("Executive Level 2Zone of
discretion*$168,610" / "to $178,558"), a thing the document states for some classes and not
for the one asked ("the APS 5 zone of discretion" where only APS 6 and the Executive Levels
have one) is not stated for it, whatever a general note says of it."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.passages import stem

# A line that carries on the figures of the line above: "to $178,558", "$175,017".
_CARRIED_ON = re.compile(r"^\s*(?:to\s+)?[^\sA-Za-z]*\d[\d,.]*\s*$", re.IGNORECASE)
# A line holds a topic when it holds this share of its words.
_TOPIC_SHARE = 0.5
# A thing stated class by class: rows of this many other classes state it.
_STATING_OTHERS = 2


def names_class(line: str, title: str) -> bool:
    """Whether a line writes a class's title, also glued to the next cell ("APS 5Maximum"),
    but not a longer number ("APS 50")."""
    return re.search(rf"(?<![\w]){re.escape(title)}(?!\d)", line, re.IGNORECASE) is not None


def holds_topic(line: str, topic: Sequence[str]) -> bool:
    """Whether a line writes at least half the topic's words, glued or not."""
    lowered = line.lower()
    held = [w for w in topic if stem(w.lower()) in lowered]
    return bool(topic) and len(held) >= len(topic) * _TOPIC_SHARE


def topic_line(lines: Sequence[str], title: str, topic: Sequence[str]) -> str | None:
    """The first line that names the class and holds the topic, with the lines below that
    carry on its figures; None when there is none."""
    for index, line in enumerate(lines):
        if names_class(line, title) and holds_topic(line, topic):
            end = index + 1
            while end < len(lines) and _CARRIED_ON.match(lines[end]) and lines[end].strip():
                end += 1
            return "\n".join(lines[index:end])
    return None


def stated_for_others_only(
    lines: Sequence[str], title: str, others: Sequence[str], topic: Sequence[str]
) -> bool:
    """Whether rows naming two other classes of the document or more hold the topic beside a
    figure, and no line naming this class holds it: what a table states class by class, it
    does not state for this one."""
    topical = [line for line in lines if holds_topic(line, topic)]
    if any(names_class(line, title) for line in topical):
        return False
    rows = [line for line in topical if re.search(r"\d", line)]
    stating = {other for other in others for line in rows if names_class(line, other)}
    return len(stating) >= _STATING_OTHERS
