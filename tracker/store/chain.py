"""The hash chain of the log: each entry's hash is sha256 over the previous hash and the entry's canonical JSON.

`stored_hash` is the one definition: appends chain new entries with it, and
`validate` recomputes it over the rows as stored.
"""

from __future__ import annotations

import json
from hashlib import sha256

from tracker.core.model import number


def values_text(values) -> str:
    """The canonical JSON of an entry's values: its [metric, number] pairs sorted by metric, compact, as the
    hash's body holds them. The log stores this text as it is (entries.figures)."""
    if not values:
        return "[]"
    return "[" + ",".join([f"[{_field(k)},{_number(v)}]" for k, v in sorted(values.items())]) + "]"


def entry_hash(prev: str, e) -> str:
    """The hash of an Entry appended after one hashed `prev`."""
    from tracker.core import months

    return stored_hash(prev, e.id, e.task, months.fmt(e.month), values_text(e.values), e.percent, e.status, e.note,
                       e.by, e.recorded_at, e.problems, e.next_steps, e.voids)


def stored_hash(prev: str, eid, task, month: str, figures: str, percent, status, note, by, recorded_at,
                problems=None, next_steps=None, voids=None) -> str:
    """The hash of an entry whose fields are as stored (month as its text, values as values_text()).

    sha256 over the previous hash, a line break and the compact JSON array
    [id, task, month, values, percent, status, note, by, recorded_at], with
    problems and next steps at its end only when the entry has either, and
    `voids` after them only in a void entry's (so an entry without them hashes
    as it did before they existed). Fields as
    stored, so that a checker hashes the raw row and a tampered value that no
    longer parses is reported, not crashed on.
    """
    extra = "" if problems is None and next_steps is None else f",{_field(problems)},{_field(next_steps)}"
    if voids is not None:
        extra = f",{_field(problems)},{_field(next_steps)},{_field(voids)}"
    body = (f"[{_field(eid)},{_field(task)},{_field(month)},{figures},{_number(percent)},{_field(status)},"
            f"{_field(note)},{_field(by)},{_field(recorded_at)}{extra}]")
    return sha256(f"{prev}\n{body}".encode()).hexdigest()


# The json module's own C function for a str's JSON (what json.dumps(s, ensure_ascii=False) returns).
_string = json.encoder.encode_basestring
_json = json.JSONEncoder(ensure_ascii=False).encode
_repr_float = float.__repr__


def _field(x) -> str:
    """A field's JSON, as json.dumps(x, ensure_ascii=False) writes it. A function of its own, not a json.dumps
    call a field: that builds an encoder each time, and an import hashes millions of fields."""
    if type(x) is str:
        return _string(x)
    if x is None:
        return "null"
    return _json(x)  # anything else as the json module writes it (or its TypeError)


def _number(x) -> str:
    """A figure's JSON as _field(number(x)) writes it: 100 for 100.0."""
    if type(x) is float and x - x == 0.0:  # finite
        return str(int(x)) if x.is_integer() else _repr_float(x)
    return _field(number(x))
