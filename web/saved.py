"""The conversations a browser keeps (in its local storage): the list to reopen or delete."""

from __future__ import annotations

import logging
from typing import Any

from web.conversation import Conversation

log = logging.getLogger(__name__)

# Enough to find last week's questions again, small enough for a browser's local storage
# (about 5 MB for a site): the oldest are dropped first.
KEPT_CONVERSATIONS = 30
STORAGE_KEY = "classification-assistant-conversations"
EMPTY: dict[str, Any] = {"current": "", "conversations": []}


def _listed(saved: Any) -> list[dict[str, Any]]:
    """The saved conversations, newest first; a value the page did not write is ignored."""
    if not isinstance(saved, dict) or not isinstance(saved.get("conversations"), list):
        return []
    return [c for c in saved["conversations"] if isinstance(c, dict) and c.get("id")]


def remembered(saved: Any, conversation: Conversation) -> dict[str, Any]:
    """The saved list with this conversation first (a conversation with no questions is not
    kept) and marked as the one to reopen."""
    others = [c for c in _listed(saved) if c["id"] != conversation.id]
    kept = ([conversation.to_json()] if conversation.exchanges else []) + others
    return {"current": conversation.id, "conversations": kept[:KEPT_CONVERSATIONS]}


def forgotten(saved: Any, conversation_id: str) -> dict[str, Any]:
    current = saved.get("current", "") if isinstance(saved, dict) else ""
    kept = [c for c in _listed(saved) if c["id"] != conversation_id]
    return {"current": "" if current == conversation_id else current, "conversations": kept}


def saved_choices(saved: Any) -> list[tuple[str, str]]:
    """(label, id) for each saved conversation: its first question and when it started."""
    return [
        (f"{c.get('title') or 'Conversation'} ({str(c.get('started', ''))[:10]})", str(c["id"]))
        for c in _listed(saved)
    ]


def reopened(saved: Any, conversation_id: str | None = None) -> Conversation:
    """The saved conversation with this id (the current one when none is given), or a new one
    when it is not there or cannot be read."""
    wanted = conversation_id or (saved.get("current") if isinstance(saved, dict) else None)
    found = next((c for c in _listed(saved) if c["id"] == wanted), None)
    if found is None:
        return Conversation()
    try:
        return Conversation.from_json(found)
    except (KeyError, TypeError, ValueError) as error:  # written by an older page, or edited
        log.warning("a saved conversation could not be read: %s", error)
        return Conversation()
