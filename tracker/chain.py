"""The hash chain of the log: each entry's hash is sha256 over the previous hash and the entry's canonical JSON.

`_hash` is the definition (and what `validate` recomputes over the rows as
stored); the rest computes exactly the same values faster, for appends.
"""

from __future__ import annotations

import json
from hashlib import sha256
from json.encoder import encode_basestring as _encode_str

from tracker import months
from tracker.model import number


def entry_hash(prev: str, e) -> str:
    return _hash(prev, e.id, e.task, months.fmt(e.month), e.values, e.percent, e.status, e.note, e.by, e.recorded_at)


def values_text(values) -> str:
    """The canonical JSON of an entry's values: its (metric, number) pairs sorted, as the hash's body holds them.

    The log stores this text as it is (schema 5: entries."values").
    """
    return json.dumps(sorted((k, number(v)) for k, v in values.items()), ensure_ascii=False, separators=(",", ":"))


def link(prev: str, bodies) -> list[str]:
    """The hashes of entries whose bodies (hash_body()) follow an entry hashed `prev`, in order."""
    out = []
    for body in bodies:
        prev = sha256((prev + "\n" + body).encode()).hexdigest()
        out.append(prev)
    return out


def hash_body(eid, task, month: str, values, percent, status, note, by, recorded_at) -> str | None:
    """The text _hash() hashes for an entry about to be appended, spelt out piece by piece; None if unusual."""
    parts = hash_parts(eid, task, month, values, percent, status, note, by, recorded_at)
    return None if parts is None else parts[0]


def hash_parts(eid, task, month: str, values, percent, status, note, by, recorded_at) -> tuple[str, str] | None:
    """(hash_body(), values_text()) of an entry, spelt out piece by piece; None if unusual.

    json.dumps costs an encoder object and a sort per call, which was most of
    the cost of hashing an import. The text here is what json.dumps writes for
    these types: strings through json's own encoder of strings, numbers as
    number() leaves them (int or float repr). For any other type, and a float
    that is not finite, it is None: _hash() itself must be asked
    (tests/test_import_fast.py holds the two equal).
    """
    enc = _encode_str  # a TypeError for anything but a str
    try:
        if not values:
            pairs = "[]"
        elif len(values) == 1:
            ((k, v),) = values.items()
            pairs = f"[[{enc(k)},{_num(v)}]]"
        else:
            pairs = "[" + ",".join([f"[{enc(k)},{_num(v)}]" for k, v in sorted(values.items())]) + "]"
        return (f"[{enc(eid)},{enc(task)},{enc(month)},{pairs},{'null' if percent is None else _num(percent)},"
                f"{'null' if status is None else enc(status)},{'null' if note is None else enc(note)},"
                f"{'null' if by is None else enc(by)},{enc(recorded_at)}]"), pairs
    except (TypeError, _Unusual):
        return None


def _quick_hash(prev: str, eid, task, month: str, values, percent, status, note, by, recorded_at) -> str:
    """_hash(), from hash_body() when it can spell the entry out."""
    body = hash_body(eid, task, month, values, percent, status, note, by, recorded_at)
    if body is None:
        return _hash(prev, eid, task, month, values, percent, status, note, by, recorded_at)
    return sha256((prev + "\n" + body).encode()).hexdigest()


def hash_bodies(entries) -> dict:
    """hash_body() of each entry ahead of append(), e.g. while the plan is still being read: {id: (entry, body, pairs)}.

    pairs: values_text() of the entry's values (None with body: the entry is unusual, append() asks _hash()).

    append() takes a body only for the very entry it was made from (`is`), so a
    list that changed in between (an entry replaced, a duplicate) is still hashed right.
    """
    out = {}
    fmt: dict[int, str] = {}
    for e in entries:
        if e is None:
            continue
        eid, task, m, at, by, values, percent, status, note = e
        month = fmt.get(m)
        if month is None:
            month = fmt[m] = months.fmt(m)
        parts = hash_parts(eid, task, month, values, percent, status, note, by, at)
        out[eid] = (e, None, None) if parts is None else (e, *parts)
    return out


class _Unusual(Exception):
    """A number whose JSON text _quick_hash() does not spell out itself."""


def _num(x) -> str:
    """JSON text of number(x) for a float or an int: 100.0 → 100, 2.5 → 2.5."""
    cls = x.__class__
    if cls is float:
        if x.is_integer():
            return int.__repr__(int(x))
        text = float.__repr__(x)
        if text[-1] in "nf":  # nan, inf: json writes NaN, Infinity
            raise _Unusual
        return text
    if cls is int:
        return int.__repr__(x)
    raise _Unusual


def _hash(prev, eid, task, month, values, percent, status, note, by, recorded_at) -> str:
    # Fields as stored (month as its text): a checker hashes the raw row, so that
    # a tampered value that no longer parses is reported, not crashed on.
    body = json.dumps(
        [eid, task, month, sorted((k, number(v)) for k, v in values.items()),
         number(percent), status, note, by, recorded_at],
        ensure_ascii=False, separators=(",", ":"),
    )
    return sha256((prev + "\n" + body).encode()).hexdigest()
