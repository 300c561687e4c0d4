"""Making entries from what users type: checked against the plan before anything is written."""

from __future__ import annotations

import datetime as dt
import math
import re
import uuid

from tracker.errors import BadInput
from tracker.core.model import STATUSES, Task

STAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$")


def new_id() -> str:
    return uuid.uuid4().hex


def now_stamp() -> str:
    """The real clock in UTC, in the one sortable form the log keeps (TRACKER_TODAY never changes it)."""
    return dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def stamp_of(text) -> str:
    """An ISO 8601 time from elsewhere, normalised to the log's form (UTC, microseconds)."""
    if not isinstance(text, str):
        raise BadInput(f"recorded_at must be a time such as 2024-08-31T09:00:00Z, not {text!r}")
    if STAMP.match(text):
        return text
    try:
        when = dt.datetime.fromisoformat(text.strip())
        if when.tzinfo is None:
            when = when.replace(tzinfo=dt.timezone.utc)
        return when.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    except (ValueError, OverflowError):  # not a time, or one that leaves the calendar in UTC
        raise BadInput(f"recorded_at {quoted(text)} is not an ISO 8601 time") from None


def figure(text, what: str) -> float:
    """A reported value: a finite number ≥ 0 (a string such as "1,200" is read too)."""
    if isinstance(text, bool):
        raise BadInput(f"{what}: {text!r} is not a number")
    try:
        if isinstance(text, (int, float)):
            value = float(text)
        elif isinstance(text, str):
            value = float(text.replace(",", "").strip())
        else:
            raise ValueError
    except OverflowError:
        raise BadInput(f"{what}: {quoted(text)} is too large") from None
    except ValueError:
        raise BadInput(f"{what}: {quoted(text)} is not a number") from None
    if not math.isfinite(value) or value < 0:
        raise BadInput(f"{what}: {quoted(text)} is not a number ≥ 0")
    return value


def quoted(value) -> str:
    """A value quoted in a message: repr (so control characters show), cut so the message stays one readable line."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "…"


def percent(value, what: str = "percent") -> float | None:
    if value is None:
        return None
    p = figure(value, what)
    if p > 100:
        raise BadInput(f"{what}: {value!r} is outside 0–100")
    return p


def status(value) -> str | None:
    if value is None:
        return None
    if value not in STATUSES:
        raise BadInput(f"status {quoted(value)} is not one of {', '.join(STATUSES)}")
    return value


MAX_TEXT = 20_000  # a note, problems or next steps


def note(value, what: str = "note") -> str | None:
    """A note, problems or next steps (`what`) as stored: stripped, None when empty, at most MAX_TEXT characters."""
    if value is None:
        return None
    value = text(value, what).strip()
    if len(value) > MAX_TEXT:
        raise BadInput("{what} is {n} characters long; at most {max} are kept", what=what, n=len(value), max=MAX_TEXT)
    return value or None


def text(value, what: str) -> str:
    """Text a user gave, as it will be stored: a str that is valid Unicode.

    Bytes that are not UTF-8 on a command line reach Python as lone surrogates
    (and JSON can spell one as "\\ud800"); they cannot be stored or hashed.
    """
    if not isinstance(value, str):
        raise BadInput(f"{what} must be text, not {type(value).__name__}")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as e:
        raise BadInput(f"{what} is not valid text (position {e.start + 1}: not UTF-8; check the terminal's or file's encoding)") from None
    return value


def check_values(task: Task, values: dict) -> dict:
    out = {}
    for key, raw in values.items():
        if task.metric(key) is None:
            known = ", ".join(m.key for m in task.metrics) or "none: report --percent or --status"
            raise BadInput(f"task {task.id} has no metric {quoted(key)} (its metrics: {known})")
        out[key] = figure(raw, f"{task.id}.{key}")
    return out
