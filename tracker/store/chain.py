"""The hash chain of the log: each entry's hash is sha256 over the previous hash and the entry's canonical JSON.

`_hash` is the definition (and what `validate` recomputes over the rows as
stored); the rest computes exactly the same values faster, for appends:
hash_parts() one entry at a time, hash_bodies() a whole import at once
(with msgspec, column by column), link() and link_entries() the chain itself.
"""

from __future__ import annotations

import json
import re
from hashlib import sha256
from itertools import chain as _concat
from json.encoder import encode_basestring as _encode_str
from operator import is_ as _is
from operator import itemgetter

from tracker.core import months
from tracker.core.model import number


def entry_hash(prev: str, e) -> str:
    return _hash(prev, e.id, e.task, months.fmt(e.month), e.values, e.percent, e.status, e.note, e.by, e.recorded_at)


def values_text(values) -> str:
    """The canonical JSON of an entry's values: its (metric, number) pairs sorted, as the hash's body holds them.

    The log stores this text as it is (schema 5: entries."values").
    """
    return json.dumps(sorted((k, number(v)) for k, v in values.items()), ensure_ascii=False, separators=(",", ":"))


def link(prev: str, bodies) -> list[str]:
    """The hashes of entries whose bodies (hash_body(), as text or as its UTF-8) follow an entry hashed `prev`, in order."""
    out = []
    append = out.append
    p = prev.encode()
    for body in bodies:
        if body.__class__ is str:
            body = body.encode()
        h = sha256(p + b"\n" + body).hexdigest()
        append(h)
        p = h.encode()
    return out


def follow(prevs, bodies) -> list[str]:
    """The hash of each body (hash_body(), as its UTF-8) after the hash beside it in prevs: validate's check,
    which hashes each stored entry after its stored predecessor so that a break shows once, not onwards."""
    return [sha256(p.encode() + b"\n" + body).hexdigest() for p, body in zip(prevs, bodies)]


def link_entries(prev: str, entries: list, made: Bodies | None = None) -> tuple[list[str], list[str]]:
    """(hashes, values_text() of each) of entries appended in this order after an entry hashed `prev`.

    `made`: hash_bodies() of the entries (or of a list they were taken from),
    made ahead; a body is used for the very entry it was made from (`is`), and
    any other entry's is made here. The hashes it chained ahead are taken when
    they follow this very `prev` and these very entries begin the same way.
    An unusual entry is hashed by _hash() itself in its turn, so that an
    error it raises comes where it always came.
    """
    ahead = made.linked(prev, entries) if made is not None else 0
    if ahead:
        rest_hashes, rest_pairs = link_entries(made.hashes[ahead - 1], entries[ahead:], made) \
            if ahead < len(entries) else ([], [])
        return made.hashes[:ahead] + rest_hashes, made.pairs[:ahead] + rest_pairs
    if made is not None and entries:
        bodies, pairs = made.aligned(entries)
    else:
        bodies, pairs = [None] * len(entries), [None] * len(entries)
    todo = [i for i, body in enumerate(bodies) if body is None] if None in bodies else []
    if todo:
        rest = [entries[i] for i in todo]
        # A few (`tracker log`'s one) without msgspec, whose import alone takes 15 ms
        for i, body, values in zip(todo, *(_made(rest) if len(rest) > _FEW else _one_by_one(rest))):
            bodies[i], pairs[i] = body, values
    if None not in bodies:
        return link(prev, bodies), pairs
    out = []
    append = out.append
    p = prev.encode()
    for body, e in zip(bodies, entries):
        h = entry_hash(p.decode(), e) if body is None else sha256(p + b"\n" + body).hexdigest()
        append(h)
        p = h.encode()
    for i in [i for i, values in enumerate(pairs) if values is None]:  # those _hash() hashed: it took their values
        pairs[i] = values_text(entries[i].values)
    return out, pairs


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


def hash_bodies(entries, prev: str | None = None) -> Bodies:
    """hash_body() of each entry (as UTF-8) and values_text() of its values, ahead of the append (while the plan is read).

    Made run by run in a few msgspec calls (_bulk()), the few entries that are
    not the plain case one by one; None for an entry given as None, and the
    body None (pairs too) for an unusual entry, which _hash() itself must hash.

    `prev`: the hash the log ends with now. The entries are then chained from
    it as their bodies are made, up to the first unusual one, and those bodies
    are not kept (a province's are 300 MB): link_entries() takes the hashes
    when the log still ends with `prev` and it appends these very entries.
    """
    entries = list(entries)
    bodies: list = []
    pairs: list = []
    hashes: list = []
    chaining = prev is not None
    for start in range(0, len(entries), _RUN):
        made = _made(entries[start:start + _RUN])
        if chaining and None not in made[0]:
            hashes += link(hashes[-1] if hashes else prev, made[0])
            bodies += [None] * len(made[0])
        else:
            chaining = False
            bodies += made[0]
        pairs += made[1]
    return Bodies(entries, bodies, pairs, prev, hashes)


class Bodies:
    """hash_bodies()' answer: bodies[i] and pairs[i] are those of entries[i] (None where not made).

    hashes: the chain from `prev` over the first len(hashes) entries, whose bodies are not kept.
    link_entries() takes it as it is; get(id) answers as the {id: (entry, body, pairs)}
    that hash_bodies() used to return (the body as text; None where it was not kept).
    """

    __slots__ = ("_index", "bodies", "entries", "hashes", "pairs", "prev")

    def __init__(self, entries: list, bodies: list, pairs: list, prev: str | None = None, hashes: list | None = None):
        self.entries, self.bodies, self.pairs, self._index = entries, bodies, pairs, None
        self.prev, self.hashes = prev, hashes or []

    def linked(self, prev: str, entries: list) -> int:
        """How many of the hashes chained ahead are those of these entries after `prev`: all of them, or 0."""
        n = len(self.hashes)
        if not n or prev != self.prev or len(entries) < n:
            return 0
        made = self.entries
        if entries is not made and not all(map(_is, entries[:n] if len(entries) > n else entries, made[:n])):
            return 0
        return n

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, eid, default=None):
        """(entry, body, pairs) of the (last) entry with this id; body and pairs None when it is unusual."""
        i = self._by_id().get(eid)
        if i is None:
            return default
        body = self.bodies[i]
        return self.entries[i], None if body is None else body.decode(), self.pairs[i]

    def aligned(self, entries: list) -> tuple[list, list]:
        """(bodies, pairs) for these entries, in their order: those made for the very same entry (`is`), else None."""
        if len(entries) == len(self.entries) and all(map(_is, entries, self.entries)):
            return list(self.bodies), list(self.pairs)  # the usual import: every entry of the file, in order
        bodies, pairs = [None] * len(entries), [None] * len(entries)
        index, made = self._by_id(), self.entries
        for k, e in enumerate(entries):
            i = index.get(e[0])
            if i is not None and made[i] is e:
                bodies[k], pairs[k] = self.bodies[i], self.pairs[i]
        return bodies, pairs

    def _by_id(self) -> dict:
        """{id: index} of the entries, the last one of an id given twice (made on first use)."""
        if self._index is None:
            entries = self.entries
            if None in entries:
                self._index = {e[0]: i for i, e in enumerate(entries) if e is not None}
            else:
                self._index = dict(zip(map(_first, entries), range(len(entries))))
        return self._index


def _made(run: list) -> tuple[list, list]:
    """(bodies, pairs) of a run: in bulk, else its halves in bulk (…), down to a few entries made one by one.

    An unusual entry (or a None) so costs about two runs' worth of bulk work, not a run entry by entry.
    """
    made = _bulk(run)
    if made is not None:
        return made
    if len(run) <= _FEW:
        return _one_by_one(run)
    half = len(run) // 2
    first, second = _made(run[:half]), _made(run[half:])
    return first[0] + second[0], first[1] + second[1]


_RUN = 1 << 12  # entries per _bulk(): its buffers (a megabyte or so) stay in the CPU's cache
_first = itemgetter(0)
_FEW = 64  # a run this short that _bulk() does not take is made one by one
_PLAIN_KEY = re.compile(r"[A-Za-z0-9_]+")
_PAIRS = bytes.maketrans(b"{}:", b"[],")


def _bulk(run: list):
    """(bodies, pairs) of a run of entries in a few msgspec calls, or None unless every entry is the plain case.

    The plain case is what an import makes: text fields str (None where None
    is allowed), month an int, values a dict of metric keys ([A-Za-z0-9_]) to
    floats each 0 or in [1e-4, 1e16), percent an int, a float or None.
    msgspec writes strings as json.dumps(ensure_ascii=False) does, and such
    floats as repr() does but for a whole number ("12.0" where number() makes
    12: undone below); tests/test_import_fast.py holds both, and the bodies
    equal to hash_body()'s. Values are written as objects with sorted keys,
    then made [[key, figure], …] as text: with such keys and figures, `,"`
    only starts a key and `{`, `}`, `:` are only the objects' own.
    """
    import msgspec

    enc, _by_key, plain_columns, _figures = _kit()
    try:
        ids, tasks, ms, ats, bys, vals, pcts, stats, notes = zip(*run)
        msgspec.convert((ids, tasks, ms, ats, bys, pcts, stats, notes), plain_columns)  # their types, in C
    except (TypeError, ValueError, msgspec.ValidationError):  # an entry given as None, an empty run, another type
        return None
    Raw = msgspec.Raw
    month_of = {m: Raw(enc.encode(months.fmt(m))) for m in set(ms)}
    return encode_bodies(ids, tasks, list(map(month_of.__getitem__, ms)), vals, pcts, stats, notes, bys, ats)


def encode_bodies(ids, tasks, month_texts, vals, pcts, stats, notes, bys, ats):
    """(bodies, pairs) of entries given as columns, or None unless every figure, key and percent is the plain case.

    The text fields are str (None where None is allowed) or msgspec.Raw, JSON
    text written as it is (the caller vouches that it is json.dumps's); the
    months are Raw, each month's JSON text (or the month's text as a str);
    values dicts, percents numbers.
    """
    made = encode_joined(ids, tasks, month_texts, vals, pcts, stats, notes, bys, ats)
    return None if made is None else (made[0].split(b"\n"), made[1].decode().split("\n"))


def encode_joined(ids, tasks, month_texts, vals, pcts, stats, notes, bys, ats, flat=None):
    """encode_bodies()' bodies and pairs each joined by newlines (UTF-8), or None. flat: every figure of
    vals in order (list(chain.from_iterable(map(dict.values, vals)))), if the caller has made it."""
    import msgspec

    enc, by_key, _plain_columns, figures = _kit()
    try:
        if flat is None:
            flat = list(_concat.from_iterable(map(dict.values, vals)))  # dict.values: dicts only
        msgspec.convert(flat, figures)
    except (TypeError, msgspec.ValidationError):
        return None
    if not all(k.__class__ is str and _PLAIN_KEY.fullmatch(k) for k in set().union(*vals)):
        return None
    Raw = msgspec.Raw
    try:
        percent_of = {p: Raw(_num(p).encode()) for p in set(pcts) if p is not None}
    except _Unusual:
        return None
    percent_of[None] = None
    try:
        # Lists, never iterators: msgspec 0.22's encode_lines() keeps a reference to an iterator it is
        # given, and with it whatever the iterator holds (a zip's columns: every string of the run).
        text = by_key.encode_lines(list(zip(vals)))  # [{"k":1.0,"l":2.5}]
    except TypeError:  # a subclass of dict msgspec does not write
        return None
    # -0.0 (the one figure ≥ 0 with a sign) and those under 1e-4, which msgspec writes "0.00001" where repr() writes 1e-05
    if b"-" in text or b":0.0000" in text:
        return None
    text = text.replace(b',"', b'],["').translate(_PAIRS)  # [["k",1.0],["l",2.5]]
    pairs = text.replace(b"[[]]", b"[]").replace(b".0]", b"]")[:-1]  # [["k",1],["l",2.5]]
    try:
        text = enc.encode_lines(list(zip(ids, tasks, month_texts, map(Raw, pairs.split(b"\n")),
                                         map(percent_of.__getitem__, pcts), stats, notes, bys, ats)))
    except (UnicodeEncodeError, TypeError):  # a lone surrogate (_hash() raises it), a subclass of str msgspec does not write
        return None
    return text[:-1], pairs


def _one_by_one(run: list) -> tuple[list, list]:
    """(bodies, pairs) of a run, entry by entry through hash_parts(); None for an unusual entry (or one given as None)."""
    bodies, pairs = [], []
    fmt: dict[int, str] = {}
    for e in run:
        body = values = None
        if e is not None:
            eid, task, m, at, by, vals, percent, status, note = e
            month = fmt.get(m)
            if month is None:
                month = fmt[m] = months.fmt(m)
            parts = hash_parts(eid, task, month, vals, percent, status, note, by, at)
            if parts is not None:
                try:
                    body, values = parts[0].encode(), parts[1]
                except UnicodeEncodeError:  # a lone surrogate: _hash() raises it, at append
                    pass
        bodies.append(body)
        pairs.append(values)
    return bodies, pairs


_KIT: list = []


def _kit():
    """msgspec's JSON encoders (as it is; keys sorted) and the types _bulk() checks columns against, made on first use."""
    if not _KIT:
        from typing import Annotated

        import msgspec

        text, maybe = tuple[str, ...], tuple[str | None, ...]
        _KIT.extend((
            msgspec.json.Encoder(), msgspec.json.Encoder(order="sorted"),
            # id, task, month, recorded_at, by, (values: apart) percent, status, note
            tuple[text, text, tuple[int, ...], text, maybe, tuple[int | float | None, ...], maybe, maybe],
            # the figures: ints pass too, as json writes them
            tuple[Annotated[float, msgspec.Meta(ge=0, lt=1e16)], ...],
        ))
    return _KIT


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
