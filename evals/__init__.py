"""Evaluation of the assistant from outside: QA datasets, metrics, runner, baseline, reports."""
