"""Entries as JSON Lines: written by `tracker export`, read back by `tracker import` (all or nothing).

Each line is read with the standard json module and checked as `tracker log`
checks an entry (entries.py, through _entry()); every bad line is named as
`PATH:LINE: message`. An import streams: the file is read, checked and
written a batch at a time, inside one transaction (store.append).
"""

from __future__ import annotations

import json

from tracker.core import entries as make
from tracker.core import months
from tracker.errors import BadInput
from tracker.core.model import Plan
from tracker.store import Entry

_BATCH = 5000  # entries written a chunk
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


class FileEntries:
    """The entries of a .jsonl file, checked against the plan as it is read (textfile.lines: a megabyte at a
    time), for store.append. Iterable more than once (each pass reads the file again); once a pass has
    read every line, a BadInput naming every bad line (`PATH:LINE: message`) ends it, and no entry is
    given after the first bad line: the append's transaction rolls back whatever it had written."""

    def __init__(self, path: str, plan: Plan):
        self.path, self.plan = path, plan

    def __iter__(self):
        from tracker import textfile

        return checked(textfile.lines(self.path, "file to import"), self.path, self.plan)


def read_entries(data: bytes | str, path: str, plan: Plan) -> list[Entry]:
    """Every entry of a file's content, checked against the plan; BadInput naming every bad line."""
    text = data
    if isinstance(text, bytes):
        from tracker import textfile

        text = textfile.decode(text, path)  # names a file that is not text (binary, not UTF-8, …)
    # Lines end at "\n" only: str.splitlines() would also break inside a JSON string
    # at U+2028, U+0085 and the like, which a note may hold.
    return list(checked(enumerate(text.split("\n"), 1), path, plan))


def checked(lines, path: str, plan: Plan):
    """The entries of numbered lines, each checked by _entry(); BadInput naming every bad line at the end."""
    problems: list[str] = []  # the first _MAX_PROBLEMS, named
    bad = 0
    month_cache: dict[str, int] = {}
    for n, line in lines:
        if not line or line.isspace():
            continue
        try:
            entry = _entry(line, plan, month_cache)
        except BadInput as e:
            bad += 1
            if bad <= _MAX_PROBLEMS:
                problems.append(f"{path}:{n}: {e}")
            continue
        if not bad:
            yield entry
    if bad:
        more = bad - _MAX_PROBLEMS
        raise BadInput("\n".join(problems + ([f"… and {more} more"] if more > 0 else [])))


def _entry(line: str, plan: Plan, month_cache: dict) -> Entry:
    try:
        obj = json.loads(line)
    except (ValueError, RecursionError) as e:  # ValueError: also a number of over 4300 digits
        raise BadInput(f"not a JSON object: {getattr(e, 'msg', e)}") from None
    if not isinstance(obj, dict):
        raise BadInput("not a JSON object")
    eid, task_id, month = obj.get("id"), obj.get("task"), obj.get("month")
    if not isinstance(eid, str) or not eid.strip():
        raise BadInput("id is required (a string)")
    make.text(eid, "id")
    if not isinstance(task_id, str):
        raise BadInput("task is required (a string such as \"195\")")
    task = plan.task(task_id)
    if task is None:
        raise BadInput(f"unknown task {make.quoted(task_id)} (not in tasks.toml)")
    if not isinstance(month, str):
        raise BadInput("month is required (\"2024-08\")")
    m = month_cache.get(month)
    if m is None:
        m = month_cache[month] = months.parse(month)
    values = obj.get("values") or {}
    if not isinstance(values, dict):
        raise BadInput("values must be an object {metric: number}")
    by = obj.get("by")
    if by is not None and not isinstance(by, str):
        raise BadInput("by must be text or null")
    if by is not None:
        make.text(by, "by")
    entry = Entry(
        eid, task_id, m, make.stamp_of(obj.get("recorded_at")), by, make.check_values(task, values),
        make.percent(obj.get("percent")), make.status(obj.get("status")), make.note(obj.get("note")),
        make.note(obj.get("problems"), "problems"), make.note(obj.get("next_steps"), "next_steps"),
    )
    if not (entry.values or entry.percent is not None or entry.status or entry.note or entry.problems
            or entry.next_steps):
        raise BadInput("the entry records nothing (no values, percent, status or note)")
    return entry
