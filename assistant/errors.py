"""Errors raised where a problem is found; the CLI, API and UI word them for people."""


class AssistantError(Exception):
    """Base of the assistant's own errors."""


class BadQuestion(AssistantError):
    """The question is empty, too long, or not text."""


class BackendUnavailable(AssistantError):
    """The configured answer backend (an LLM endpoint) cannot be used."""


class InputTooLarge(BadQuestion):
    """A question's history, or a request, over the configured size."""
