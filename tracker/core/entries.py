"""Making entries from what users type: checked against the plan before anything is written."""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import unicodedata
import uuid

from tracker.errors import BadInput, Word
from tracker.core.model import STATUSES, Task

CHINESE_NUMERAL = re.compile("[零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟]")
GROUPED = re.compile(r"\d{1,3}(,\d{3})+")
STAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$")


def new_id() -> str:
    return uuid.uuid4().hex


def now_stamp() -> str:
    """The real clock in UTC, in the one sortable form the log keeps (TRACKER_TODAY never changes it)."""
    return dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def stamp_of(text) -> str:
    """An ISO 8601 time from elsewhere, normalised to the log's form (UTC, microseconds)."""
    if text is None:
        raise BadInput("recorded_at is required (a time such as 2024-08-31T09:00:00Z)")
    if not isinstance(text, str):
        raise BadInput("recorded_at must be a time such as 2024-08-31T09:00:00Z, not {value}", value=quoted(text))
    if STAMP.match(text):
        return text
    try:
        when = dt.datetime.fromisoformat(text.strip())
        if when.tzinfo is None:
            when = when.replace(tzinfo=dt.timezone.utc)
        return when.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    except (ValueError, OverflowError):  # not a time, or one that leaves the calendar in UTC
        raise BadInput("recorded_at {value} is not an ISO 8601 time", value=quoted(text)) from None


# The refusals of a figure that say what to write instead: a form's cell passes them on as they are.
COMMA = "{what}: {value} is not a number (a comma groups thousands, 1,500; a decimal point is written 1.5)"
NUMERALS = "{what}: {value} is not a number: write it in digits (15, not 十五)"
OTHER_WORD = "{what}: {value} is not in this metric's measure word {unit}: write {figure} (or {figure}{unit})"
NO_WORD = "{what}: {value} is not a number: this metric has no measure word, write {figure}"
SAYS_WHAT_TO_WRITE = (COMMA, NUMERALS, OTHER_WORD, NO_WORD)
# a figure written with 万 or 亿 (1.2万, 1.2万套), as people write large figures: scaled into the metric's measure
MAGNITUDE = re.compile(r"(\d+(?:\.\d+)?)\s*([万亿])\s*(\S*)")
MAGNITUDES = {"万": 10_000, "亿": 100_000_000}
# a figure followed by a word (15张, 15 个), the figure then read alone
WORD_AFTER = re.compile(r"(\d+(?:\.\d+)?)\s*([^\d\s.,%][^\d%]*)")  # (60% of a count: no figure to suggest)


def figure(text, what: str, percent: bool = False, unit: str = "") -> float:
    """A value a person typed: a finite number ≥ 0 ("1,200", full-width "１２０", with `percent` "85%", and followed by
    its metric's own measure word `unit`, "15个" or "12.5 公里", are read too; another word is no number)."""
    if isinstance(text, bool):
        raise BadInput("{what}: {value} is not a number", what=Word(what), value=quoted(text))
    try:
        if isinstance(text, (int, float)):
            value = float(text)
        elif isinstance(text, str):
            plain = unicodedata.normalize("NFKC", text).strip()  # full-width digits, ，and ％
            if "," in plain:  # a comma groups thousands (1,200); "1,5" is a slip for 15 or 1.5, no number
                lead = re.match(r"[\d,]*", plain).group()
                if not GROUPED.fullmatch(lead):
                    raise BadInput(COMMA, what=Word(what), value=quoted(text))
                plain = plain.replace(",", "", lead.count(","))
            if percent and plain.endswith("%"):
                plain = plain[:-1].strip()
            elif not percent and (m := MAGNITUDE.fullmatch(plain)) and (scaled := _scaled(m, unit)) is not None:
                return scaled
            elif unit and plain.endswith(word := unicodedata.normalize("NFKC", unit).strip()):
                plain = plain.removesuffix(word).strip()
            value = float(plain)
        else:
            raise ValueError
    except OverflowError:
        raise BadInput("{what}: {value} is too large", what=Word(what), value=quoted(text)) from None
    except ValueError:
        if isinstance(text, str) and CHINESE_NUMERAL.search(text):
            raise BadInput(NUMERALS, what=Word(what), value=quoted(text)) from None
        if not percent and isinstance(text, str) and (m := WORD_AFTER.fullmatch(unicodedata.normalize("NFKC", text).strip())):
            # 15张 for a metric counted in 个: a number, in another measure than the metric's
            word = unicodedata.normalize("NFKC", unit).strip()
            raise BadInput(OTHER_WORD if word else NO_WORD, what=Word(what), value=quoted(text), unit=word,
                           figure=m[1]) from None
        raise BadInput("{what}: {value} is not a number", what=Word(what), value=quoted(text)) from None
    if not math.isfinite(value) or value < 0:
        raise BadInput("{what}: {value} is not a number ≥ 0", what=Word(what), value=quoted(text))
    return value


def _scaled(m: re.Match, unit: str) -> float | None:
    """1.2万 as the figure it is in the metric's measure word: 12000 (套), 1.2 (万元), 0.3 of 亿元 for 3000万(元); None
    when the word after 万 is not the measure's (1.2万张 for a metric in 个)."""
    from decimal import Decimal

    word = unicodedata.normalize("NFKC", unit).strip()
    scale = MAGNITUDES.get(word[:1], 1) if len(word) > 1 else 1  # 万元, 亿人次: a measure counted in 万 or 亿
    if m[3] not in ("", word[1:] if scale > 1 else word):
        return None
    return float(Decimal(m[1]) * MAGNITUDES[m[2]] / scale)


def quoted(value) -> str:
    """A value quoted in a message, cut so the message stays one readable line: text by repr (so control
    characters show), null, true, false, lists and objects as JSON writes them (where they come from), and a
    date or time (a spreadsheet's cell) as it reads, 2024-08-01, never as Python's repr."""
    if isinstance(value, (dt.date, dt.time)):
        text = str(value.date() if isinstance(value, dt.datetime) and value.time() == dt.time() else value)
    elif value is None or isinstance(value, (bool, list, dict)):
        text = json.dumps(value, ensure_ascii=False, default=str)
    else:
        text = repr(value)
    return text if len(text) <= 60 else text[:57] + "…"


def percent(value, what: str = "percent") -> float | None:
    """A percent as typed: 85, 85% or ８５％, 0–100."""
    if value is None:
        return None
    p = figure(value, what, percent=True)
    if p > 100:
        raise BadInput("{what}: {value} is outside 0–100", what=Word(what), value=quoted(value))
    return p


# A status as typed: its code or its Chinese label (fill's question offers either).
STATUS_WORDS = {"推进中": "ongoing", "已完成": "done", "受阻": "blocked", "完成": "done", "进行中": "ongoing"}


def status(value) -> str | None:
    if value is None:
        return None
    code = STATUS_WORDS.get(value.strip(), value.strip().lower()) if isinstance(value, str) else value
    if code not in STATUSES:
        raise BadInput("status {value} is not one of ongoing, done, blocked", value=quoted(value))
    return code




def note(value, what: str = "note") -> str | None:
    """A note, problems or next steps (`what`) as stored: stripped, None when empty (its length is
    checks.py's question, as every write path asks it)."""
    if value is None:
        return None
    value = text(value, what).strip()
    return value or None


def text(value, what: str) -> str:
    """Text a user gave, as it will be stored: a str that is valid Unicode.

    Bytes that are not UTF-8 on a command line reach Python as lone surrogates
    (and JSON can spell one as "\\ud800"); they cannot be stored or hashed.
    """
    if not isinstance(value, str):
        raise BadInput("{what} must be text, not {value}", what=Word(what), value=quoted(value))
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as e:
        raise BadInput("{what} is not valid text (position {n}: not UTF-8; check the terminal's or file's encoding)",
                       what=Word(what), n=e.start + 1) from None
    return value


def check_values(task: Task, values: dict) -> dict:
    """Typed figures by metric key, read as numbers, a rate's with its % too (which metrics the task has is
    checks.py's question)."""
    def read(key: str, raw: str) -> float:
        metric = task.metric(key)
        return figure(raw, f"{task.id}.{key}", percent=metric is not None and metric.rate,
                      unit=metric.unit if metric is not None else "")

    return {key: read(key, raw) if isinstance(raw, str) else raw for key, raw in values.items()}
