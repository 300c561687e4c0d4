"""Entries as JSON Lines: written by `tracker export`, read back by `tracker import` (all or nothing).

Each line is read with the standard json module into an entry as written
(numbers given as strings stay strings, for the checks to refuse); what the
entries say is checked afterwards by core/checks.py, as for `tracker log`,
each with its place. Every bad line is named as `PATH:LINE: message`. A file
is read a megabyte and a batch of entries at a time: an import's memory is
bounded whatever the file's size.
"""

from __future__ import annotations

import json

from tracker.core import entries as make
from tracker.core import months
from tracker.core.checks import refuse
from tracker.errors import BadInput, Word
from tracker.textfile import json_value
from tracker.core.model import Entry

_BATCH = 5000  # entries written a chunk


def export_lines(entries):
    """(entry, the id of the void that voided it or None) as export writes them: one JSON object a line, as
    `history --format json` gives an entry, `task` added; UTF-8, a batch at a time."""
    from tracker.render.jsontext import json_text

    batch = []
    for e, voided_by in entries:
        line = e.to_json(with_task=True)
        line["voided_by"] = voided_by
        batch.append(json_text(line) + "\n")
        if len(batch) == _BATCH:
            yield "".join(batch).encode("utf-8")
            batch = []
    if batch:
        yield "".join(batch).encode("utf-8")


def read_entries(data: bytes | str, path: str) -> tuple[list[Entry], list[str]]:
    """Every entry of a file's content and its place; BadInput naming every line that is not an entry."""
    text = data
    if isinstance(text, bytes):
        from tracker import textfile

        text = textfile.decode(text, path)  # names a file that is not text (binary, not UTF-8, …)
    # Lines end at "\n" only: str.splitlines() would also break inside a JSON string
    # at U+2028, U+0085 and the like, which a note may hold.
    out, places = [], []
    for entries, where in _batches(enumerate(text.split("\n"), 1), path, None):
        out += entries
        places += where
    return out, places


def batches(path: str, size: int = _BATCH, problems: list | None = None):
    """The file's entries and their places (`PATH:LINE`), a batch at a time, read a megabyte at a time
    (memory bounded whatever the file's size). Once a line is bad no batch is given; every bad line is
    named in the BadInput raised when the file has been read. With `problems`, the bad lines go there
    instead and the good ones are still given (to be checked too, never written: every problem at once)."""
    from tracker import textfile

    return _batches(textfile.lines(path, "file to import"), path, size, problems)


def _batches(lines, path: str, size: int | None, collect: list | None = None):
    problems: list[BadInput] = [] if collect is None else collect
    month_cache: dict[str, int] = {}
    out, places = [], []
    for n, line in lines:
        if not line or line.isspace():
            continue
        try:
            entry = _entry(line, month_cache)
        except BadInput as e:
            problems.append(BadInput(e.template, place=f"{path}:{n}", **e.fields))
            continue
        if problems and collect is None:
            continue
        out.append(entry)
        places.append(f"{path}:{n}")
        if size is not None and len(out) == size:
            yield out, places
            out, places = [], []
    if collect is None:
        refuse(problems)
    if out:
        yield out, places


def repeats(path: str, first: dict[str, str], again: list[tuple[str, str]]) -> list[BadInput]:
    """Of the ids given again (id, its place), those whose entries differ from the first: a problem each.
    `first`: each such id's first place. A second pass reads only what it compares."""
    wanted = {place for place in first.values()} | {place for _id, place in again}
    found: dict[str, Entry] = {}
    for entries, places in batches(path):
        for e, place in zip(entries, places):
            if place in wanted:
                found[place] = e
    return [BadInput("entry {id} is given twice, with different content (first at line {line})", place=place,
                     id=eid, line=first[eid].rsplit(":", 1)[1])
            for eid, place in again if found[place] != found[first[eid]]]


def _entry(line: str, month_cache: dict) -> Entry:
    try:
        obj = json_value(line)
    except json.JSONDecodeError as e:  # the json module's words (labels.py has them in Chinese) and where
        raise BadInput("not a JSON object: {why} (column {col})", why=Word(e.msg), col=e.colno) from None
    except ValueError:  # a number of over 4300 digits
        raise BadInput("not a JSON object: a number has too many digits") from None
    except RecursionError:
        raise BadInput("not a JSON object: arrays or objects nested too deeply") from None
    if not isinstance(obj, dict):
        raise BadInput("not a JSON object")
    eid, task_id, month = obj.get("id"), obj.get("task"), obj.get("month")
    if not isinstance(eid, str) or not eid.strip():
        raise BadInput("id is required (a string)")
    make.text(eid, "id")
    if not isinstance(task_id, str):
        raise BadInput("task is required (a string such as \"195\")")
    if not isinstance(month, str):
        raise BadInput("month is required (\"2024-08\")")
    m = month_cache.get(month)
    if m is None:
        m = month_cache[month] = months.parse(month)
    values = obj.get("values") or {}
    if not isinstance(values, dict):
        raise BadInput("values must be an object (metric: number)")
    by = obj.get("by")
    if by is not None and not isinstance(by, str):
        raise BadInput("by must be text or null")
    if by is not None:
        make.text(by, "by")
    status, voids = obj.get("status"), obj.get("voids")
    if status is not None and not isinstance(status, str):
        raise BadInput("status must be text or null")
    if voids is not None and not isinstance(voids, str):
        raise BadInput("voids must be an entry's id or null")
    # Numbers as JSON numbers (never text: checks.py refuses "15"), as floats like every figure in the log.
    values = {k: _float(v, k) for k, v in values.items()}
    return Entry(eid, task_id, m, make.stamp_of(obj.get("recorded_at")), by, values,
                 _float(obj.get("percent"), "percent"), status, make.note(obj.get("note")),
                 make.note(obj.get("problems"), "problems"), make.note(obj.get("next_steps"), "next_steps"), voids)


def _float(value, what: str):
    """A JSON number as a float (the log's figures are floats); anything else as it is, for the checks to name."""
    if type(value) not in (int, float):
        return value
    try:
        return float(value)
    except OverflowError:
        raise BadInput("{what}: {value} is too large", what=Word(what), value=make.quoted(value)) from None
