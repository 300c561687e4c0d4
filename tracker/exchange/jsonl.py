"""Entries as JSON Lines: written by `tracker export`, read back by `tracker import` (all or nothing).

Each line is read with the standard json module into an entry as written
(numbers given as strings stay strings, for the checks to refuse); what the
entries say is checked afterwards by core/checks.py, as for `tracker log`,
each with its place. Every bad line is named as `PATH:LINE: message`.
"""

from __future__ import annotations

import json

from tracker.core import entries as make
from tracker.core import months
from tracker.core.checks import refuse
from tracker.errors import BadInput, Word
from tracker.store import Entry

_BATCH = 5000  # entries written a chunk
_TICK = 10000  # progress: one tick per this many lines
_MAX_PROBLEMS = 20  # named one by one; the rest counted


def export_lines(entries):
    """The entries as export writes them (one JSON object a line, `task` added), UTF-8, a batch at a time."""
    from tracker.render.jsontext import json_text

    batch = []
    for e in entries:
        batch.append(json_text(e.to_json(with_task=True)) + "\n")
        if len(batch) == _BATCH:
            yield "".join(batch).encode("utf-8")
            batch = []
    if batch:
        yield "".join(batch).encode("utf-8")


class Places:
    """Where each entry came from (`PATH:LINE`), made when asked: an import may hold 650,000 entries."""

    def __init__(self, path: str):
        self.path, self.lines = path, []

    def __getitem__(self, i: int) -> str:
        return f"{self.path}:{self.lines[i]}"

    def __len__(self) -> int:
        return len(self.lines)


def read_entries(data: bytes | str, path: str, tick=None) -> tuple[list[Entry], Places]:
    """Every entry of the file and its place; BadInput naming every line that is not an entry."""
    text = data
    if isinstance(text, bytes):
        from tracker import textfile

        text = textfile.decode(text, path)  # names a file that is not text (binary, not UTF-8, …)
    out: list[Entry] = []
    places = Places(path)
    problems: list[BadInput] = []
    month_cache: dict[str, int] = {}
    first: dict[str, int] = {}  # each id's first entry in the file
    # Lines end at "\n" only: str.splitlines() would also break inside a JSON string
    # at U+2028, U+0085 and the like, which a note may hold.
    for n, line in enumerate(text.split("\n"), 1):
        if tick and n % _TICK == 0:
            tick(_TICK)
        if not line.strip():
            continue
        try:
            entry = _entry(line, month_cache)
        except BadInput as e:
            problems.append(BadInput(e.template, place=f"{path}:{n}", **e.fields))
            continue
        earlier = first.setdefault(entry.id, len(out))
        if earlier != len(out) and out[earlier] != entry:
            problems.append(BadInput("entry {id} is given twice, with different content (first at line {line})",
                                     place=f"{path}:{n}", id=entry.id, line=places.lines[earlier]))
        out.append(entry)
        places.lines.append(n)
    refuse(problems)
    return out, places


def _entry(line: str, month_cache: dict) -> Entry:
    try:
        obj = json.loads(line)
    except (ValueError, RecursionError) as e:  # ValueError: also a number of over 4300 digits
        raise BadInput("not a JSON object: {why}", why=getattr(e, "msg", str(e))) from None
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
