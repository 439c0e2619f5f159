"""The feedback log: one JSON line per rating of an answer, appended to one file.

A comment given after the thumb is a second line with the rating's id: the last line of an id
is the rating as the person left it."""

from __future__ import annotations

import json
import threading
import uuid
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from assistant.config import Settings
from assistant.errors import AssistantError
from assistant.service import valid_text
from assistant.types import Answer

Rating = Literal["up", "down"]

# Several browser sessions may rate at once; appends from one process must not interleave.
_WRITE_LOCK = threading.Lock()


class CommentTooLong(AssistantError):
    """A feedback comment over the configured size: refused, not cut, so nothing is lost."""


@dataclass(frozen=True)
class Feedback:
    """A person's rating of one answer, with what they asked and what they were shown."""

    rating: Rating
    question: str
    answer: str
    citations: list[dict[str, Any]] = field(default_factory=list)
    comment: str = ""
    filters: dict[str, str] = field(default_factory=dict)
    id: str = field(default_factory=lambda: uuid.uuid4().hex)
    created: str = field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))

    @classmethod
    def about(
        cls,
        rating: Rating,
        question: str,
        answer: Answer,
        comment: str = "",
        filters: dict[str, str] | None = None,
        *,
        max_comment_chars: int | None = None,
        rating_id: str | None = None,
    ) -> Feedback:
        """The rating of an answer; text is made writable (no lone surrogates), and a comment
        over max_comment_chars raises CommentTooLong."""
        if rating not in ("up", "down"):
            raise ValueError(f"a rating is 'up' or 'down', not {rating!r}")
        comment = comment.strip()
        if max_comment_chars is not None and len(comment) > max_comment_chars:
            raise CommentTooLong(
                f"The comment is {len(comment)} characters long; the limit is "
                f"{max_comment_chars}. Please shorten it."
            )
        return cls(
            rating=rating,
            question=valid_text(question),
            answer=valid_text(answer.text),
            citations=[c.to_json() for c in answer.citations],
            comment=valid_text(comment),
            filters={k: valid_text(v) for k, v in (filters or {}).items()},
            **({"id": rating_id} if rating_id else {}),
        )


def feedback_path(settings: Settings) -> Path:
    """Where the log lives: settings.feedback_path, else <data_dir>/feedback.jsonl."""
    return settings.feedback_path or settings.data_dir / "feedback.jsonl"


def append_feedback(path: Path, feedback: Feedback) -> None:
    line = json.dumps(asdict(feedback), ensure_ascii=False) + "\n"
    with _WRITE_LOCK:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as log:
            log.write(line)


def read_feedback(path: Path) -> list[dict[str, Any]]:
    """Every entry of the log, oldest first (an absent log has none)."""
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]
