"""The hash chain of the log: each entry's hash is sha256 over the previous hash and the entry's canonical JSON.

`stored_hash` is the one definition: appends chain new entries with it, and
`validate` recomputes it over the rows as stored.
"""

from __future__ import annotations

import json
from hashlib import sha256

from tracker.core.model import number


def values_text(values) -> str:
    """The canonical JSON of an entry's values: its (metric, number) pairs sorted, as the hash's body holds them.

    The log stores this text as it is (entries.figures).
    """
    return json.dumps(sorted((k, number(v)) for k, v in values.items()), ensure_ascii=False, separators=(",", ":"))


def entry_hash(prev: str, e) -> str:
    """The hash of an Entry appended after one hashed `prev`."""
    from tracker.core import months

    return stored_hash(prev, e.id, e.task, months.fmt(e.month), values_text(e.values), e.percent, e.status, e.note,
                       e.by, e.recorded_at, e.problems, e.next_steps, e.voids)


def stored_hash(prev: str, eid, task, month: str, figures: str, percent, status, note, by, recorded_at,
                problems=None, next_steps=None, voids=None) -> str:
    """The hash of an entry whose fields are as stored (month as its text, values as values_text()).

    Fields as stored, so that a checker hashes the raw row and a tampered value
    that no longer parses is reported, not crashed on. Problems and next steps
    are in the body only when the entry has either, and `voids` (with them) only in a void entry's, so
    an entry without them hashes as it did before they existed.
    """
    extra = "" if problems is None and next_steps is None else f",{_json(problems)},{_json(next_steps)}"
    if voids is not None:
        extra = f",{_json(problems)},{_json(next_steps)},{_json(voids)}"
    body = (f'[{_json(eid)},{_json(task)},{_json(month)},{figures},{_json(number(percent))},'
            f'{_json(status)},{_json(note)},{_json(by)},{_json(recorded_at)}{extra}]')
    return sha256((prev + "\n" + body).encode()).hexdigest()


def _json(x) -> str:
    return json.dumps(x, ensure_ascii=False)
